"""Importing a notice's own Word file after it was edited: an update of that notice, not a new one.

An exported file names its notice and version in its custom properties; a file without them
but with the 文号 of a notice in the database is offered as an update of that notice too. The
update is shown (``changes``) before it is stored, and stored with the version check every save
has: a file exported from an older version than the database's is a conflict, and nothing is
overwritten unless the clerk says so.
"""

from __future__ import annotations

import dataclasses
import re
import tempfile
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Literal

from unionoffice.domain.activity_plan import PlanLayout
from unionoffice.domain.doc_number import DocNumber
from unionoffice.domain.errors import ConflictError, NotFoundError
from unionoffice.domain.file_update import merge_from_file
from unionoffice.domain.notice import NoticeData
from unionoffice.domain.notice_changes import NoticeChanges, compare_notices
from unionoffice.exporting.docx.custom_properties import ExportIdentity
from unionoffice.storage.database import Database
from unionoffice.storage.services.notices import NoticeService

MatchedBy = Literal["identity", "doc_number"]
_SAME_TITLE = 0.6  # how alike the titles of a file and a notice with its 文号 must be
_TITLE_END = re.compile(r"的?(通知|通报|意见|决定|报告|请示|批复|函|方案|纪要|计划|安排)$")


@dataclass(frozen=True)
class FileUpdate:
    """A file that updates a stored notice: the notice as stored, as the file would make it,
    and what differs."""

    path: Path
    stored: NoticeData
    updated: NoticeData
    changes: NoticeChanges
    matched_by: MatchedBy
    file_version: int | None = None  # the version the file was exported from, if it says
    warnings: tuple[str, ...] = ()

    @property
    def notice_id(self) -> int:
        assert self.stored.id is not None
        return self.stored.id

    @property
    def stale(self) -> bool:
        """Whether the notice was saved again after the file was exported from it."""
        return self.file_version is not None and self.file_version != self.stored.version

    def conflict_message(self) -> str:
        """Why a stale file is not applied as it is (empty when it is not stale)."""
        if not self.stale:
            return ""
        return (
            f"该文件导出自“{self.stored.title}”的第 {self.file_version} 版，数据库中已是第 "
            f"{self.stored.version} 版（导出后又有修改）；按文件更新会覆盖这些修改"
        )

    def describe(self) -> str:
        how = "文件属性" if self.matched_by == "identity" else f"文号 {self.stored.doc_number}"
        return f"按{how}对应已有公文“{self.stored.title}”：{self.changes.summary()}"


def find_update(
    db: Database, path: Path, notice: NoticeData, properties: tuple[tuple[str, str], ...]
) -> FileUpdate | None:
    """The update ``notice`` (read from ``path``) makes to a stored notice, or None when it
    names none: it was never exported from this database and has no 文号 found here."""
    service = NoticeService(db)
    identity = ExportIdentity.from_properties(dict(properties))
    stored = _by_identity(service, identity) if identity is not None else None
    matched_by: MatchedBy = "identity"
    if stored is None:
        matched_by = "doc_number"
        stored = _by_doc_number(service, notice)
        identity = None
    if stored is None:
        return None
    updated = merge_from_file(stored, read_back(stored, identity), notice)
    warnings = []
    if notice.doc_number and stored.doc_number and notice.doc_number != stored.doc_number:
        warnings.append(
            f"文件中的文号 {notice.doc_number} 与公文的文号 {stored.doc_number} 不同；"
            "文号未改（请在发文登记簿中处理）"
        )
    return FileUpdate(
        path,
        stored,
        updated,
        compare_notices(stored, updated),
        matched_by,
        identity.version if identity is not None else None,
        tuple(warnings),
    )


def read_back(stored: NoticeData, identity: ExportIdentity | None) -> NoticeData:
    """``stored`` as its own export, unedited, reads back: what the file was before the edits."""
    from unionoffice.exporting.docx.notice_writer import render_notice
    from unionoffice.exporting.docx.options import ExportOptions
    from unionoffice.importing.service import prepare_file

    layout = PlanLayout(identity.plan_layout) if identity and identity.plan_layout else None
    document = render_notice(stored, ExportOptions(plan_layout=layout))
    with tempfile.TemporaryDirectory(prefix="unionoffice-") as folder:
        path = Path(folder) / "baseline.docx"
        document.save(str(path))
        return prepare_file(path).parsed.notice


def apply_update(db: Database, update: FileUpdate, *, over_newer: bool = False) -> int:
    """Store the file's content in its notice in one transaction; the new version.

    A stale file (``update.stale``) is refused with ConflictError unless ``over_newer``; a
    save made by someone else since the update was computed is refused in any case.
    """
    if update.stale and not over_newer:
        raise ConflictError(update.conflict_message() + "，未更新")
    return NoticeService(db).update(dataclasses.replace(update.updated))


def _by_identity(service: NoticeService, identity: ExportIdentity) -> NoticeData | None:
    try:
        stored = service.get(identity.notice_id)
    except NotFoundError:
        return None
    # Another database's notice with the same id: its 文号 tells them apart.
    if identity.doc_number and stored.doc_number != identity.doc_number:
        return None
    return stored


def _by_doc_number(service: NoticeService, notice: NoticeData) -> NoticeData | None:
    if not (notice.series_code and notice.year and notice.number):
        return None
    try:
        wanted = DocNumber(notice.series_code, notice.year, notice.number)
    except ValueError:
        return None
    found = service.find_by_doc_number(wanted)
    if found is None:
        return None
    stored = service.get(found)
    # The same 文号 on another notice (misread, or mistyped) is not this notice come back.
    mine, theirs = _title_core(stored.title, stored.organ), _title_core(notice.title, stored.organ)
    similar = SequenceMatcher(None, mine, theirs, autojunk=False).ratio()
    return stored if similar >= _SAME_TITLE else None


def _title_core(title: str, organ: str | None) -> str:
    """What a title is about, without the organ, 关于 and 的通知 every title has."""
    core = "".join(title.split())
    if organ:
        core = core.removeprefix(organ)
    core = core.removeprefix("关于")
    return _TITLE_END.sub("", core)
