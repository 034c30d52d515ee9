"""Errors whose message is shown to the clerk as it is (Chinese, plain, actionable)."""

from __future__ import annotations


class UnionOfficeError(Exception):
    """Base of every error the CLI and GUI report to the user instead of crashing."""


class NotFoundError(UnionOfficeError):
    pass


class ConflictError(UnionOfficeError):
    """The change clashes with data already there (a taken 文号, a newer edit)."""


class DatabaseError(UnionOfficeError):
    """The database file or server cannot be used."""


class DatabaseInUseError(DatabaseError):
    """Another process has the database open, so it cannot be replaced or rewritten now."""


class FileWriteError(UnionOfficeError):
    """An output file (Word notice, timetable, backup) cannot be written where asked."""
