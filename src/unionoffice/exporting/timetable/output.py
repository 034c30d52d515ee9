"""Write a finished timetable atomically (temporary name, then renamed): see output_files."""

from __future__ import annotations

from pathlib import Path

from unionoffice.exporting.timetable.errors import TimetableError
from unionoffice.output_files import write_atomically as _write_atomically


def write_atomically(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path``; TimetableError with a Chinese message when it cannot be."""
    return _write_atomically(path, data, error=TimetableError)
