"""Probe matrix, file side: where output goes (timetables, Word files), hostile templates and
what import is given. Every case: one clear Chinese message, the exit status, no traceback,
nothing half-written left behind, and the office database exactly as it was."""

from __future__ import annotations

import errno
import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.faults.kit import (
    Case,
    Desk,
    content_digest,
    no_leftovers,
    params,
    run_case,
    run_cli,
    run_unprivileged,
)

from unionoffice import output_files

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "samples" / "qinghai-2021-15.txt"

# Each way of writing a file, as a command given the target.
WRITERS: dict[str, Callable[[Path | str], list[str | Path]]] = {
    "pdf": lambda target: ["timetable", "2", "--pdf", target],
    "xlsx": lambda target: ["timetable", "2", "--xlsx", target],
    "ics": lambda target: ["timetable", "2", "--ics", target],
    "docx": lambda target: ["export", "2", "--docx", target],
}

# Each kind of target a command must refuse, and what it must say.
BAD_TARGETS: dict[str, tuple[Callable[[Desk, str], Path | str], str]] = {
    "fifo": (lambda d, ext: d.fifo(f"管道.{ext}"), "不是普通文件"),
    "device": (lambda d, ext: d.device(f"设备.{ext}"), "不是普通文件"),
    "missing-folder": (lambda d, ext: d.path(f"没有的文件夹/表.{ext}"), "文件夹.*不存在"),
    "under-a-file": (lambda d, ext: d.file("一个文件") / f"表.{ext}", "是文件，不是文件夹"),
    "too-long": (lambda d, ext: d.path("长" * 120 + f".{ext}"), "文件名太长"),
    "folder": (lambda d, ext: d.folder(f"文件夹.{ext}"), "这是一个文件夹"),
}


def _target_case(writer: str, kind: str) -> Case:
    make_target, message = BAD_TARGETS[kind]
    return Case(
        f"{writer}-to-{kind}",
        lambda d: WRITERS[writer](make_target(d, writer)),
        1,
        message,
        check=no_leftovers,
    )


OUTPUT = [_target_case(w, k) for w in WRITERS for k in BAD_TARGETS]
OUTPUT += [
    Case("docx-empty-name", lambda d: ["export", "2", "--docx", ""], 1, "请用 --docx|没有给出"),
    Case("out-dir-is-a-file", lambda d: ["export", "1", "2", "--out-dir", d.file("不是文件夹")], 1, "是一个文件，不是文件夹"),
    Case("out-dir-is-a-fifo", lambda d: ["export", "1", "2", "--out-dir", d.fifo("管道")], 1, "是一个文件，不是文件夹"),
    Case("out-dir-under-a-file", lambda d: ["export", "1", "--out-dir", d.file("f") / "sub"], 1, "无法创建输出文件夹"),
    Case("timetable-font-missing", lambda d: ["timetable", "2", "--pdf", d.path("x.pdf"), "--font", d.path("无.ttf")], 1, "找不到"),
    Case("timetable-font-not-a-font", lambda d: ["timetable", "2", "--pdf", d.path("x.pdf"), "--font", d.file("假.ttf", b"not a font")], 1, "字体"),
    Case(
        "pdf-replaces-an-existing-file",
        lambda d: ["timetable", "2", "--pdf", d.file("旧表.pdf", b"old")],
        0,
        "",
        check=lambda d, _o: _starts_with(d.path("旧表.pdf"), b"%PDF"),
    ),
]  # fmt: skip


def _starts_with(path: Path, magic: bytes) -> None:
    assert path.read_bytes().startswith(magic)


def _template(text: str) -> Callable[[Desk], list[str | Path]]:
    return lambda d: [
        "export",
        "2",
        "--docx",
        d.path("通知.docx"),
        "--template",
        d.template("本单位", text),
    ]


def _refused(name: str, text: str, message: str = "不能执行代码") -> Case:
    return Case(
        f"template-{name}",
        _template(text),
        1,
        rf"模板“本单位”（正文第 \d+ 段）.*{message}",
        check=no_leftovers,
    )


