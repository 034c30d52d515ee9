"""What an editor reads before it can show a notice, read in one go so that the window can read
it off the UI thread (gui/background_reads.py) and build the editor from it on the UI thread."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from unionoffice.domain.notice import NoticeData
from unionoffice.domain.organs import OrganInfo

if TYPE_CHECKING:
    from unionoffice.gui.app_context import AppContext


@dataclass(frozen=True)
class EditorOpening:
    """A notice as stored, and the lists its editor offers (organs, departments, 代字)."""

    notice: NoticeData
    organs: list[OrganInfo]
    departments: list[str]  # the organ's master list first, then the others written on plans
    series_codes: list[str]


def read_opening(context: AppContext, notice_id: int) -> EditorOpening:
    """Read what the editor of ``notice_id`` shows (no Qt: any thread)."""
    notice = context.notices.get(notice_id)
    organs = context.organs.organs()
    organ_id = next((o.id for o in organs if o.name == notice.organ), None)
    departments = context.organs.department_names(organ_id)
    departments += [d for d in context.notices.departments_in_use() if d not in departments]
    return EditorOpening(notice, organs, departments, context.organs.series_codes())
