"""Errors of Word export, with messages a clerk can act on."""

from __future__ import annotations

from unionoffice.domain.errors import UnionOfficeError


class TemplateError(UnionOfficeError):
    """A template cannot be found, opened or filled; the message names the template."""


class ExportError(UnionOfficeError):
    """The exported file cannot be written (folder missing, file open in Word, disk full)."""