TEMPLATES = [
    _refused("loop", "{% for a in 标题 %}{% for b in 标题 %}{{ a }}{% endfor %}{% endfor %}"),
    _refused("macro-recursion", "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}"),
    _refused("include", "{% include '文件式.docx' %}"),
    _refused("import", "{% import 'x' as y %}"),
    _refused("from-import", "{% from 'x' import y %}"),
    _refused("extends", "{% extends 'x' %}"),
    _refused("block", "{% block b %}{% endblock %}"),
    _refused("set", "{% set x = 标题 %}{{ x }}"),
    _refused("with", "{% with x = 标题 %}{{ x }}{% endwith %}"),
    _refused("filter-block", "{% filter upper %}{{ 标题 }}{% endfilter %}"),
    _refused("call-block", "{% call x() %}{% endcall %}"),
    _refused("center-a-billion", "{{ 文号 | center(1000000000) }}"),
    _refused("indent-a-billion", "{{ 标题 | indent(1000000000) }}"),
    _refused("format-width", "{{ '%999999999s' | format(文号) }}"),
    _refused("wordwrap", "{{ 标题 | wordwrap(1) }}"),
    _refused("join-range", "{{ 标题 | join(标题) }}"),
    _refused("attribute", "{{ 文号.__class__ }}"),
    _refused("item", "{{ 标题[0] }}"),
    _refused("method-call", "{{ 标题.upper() }}"),
    _refused("multiply", "{{ 标题 * 1000000 }}", "不可用|不能执行代码"),
    _refused("power", "{{ 9 ** 9 ** 9 }}", "不可用|不能执行代码"),
    _refused("huge-constant", "{{ '" + "长" * 3000 + "' }}"),
    Case("template-syntax-error", _template("{{ 文号 "), 1, "写法有误"),
    Case("template-unknown-name", _template("{{ 文好 }}"), 1, "不认识的占位符"),
    Case("template-body-with-text", _template("正文：{{ 正文 }}"), 1, "必须单独占一段"),
    Case("template-not-a-docx", lambda d: ["export", "2", "--docx", d.path("x.docx"), "--template", d.file("坏.docx", "文字")], 1, "不是 .docx"),
    Case("template-broken-zip", lambda d: ["export", "2", "--docx", d.path("x.docx"), "--template", d.file("坏.docx", b"PK\x03\x04" + b"\0" * 40)], 1, "模板“坏”"),
    Case("template-empty-file", lambda d: ["export", "2", "--docx", d.path("x.docx"), "--template", d.file("空.docx")], 1, "模板“空”"),
    Case("template-missing", lambda d: ["export", "2", "--docx", d.path("x.docx"), "--template", d.path("没有.docx")], 1, "找不到模板文件"),
    Case("template-unknown-name-only", lambda d: ["export", "2", "--docx", d.path("x.docx"), "--template", "没有这个模板"], 1, "找不到模板"),
    Case("template-bad-setting", lambda d: ["export", "2", "--docx", d.path("x.docx"), "--template", _with_comment(d, "活动方案：图片")], 1, "无法识别"),
    Case(
        "template-without-page-settings",
        lambda d: ["export", "2", "--docx", d.path("通知.docx"), "--template", _without_sections(d)],
        0,
        "已导出",
    ),
    Case("template-allowed-if", _template("{% if 文号 %}{{ 文号 | trim }}{% endif %}"), 0, "已导出"),
]  # fmt: skip


def _with_comment(desk: Desk, comment: str) -> Path:
    import docx

    path = desk.template("设置有误")
    document = docx.Document(str(path))
    document.core_properties.comments = comment
    document.save(str(path))
    return path


def _without_sections(desk: Desk) -> Path:
    """A template whose page settings a converter dropped (no w:sectPr anywhere)."""
    path = desk.template("无页面设置")
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    while "<w:sectPr" in xml:
        start = xml.index("<w:sectPr")
        end = xml.index("</w:sectPr>", start) + len("</w:sectPr>")
        xml = xml[:start] + xml[end:]
    parts["word/document.xml"] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


IMPORTS = [
    Case("import-empty-path", lambda d: ["import", ""], 1, "路径为空"),
    Case("import-blank-path", lambda d: ["import", "  "], 1, "路径为空"),
    Case("import-empty-folder", lambda d: ["import", d.folder("空文件夹")], 1, "没有可导入的公文"),
    Case("import-folder-of-pictures", lambda d: ["import", _folder_with(d, "照片", ["a.jpg", "b.png"])], 1, "没有可导入的公文"),
    Case("import-fifo", lambda d: ["import", d.fifo("管道.txt")], 1, "不是普通文件"),
    Case("import-device", lambda d: ["import", d.device("设备.txt")], 1, "不是普通文件"),
    Case("import-fifo-in-folder", lambda d: ["import", _folder_with_fifo(d)], 1, "跳过 .*管道.txt：不是普通文件"),
    Case("import-missing", lambda d: ["import", d.path("没有.txt")], 1, "不存在"),
    Case("import-old-doc", lambda d: ["import", d.file("旧.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")], 1, "另存为 .docx"),
    Case("import-wps", lambda d: ["import", d.file("旧.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")], 1, "另存为 .docx"),
    Case("import-xlsx", lambda d: ["import", d.file("表.xlsx", b"PK")], 1, "不支持的文件类型"),
    Case("import-empty-txt", lambda d: ["import", d.file("空.txt")], 1, "文件为空"),
    Case("import-binary-txt", lambda d: ["import", d.file("乱码.txt", bytes(range(256)) * 40)], 1, "不像|无法|乱码|不是"),
    Case("import-too-big-txt", lambda d: ["import", _big(d)], 1, "过大"),
    Case("import-broken-docx", lambda d: ["import", d.file("坏.docx", b"PK\x03\x04 broken")], 1, "已损坏"),
    Case("import-docx-that-is-text", lambda d: ["import", d.file("假.docx", "一段文字")], 1, "已损坏|不是 Word"),
    Case("import-database-file", lambda d: ["import", d.db], 1, "不支持的文件类型"),
]  # fmt: skip


