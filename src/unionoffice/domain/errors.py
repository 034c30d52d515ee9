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
