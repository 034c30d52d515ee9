"""Existing notices (.docx, .doc, .wps, .pdf, .txt, pasted text) to domain values:
read → clean → parse → store.

reading (files to lines and tables) → lines (cleaning) → notice_parser and activities (structure)
→ preparing (a file read and parsed) → service (the database, one transaction per file).
Nothing here imports Qt.

The names below are imported when first used, not with the package: a process that parses
files for an import (parallel.py) then starts without the database and Word export layers.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from unionoffice.importing.document import ImportFileError, SourceDocument
    from unionoffice.importing.notice_parser import ParsedNotice, parse_document, parse_text
    from unionoffice.importing.reading import read_document
    from unionoffice.importing.service import (
        STDIN,
        ImportResult,
        collect_files,
        import_file,
        import_paths,
        import_text,
        prepare_file,
        prepare_text,
        store_prepared,
    )

_WHERE = {
    "ImportFileError": "document",
    "SourceDocument": "document",
    "ParsedNotice": "notice_parser",
    "parse_document": "notice_parser",
    "parse_text": "notice_parser",
    "read_document": "reading",
    "STDIN": "preparing",
    "prepare_file": "preparing",
    "prepare_text": "preparing",
    "ImportResult": "service",
    "collect_files": "service",
    "import_file": "service",
    "import_paths": "service",
    "import_text": "service",
    "store_prepared": "service",
}

__all__ = [
    "STDIN",
    "ImportFileError",
    "ImportResult",
    "ParsedNotice",
    "SourceDocument",
    "collect_files",
    "import_file",
    "import_paths",
    "import_text",
    "parse_document",
    "parse_text",
    "prepare_file",
    "prepare_text",
    "read_document",
    "store_prepared",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
