"""A date field that may be left empty: a QDateEdit at its minimum shows its special value
(未填, 未识别), which the code reads as no date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate

NO_DATE = QDate(1900, 1, 1)


def to_qdate(value: dt.date | None) -> QDate:
    return NO_DATE if value is None else QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date | None:
    return None if value == NO_DATE else dt.date(value.year(), value.month(), value.day())
