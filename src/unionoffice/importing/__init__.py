"""Existing notices (.docx, .doc, .wps, .pdf, .txt, pasted text) to domain values:
read → clean → parse → store.

reading (files to lines and tables) → lines (cleaning) → notice_parser and activities (structure)
→ service (the database, one transaction per file). Nothing here imports Qt.
"""

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