def _folder_with(desk: Desk, name: str, files: list[str]) -> Path:
    folder = desk.folder(name)
    for file in files:
        (folder / file).write_bytes(b"\xff\xd8\xff")
    return folder


def _folder_with_fifo(desk: Desk) -> Path:
    folder = desk.folder("收文")
    os.mkfifo(folder / "管道.txt")
    return folder


def _big(desk: Desk) -> Path:
    path = desk.path("大.txt")
    with open(path, "wb") as handle:
        handle.write("通知".encode() * (11 * 1024 * 1024 // 2))
    return path


def test_import_of_a_good_file_beside_bad_ones_keeps_the_good_one(desk: Desk) -> None:
    """A failing path does not stop the others: the good notice is stored, once."""
    before = content_digest(desk.db)
    good = desk.file("通知.txt", SAMPLE.read_text(encoding="utf-8"))
    outcome = run_cli(["--db", desk.db, "import", desk.fifo("p.txt"), good])
    assert outcome.code == 1 and "共导入 1 篇" in outcome.err
    assert content_digest(desk.db) != before


@pytest.mark.parametrize("case", params(OUTPUT + TEMPLATES + IMPORTS))
def test_probe(case: Case, desk: Desk) -> None:
    run_case(case, desk)


def test_a_disk_that_fills_during_export_says_so_once(desk: Desk, monkeypatch) -> None:
    """ENOSPC while the file is written: one message, the old file kept, no temp file, and
    nothing from the zip writer complaining afterwards."""
    import gc

    old = desk.file("通知.docx", b"the old export")
    real_fdopen = os.fdopen

    class FullDisk(io.FileIO):
        def write(self, data) -> int:  # type: ignore[no-untyped-def]
            raise OSError(errno.ENOSPC, "No space left on device")

    def fdopen(fd: int, mode: str = "r", *args, **kwargs):  # type: ignore[no-untyped-def]
        if "w" in mode:
            return FullDisk(fd, "w")
        return real_fdopen(fd, mode, *args, **kwargs)

    monkeypatch.setattr(output_files.os, "fdopen", fdopen)
    outcome = run_cli(["--db", desk.db, "export", "2", "--docx", old])
    monkeypatch.undo()
    gc.collect()
    assert outcome.code == 1
    assert outcome.err.count("错误：") == 1 and "磁盘空间不足" in outcome.err
    assert old.read_bytes() == b"the old export"
    no_leftovers(desk, outcome)


@pytest.mark.parametrize("writer", ["pdf", "docx"])
def test_a_folder_without_write_permission(desk: Desk, writer: str) -> None:
    """A real permission error, in a process that file permissions apply to even as root."""
    locked = desk.folder("只读文件夹")
    locked.chmod(0o555)
    try:
        outcome = run_unprivileged(
            ["--db", desk.db, *WRITERS[writer](locked / f"表.{writer}")], cwd=desk.dir
        )
    finally:
        locked.chmod(0o755)
    assert outcome.code == 1, outcome.err
    assert "没有写入权限" in outcome.err and "Traceback" not in outcome.err
    assert list(locked.iterdir()) == []


def test_an_unreadable_subfolder_is_named(desk: Desk) -> None:
    archive = desk.folder("归档")
    (archive / "通知.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    secret = desk.folder("归档/保密")
    (secret / "x.txt").write_text("内部", encoding="utf-8")
    secret.chmod(0o000)
    try:
        outcome = run_unprivileged(["--db", desk.db, "import", archive], cwd=desk.dir)
    finally:
        secret.chmod(0o755)
    assert "Traceback" not in outcome.err
    assert outcome.code == 1 and "共导入 1 篇" in outcome.err
    assert "保密：无法读取文件夹" in outcome.err
