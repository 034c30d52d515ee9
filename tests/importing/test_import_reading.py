"""Reading files: encodings detected, bad files refused with a clear Chinese message."""

from __future__ import annotations

import codecs
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from unionoffice.importing import ImportFileError, read_document
from unionoffice.importing.reading import MAX_DOCX_UNCOMPRESSED, decode_text

NOTICE = "青海省总工会办公室文件\n青总办〔2021〕15号\n关于开展“五一”活动的通知\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (NOTICE.encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF8 + NOTICE.encode("utf-8"), "UTF-8-BOM"),
        (NOTICE.encode("gbk"), "GB18030"),
        (NOTICE.encode("gb18030"), "GB18030"),
        ((NOTICE + "𠮷字与€").encode("gb18030"), "GB18030"),
        (codecs.BOM_UTF16_LE + NOTICE.encode("utf-16-le"), "UTF-16"),
    ],
)
def test_encodings_are_detected(data: bytes, encoding: str) -> None:
    text, detected = decode_text(data)
    assert detected == encoding
    assert text.lstrip("\ufeff").startswith("青海省总工会办公室文件")


def test_gbk_file_reads_like_utf8(tmp_path: Path) -> None:
    gbk, utf8 = tmp_path / "a.txt", tmp_path / "b.txt"
    gbk.write_bytes(NOTICE.replace("\n", "\r\n").encode("gbk"))
    utf8.write_text(NOTICE, encoding="utf-8")
    first, second = read_document(gbk), read_document(utf8)
    assert first.elements == second.elements
    assert first.content_hash() == second.content_hash()
    assert (first.encoding, second.encoding) == ("GB18030", "UTF-8")


def _error(path: Path) -> str:
    with pytest.raises(ImportFileError) as info:
        read_document(path)
    return str(info.value)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert _error(path) == "文件为空"
    path.write_bytes(b" \r\n\t\n")
    assert _error(path) == "文件为空"


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "picture.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert "二进制" in _error(path)


def test_unknown_encoding(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    # Bytes that are neither UTF-8 nor GB18030 (0x80 and 0xFF never start a GB18030 character).
    path.write_bytes(b"caf\xe9 \x80\xff na\xefve \xff\x80 " * 20)
    assert _error(path).startswith("无法识别文件编码")
    # Latin-1 decodes as GB18030 too, into rare and private-use characters: refused.
    path.write_bytes("Grüße aus München, schöne Grüße".encode("latin-1"))
    assert _error(path).startswith("无法识别文件编码")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert _error(tmp_path / "nothing.txt") == "文件不存在"
    assert _error(tmp_path) == "这是文件夹，不是文件"


def test_an_old_word_file_libreoffice_cannot_convert(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    assert "LibreOffice 无法转换" in _error(path) and "另存为 .docx" in _error(path)


def test_broken_zip(tmp_path: Path, make_docx: Callable[..., Path]) -> None:
    good = make_docx("good.docx", ["关于开展活动的通知"]).read_bytes()
    path = tmp_path / "broken.docx"
    path.write_bytes(good[: len(good) // 2])
    assert "已损坏" in _error(path)
    path.write_bytes(b"not a zip at all")
    assert "不是 Word 文档" in _error(path) or "已损坏" in _error(path)


def test_zip_without_document_part(tmp_path: Path) -> None:
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    assert "word/document.xml" in _error(path)


def test_broken_xml(tmp_path: Path, make_docx: Callable[..., Path]) -> None:
    good = make_docx("good.docx", ["关于开展活动的通知"])
    path = tmp_path / "badxml.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)
    assert "Word 文档已损坏" in _error(path)


def _declare_size(path: Path, member: str, size: int) -> None:
    """Rewrite the uncompressed size a zip's central directory declares for ``member``."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    offset = data.find(b"PK\x01\x02")
    while offset != -1:
        name_length = struct.unpack_from("<H", data, offset + 28)[0]
        if bytes(data[offset + 46 : offset + 46 + name_length]) == name:
            struct.pack_into("<I", data, offset + 24, size)
        offset = data.find(b"PK\x01\x02", offset + 4)
    path.write_bytes(bytes(data))


def test_zip_bomb_with_a_huge_declared_size(make_docx: Callable[..., Path]) -> None:
    path = make_docx("bomb.docx", ["关于开展活动的通知"])
    _declare_size(path, "word/document.xml", 0xFFFFFFF0)
    assert MAX_DOCX_UNCOMPRESSED < 0xFFFFFFF0
    message = _error(path)
    assert "解压后过大" in message and "已拒绝" in message


def test_zip_bomb_with_a_high_compression_ratio(tmp_path: Path) -> None:
    path = tmp_path / "ratio.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/media/big.bin", b"\0" * (20 * 1024 * 1024))
    assert "压缩比异常" in _error(path)


def test_text_with_a_docx_suffix_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_text(NOTICE, encoding="utf-8")
    assert ".docx" in _error(path)


def test_docx_saved_with_a_txt_suffix_is_read_as_word(make_docx: Callable[..., Path]) -> None:
    path = make_docx("really-word.txt", ["关于开展活动的通知"])
    assert read_document(path).elements == ("关于开展活动的通知",)
