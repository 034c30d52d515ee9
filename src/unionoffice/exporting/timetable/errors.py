"""Errors of timetable output, shown to the clerk as they are."""

from __future__ import annotations

from unionoffice.domain.errors import UnionOfficeError


class TimetableError(UnionOfficeError):
    """A timetable could not be made or written."""


class FontNotFoundError(TimetableError):
    """No Chinese TrueType font that reportlab can embed was found."""
