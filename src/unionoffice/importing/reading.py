"""Files to text: .txt in whatever encoding a Chinese office saved it, .docx via python-docx,
PDF with a text layer via pdfplumber, .doc/.wps converted to .docx by LibreOffice.

Every failure is an ImportFileError with a message for the clerk; nothing else escapes.
"""

from __future__ import annotations

import codecs
import re
import stat
import zipfile
from pathlib import Path

from unionoffice.importing.conversion import CONVERTED_SUFFIXES, converted_to_docx
from unionoffice.importing.document import Element, ImportFileError, SourceDocument, Table
from unionoffice.importing.pdf_reader import read_pdf
from unionoffice.importing.revisions import RevisionChoice, resolve_revisions

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
DOCX_SUFFIXES = frozenset({".docx", ".docm"})
PDF_SUFFIXES = frozenset({".pdf"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | DOCX_SUFFIXES | PDF_SUFFIXES | frozenset(CONVERTED_SUFFIXES)

MAX_TEXT_BYTES = 20 * 1024 * 1024
MAX_DOCX_BYTES = 100 * 1024 * 1024
# What a .docx may expand to. Word files of notices are a few MB even with pictures; the limits
# refuse zip bombs before python-docx reads (and inflates) every part into memory.
MAX_DOCX_UNCOMPRESSED = 300 * 1024 * 1024
MAX_DOCX_MEMBERS = 5000
MAX_COMPRESSION_RATIO = 200
_RATIO_CHECK_FROM = 5 * 1024 * 1024

_ZIP_MAGIC = b"PK\x03\x04"
_PDF_MAGIC = b"%PDF-"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 .doc, old .wps
_ENCODING_NAMES = {"utf_8": "UTF-8", "utf-8": "UTF-8", "utf_8_sig": "UTF-8-BOM"}


def read_document(path: Path, revisions: RevisionChoice = "accept") -> SourceDocument:
    """Read a .txt, .docx, .pdf, .doc or .wps file into paragraphs and tables.

    ``revisions``: a Word file's tracked changes are accepted, or (``"original"``) the text
    before them is read.
    """
    data = _read_bytes(path, MAX_DOCX_BYTES)
    suffix = path.suffix.lower()
    if data.startswith(_OLE_MAGIC) or suffix in CONVERTED_SUFFIXES:
        if not data.startswith((_OLE_MAGIC, _ZIP_MAGIC)):
            raise ImportFileError(
                "文件已损坏或不是 Word/WPS 文档：请在 Word/WPS 中打开确认，并另存为 .docx 后再导入"
            )
        with converted_to_docx(path) as converted:
            document = read_docx(converted, revisions)
        return SourceDocument(
            document.elements,
            path=path,
            encoding=None,
            revisions=document.revisions,
            properties=document.properties,
        )
    if data[:1024].lstrip().startswith(_PDF_MAGIC) or suffix in PDF_SUFFIXES:
        if _PDF_MAGIC not in data[:1024]:
            raise ImportFileError("文件已损坏或不是 PDF 文件")
        return read_pdf(path)
    if data.startswith(_ZIP_MAGIC) or suffix in DOCX_SUFFIXES:
        if not data.startswith(_ZIP_MAGIC):
            raise ImportFileError("文件已损坏或不是 Word 文档：.docx 应为 zip 格式")
        return read_docx(path, revisions)
    if len(data) > MAX_TEXT_BYTES:
        raise ImportFileError(f"文本文件过大（{len(data) // 1024 // 1024} MB），不像是一篇公文")
    text, encoding = decode_text(data)
    return SourceDocument(tuple(text.splitlines()), path=path, encoding=encoding)


def _read_bytes(path: Path, limit: int) -> bytes:
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise ImportFileError("这是文件夹，不是文件")
        if not stat.S_ISREG(status.st_mode):  # a pipe would block, a device never ends
            raise ImportFileError("不是普通文件（管道、设备等），无法导入")
        size = status.st_size
        if size > limit:
            raise ImportFileError(f"文件过大（{size // 1024 // 1024} MB），不像是一篇公文")
        return path.read_bytes()
    except FileNotFoundError:
        raise ImportFileError("文件不存在") from None
    except IsADirectoryError:
        raise ImportFileError("这是文件夹，不是文件") from None
    except PermissionError:
        raise ImportFileError("没有读取该文件的权限") from None
    except OSError as exc:
        raise ImportFileError(f"无法读取文件：{exc.strerror or exc}") from None


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode a text file and name its encoding: UTF-8 (with or without BOM), UTF-16 with a
    BOM, or GB18030 (which covers GBK and GB2312); others by charset detection if the result
    reads as Chinese text."""
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise ImportFileError("文件为空")
    if data.startswith(codecs.BOM_UTF8):
        return _decoded(data, "utf-8-sig", "UTF-8-BOM")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decoded(data, "utf-16", "UTF-16")
    if b"\x00" not in data:
        for codec, name in (("utf-8", "UTF-8"), ("gb18030", "GB18030")):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if _looks_like_text(text) and (codec == "utf-8" or _reads_as_chinese(text)):
                return text, name
    guess = _detect(data)
    if guess is not None:
        return guess
    if b"\x00" in data or _control_ratio(data) > 0.05:
        raise ImportFileError("不是文本文件（内容为二进制数据）")
    raise ImportFileError("无法识别文件编码：请将文件另存为 UTF-8 或 GBK（GB18030）编码的文本")


def _decoded(data: bytes, codec: str, name: str) -> tuple[str, str]:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        raise ImportFileError(f"文件标明为 {name} 编码，但内容有损坏的字节") from None
    if not _looks_like_text(text):
        raise ImportFileError("不是文本文件（内容为二进制数据）")
    return text, name


def _detect(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's best guess, accepted only when it decodes to readable Chinese."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        return None
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    if not _looks_like_text(text) or not any(_is_cjk(ch) for ch in text):
        return None
    return text, _ENCODING_NAMES.get(best.encoding, best.encoding.upper().replace("_", "-"))


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _is_usual(ch: str) -> bool:
    """Characters a notice is written in: common CJK, CJK and full-width punctuation, ASCII."""
    code = ord(ch)
    return (
        0x20 <= code < 0x7F
        or ch in "\t\n\r\f\u00a0\u00b7\u00d7\u00b0"
        or 0x4E00 <= code <= 0x9FFF
        or 0x3000 <= code <= 0x303F
        or 0xFF00 <= code <= 0xFFEF
        or 0x2000 <= code <= 0x206F
        or 0x2460 <= code <= 0x24FF  # ①
        or 0x2160 <= code <= 0x217F  # Ⅰ
        or 0x2190 <= code <= 0x21FF
        or 0x25A0 <= code <= 0x25FF  # ■ ●
        or code == 0xFEFF
    )


# _is_usual's characters, and the control characters (category Cc) but tab and line ends, as
# patterns: counted by the regex engine, not a Python loop (a folder import reads every file).
_UNUSUAL = re.compile(
    "[^\x20-\x7e\t\n\r\f\u00a0\u00b7\u00d7\u00b0\u4e00-\u9fff\u3000-\u303f\uff00-\uffef"
    "\u2000-\u206f\u2460-\u24ff\u2160-\u217f\u2190-\u21ff\u25a0-\u25ff\ufeff]+"
)
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]+")


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    usual = len(text) - sum(map(len, _UNUSUAL.findall(text)))
    control = sum(map(len, _CONTROL.findall(text)))
    return usual / len(text) >= 0.9 and control / len(text) < 0.01


def _reads_as_chinese(text: str) -> bool:
    """Whether a GB18030 decoding is right: its non-ASCII characters are common Chinese ones.

    Latin-1 or Big5 bytes also decode as GB18030, into rare and private-use characters.
    """
    wide = [ch for ch in text if not ch.isascii()]
    if not wide:
        return True
    usual = sum(1 for ch in wide if _is_usual(ch) and not "\ue000" <= ch <= "\uf8ff")
    return usual / len(wide) >= 0.95


def _control_ratio(data: bytes) -> float:
    control = sum(1 for b in data if b < 0x20 and b not in b"\t\n\r\f")
    return control / max(len(data), 1)


def check_docx_archive(path: Path) -> None:
    """Refuse archives that are broken, are not Word documents, or would expand too far."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            names = {m.filename for m in members}
    # NotImplementedError: a compression or zip version Python cannot read;
    # RuntimeError: an encrypted member.
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        ValueError,
        NotImplementedError,
        RuntimeError,
    ):
        raise ImportFileError("文件已损坏：不是有效的 .docx（zip）文件") from None
    except OSError as exc:
        raise ImportFileError(f"无法读取文件：{exc.strerror or exc}") from None
    if "word/document.xml" not in names:
        raise ImportFileError("不是 Word 文档：压缩包中没有正文（word/document.xml）")
    if len(members) > MAX_DOCX_MEMBERS:
        raise ImportFileError(f"Word 文档结构异常：包含 {len(members)} 个部件，已拒绝")
    total = sum(m.file_size for m in members)
    if total > MAX_DOCX_UNCOMPRESSED:
        raise ImportFileError(
            f"Word 文档解压后过大（{total // 1024 // 1024} MB，上限 "
            f"{MAX_DOCX_UNCOMPRESSED // 1024 // 1024} MB），可能是恶意构造的文件，已拒绝"
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > _RATIO_CHECK_FROM and ratio > MAX_COMPRESSION_RATIO:
            raise ImportFileError(
                f"Word 文档中的“{member.filename}”压缩比异常（{ratio:.0f} 倍），"
                "可能是恶意构造的文件，已拒绝"
            )


def read_docx(path: Path, revisions: RevisionChoice = "accept") -> SourceDocument:
    """Paragraphs (split at manual line breaks) and tables of a .docx body, in order, with
    its tracked changes accepted (or rejected, ``"original"``) and its custom properties."""
    check_docx_archive(path)
    import docx
    from docx.table import Table as DocxTable

    from unionoffice.exporting.docx.custom_properties import read_custom_properties

    try:
        document = docx.Document(str(path))
        found = resolve_revisions(document.element.body, revisions)
        properties = tuple(sorted(read_custom_properties(document).items()))
        elements: list[Element] = []
        for item in document.iter_inner_content():
            if isinstance(item, DocxTable):
                elements.append(_table(item))
            else:
                elements.extend(item.text.split("\n"))
    except ImportFileError:
        raise
    # python-docx and lxml raise many kinds of errors for damaged parts; all mean the same.
    except Exception as exc:
        raise ImportFileError(f"Word 文档已损坏，无法读取（{type(exc).__name__}）") from None
    return SourceDocument(
        tuple(elements), path=path, encoding=None, revisions=found, properties=properties
    )


def _table(table: object) -> Table:
    rows: list[tuple[str, ...]] = []
    for row in table.rows:  # type: ignore[attr-defined]
        rows.append(tuple(cell.text.strip() for cell in row.cells))
    return Table(tuple(rows))
