"""A notice's line in a list: what the document tree, the counts and ``list`` show."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from unionoffice.domain.notice import NoticeStatus


@dataclass(frozen=True, slots=True)
class NoticeSummary:
    """What the document tree and ``list`` show of a notice."""

    id: int
    doc_number: str | None
    series_code: str | None
    year: int | None
    title: str
    status: NoticeStatus
    date: dt.date | None
    organ: str | None
    folder: str
    activity_count: int
    deleted: bool
    number: int | None = None  # the 文号's sequence number, for ordering lists
