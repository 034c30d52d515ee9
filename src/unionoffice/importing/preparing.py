"""A file or a pasted text read and parsed into a notice not yet stored (PreparedFile).

Nothing here touches the database, so it runs as well in a worker process (parallel.py) as in
the caller; it imports only the readers and parsers, which keeps a worker's start short.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from unionoffice.importing.document import ImportFileError, SourceDocument
from unionoffice.importing.notice_parser import ParsedNotice, parse_document
from unionoffice.importing.reading import MAX_TEXT_BYTES, decode_text, read_document
from unionoffice.importing.revisions import RevisionChoice, Revisions
from unionoffice.importing.understood import undated_activities

STDIN = Path("-")  # the path of a notice read from standard input


@dataclass(frozen=True)
class PreparedFile:
    """A file read and parsed, not yet stored."""

    path: Path
    parsed: ParsedNotice
    source_hash: str
    warnings: tuple[str, ...] = field(default=())
    source_text: str = ""
    revisions: Revisions | None = None  # a Word file's tracked changes
    properties: tuple[tuple[str, str], ...] = ()  # a Word file's custom properties


def prepare_file(path: Path, revisions: RevisionChoice = "accept") -> PreparedFile:
    """Read and parse one file; raises ImportFileError with the reason in Chinese.

    ``revisions``: accept a Word file's tracked changes, or read the text before them.
    """
    return _prepared(path, read_document(path, revisions))


def prepare_text(data: bytes, label: Path = STDIN) -> PreparedFile:
    """Parse the text of a notice given as bytes (stdin, a paste); raises ImportFileError."""
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise ImportFileError("没有读到公文内容：输入为空")
    if len(data) > MAX_TEXT_BYTES:
        raise ImportFileError(f"输入的文本过大（{len(data) // 1024 // 1024} MB），不像是一篇公文")
    text, encoding = decode_text(data)
    return _prepared(label, SourceDocument(tuple(text.splitlines()), encoding=encoding))


def _prepared(path: Path, document: SourceDocument) -> PreparedFile:
    parsed = parse_document(document)
    warnings = list(parsed.warnings)
    if not parsed.notice.title:
        parsed.notice.title = "导入的公文" if path == STDIN else path.stem
        warnings.append("未识别到标题，请补充" if path == STDIN else "标题取自文件名")
    warnings += undated_activities(parsed.notice)
    if document.revisions is not None and document.revisions.count:
        warnings.append(document.revisions.describe())
    return PreparedFile(
        path,
        parsed,
        document.content_hash(),
        tuple(warnings),
        document.plain_text(),
        revisions=document.revisions,
        properties=document.properties,
    )
