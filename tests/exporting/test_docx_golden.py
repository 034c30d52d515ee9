"""Exported files part for part as they were written before the export was made faster.

Each case's parts are checked in under golden/: the full text of every part but the two large
style parts, which are checked by digest. A change that is meant to alter the output writes
them again with ``python -m tests.exporting.test_docx_golden`` (and says why in its commit).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import hashlib
import json
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.exporting.office_header_files import office_header_docx

from unionoffice.domain.notice import Block, NoticeData
from unionoffice.exporting.docx import (
    WINDOWS_FONTS,
    ExportOptions,
    Letterhead,
    PlanLayout,
    SignatureLayout,
    export_notice,
    export_notices,
)
from unionoffice.exporting.docx.office_header import make_office_template
from unionoffice.exporting.docx.specimen import SPECIMEN_LETTERHEAD, specimen_notice

GOLDEN = Path(__file__).with_name("golden")
TEXT_LIMIT = 200_000  # larger parts (styles.xml, stylesWithEffects.xml) are kept as digests
ORGAN = "青海省总工会"
LETTERHEAD = Letterhead(f"{ORGAN}文件", ORGAN, ORGAN)
MARKS = {"copy_number": "123", "secrecy": "秘密", "secrecy_term": "1年", "urgency": "特急"}


def report(**fields: object) -> NoticeData:
    values: dict = {
        "title": "青海省总工会关于2021年上半年工作情况的报告",
        "organ": ORGAN,
        "series_code": "青工",
        "year": 2021,
        "number": 12,
        "recipients": "中华全国总工会",
        "body": [Block.paragraph("现将我会2021年上半年工作情况报告如下。")],
        "signature": ORGAN,
        "date": dt.date(2021, 7, 6),
        "cc": "省委办公厅，省政府办公厅",
        "id": 41,
        "version": 2,
    }
    values.update(fields)
    return NoticeData(**values)


def stored(notice: NoticeData) -> NoticeData:
    """As read from the database: with an id and a version (written as custom properties)."""
    return dataclasses.replace(notice, id=7, version=3)


def minutes() -> NoticeData:
    notice = specimen_notice(2)
    return dataclasses.replace(
        notice,
        attendees="张三、李四、王五、赵六、孙七、周八、吴九、郑十、钱十一、陈十二",
        absentees="刘一（出差）",
        observers="省总办公室、省总组织部",
    )


# name: (template, notice, options); the template "office" is an office's own red header
CASES: dict[str, tuple[str, Callable[[], NoticeData], dict]] = {
    "file-plan-paragraphs": ("文件式", lambda: stored(specimen_notice(4)), {}),
    "file-plan-table": (
        "文件式",
        lambda: stored(specimen_notice(7)),
        {"plan_layout": PlanLayout.TABLE},
    ),
    "file-marks-issuer": ("文件式", lambda: report(**MARKS, issuer="张三 李四"), {}),
    "file-many-issuers": ("文件式", lambda: report(issuer="张三 李四 欧阳明 赵六 孙七"), {}),
    "file-fonts-unsealed": (
        "文件式",
        lambda: specimen_notice(3),
        {"fonts": WINDOWS_FONTS, "signature": SignatureLayout.UNSEALED},
    ),
    "file-draft": ("文件式", lambda: report(number=None, cc="", id=None, version=None), {}),
    "letter-issuer": ("信函式", lambda: report(**MARKS, issuer="王五"), {}),
    "letter-marks": ("信函式", lambda: report(**MARKS), {}),
    "letter-plan": ("信函式", lambda: stored(specimen_notice(5)), {}),
    "minutes": ("纪要式", minutes, {}),
    "minutes-plain": ("纪要式", lambda: report(attendees="张三、李四"), {}),
    "preprinted": ("套打", lambda: stored(specimen_notice(2)), {}),
    "office": ("office", lambda: stored(specimen_notice(3)), {}),
    "office-marks": ("office", lambda: report(**MARKS, issuer="王五"), {}),
}


def _office_template(folder: Path) -> str:
    source = office_header_docx(folder / "红头.docx")
    info = make_office_template(source, "本单位红头", number=2, body=3, user_dir=folder / "t")
    return str(info.path)


def parts_of(path: Path) -> dict[str, dict[str, str]]:
    """Each part of a .docx: its digest, and its text unless it is large or binary."""
    parts = {}
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            data = package.read(name)
            entry = {"sha256": hashlib.sha256(data).hexdigest()}
            if len(data) <= TEXT_LIMIT and name.endswith((".xml", ".rels")):
                entry["text"] = data.decode("utf-8")
            parts[name] = entry
    return parts


def export_cases(folder: Path) -> dict[str, dict[str, dict[str, str]]]:
    """Every case exported into ``folder`` (one notice a call, and all again as a batch)."""
    office = _office_template(folder)
    results = {}
    for name, (template, make, options) in CASES.items():
        chosen = ExportOptions(
            template=office if template == "office" else template,
            letterhead=SPECIMEN_LETTERHEAD if template == "office" else LETTERHEAD,
            **options,
        )
        path = export_notice(make(), folder / f"{name}.docx", chosen, user_dir=folder / "none")
        results[name] = parts_of(path)
    return results


def test_every_case_is_written_as_before(tmp_path: Path) -> None:
    produced = export_cases(tmp_path)
    for name, parts in produced.items():
        expected = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
        assert list(parts) == list(expected), f"{name}: the package's parts"
        for part, entry in parts.items():
            if entry["sha256"] == expected[part]["sha256"]:
                continue
            diff = "\n".join(
                difflib.unified_diff(
                    expected[part].get("text", "").replace("><", ">\n<").splitlines(),
                    entry.get("text", "").replace("><", ">\n<").splitlines(),
                    "expected",
                    "produced",
                    lineterm="",
                    n=2,
                )
            )
            pytest.fail(f"{name}: {part} differs\n{diff[:6000]}")


def test_a_batch_writes_each_notice_as_alone(tmp_path: Path) -> None:
    """Notices exported in one batch, after other templates were used, come out as alone."""
    names = ["file-plan-table", "file-plan-paragraphs", "file-marks-issuer"]
    options = ExportOptions(template="文件式", letterhead=LETTERHEAD)
    export_notice(report(**MARKS, issuer="王五"), tmp_path / "letter.docx",
                  dataclasses.replace(options, template="信函式"))  # fmt: skip
    batch = export_notices([CASES[name][1]() for name in names], tmp_path / "batch", options)
    expected = json.loads((GOLDEN / "file-plan-paragraphs.json").read_text(encoding="utf-8"))
    assert parts_of(batch[1].path) == expected
    expected = json.loads((GOLDEN / "file-marks-issuer.json").read_text(encoding="utf-8"))
    assert parts_of(batch[2].path) == expected
    table = dataclasses.replace(options, plan_layout=PlanLayout.TABLE)
    batch = export_notices([CASES[name][1]() for name in names], tmp_path / "tables", table)
    expected = json.loads((GOLDEN / "file-plan-table.json").read_text(encoding="utf-8"))
    assert parts_of(batch[0].path) == expected


def write_golden() -> None:
    """Write golden/ from the code as it is now."""
    GOLDEN.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        for name, parts in export_cases(Path(folder)).items():
            text = json.dumps(parts, ensure_ascii=False, indent=1) + "\n"
            (GOLDEN / f"{name}.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write_golden()
    sys.exit(0)
