"""A .docx is a zip of XML written by whoever sent it: importing must not read files the
document points at (external entities) nor anything outside the archive."""

import contextlib
import zipfile
from pathlib import Path

import docx
import pytest

from unionoffice.domain.errors import UnionOfficeError
from unionoffice.importing.reading import read_document

SECRET = "机密内容不得读入"


def _docx_with_entity(tmp_path: Path, system_id: str) -> Path:
    plain = tmp_path / "plain.docx"
    document = docx.Document()
    document.add_paragraph("青海省总工会办公室文件")
    document.add_paragraph("PLACEHOLDER")
    document.save(plain)
    hostile = tmp_path / "hostile.docx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(hostile, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                declaration_end = text.index("?>") + 2
                text = (
                    text[:declaration_end]
                    + f'<!DOCTYPE w:document [<!ENTITY secret SYSTEM "{system_id}">]>'
                    + text[declaration_end:]
                ).replace("PLACEHOLDER", "&secret;")
                data = text.encode("utf-8")
            target.writestr(item, data)
    return hostile


def test_external_entities_are_never_resolved(tmp_path):
    secret_file = tmp_path / "secret.txt"
    secret_file.write_text(SECRET, encoding="utf-8")
    hostile = _docx_with_entity(tmp_path, str(secret_file))  # a parser that resolves would read it
    try:
        text = read_document(hostile).plain_text()
    except UnionOfficeError:
        return  # refusing the file outright is as good
    assert SECRET not in text


@pytest.mark.parametrize("member", ["../outside.xml", "/etc/passwd"])
def test_members_pointing_outside_the_archive_are_not_followed(tmp_path, member):
    plain = tmp_path / "plain.docx"
    document = docx.Document()
    document.add_paragraph("关于开展活动的通知")
    document.save(plain)
    with zipfile.ZipFile(plain, "a") as archive:
        archive.writestr(member, "<x/>")
    before = {p.name for p in tmp_path.parent.iterdir()}
    with contextlib.suppress(UnionOfficeError):
        read_document(plain)
    assert {p.name for p in tmp_path.parent.iterdir()} == before  # nothing was extracted
