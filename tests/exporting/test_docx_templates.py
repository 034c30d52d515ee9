"""Templates: finding them, broken files, sandboxed placeholders, settings, atomic saving."""

from __future__ import annotations

import errno
import zipfile
from pathlib import Path

import docx
import pytest

from unionoffice import output_files
from unionoffice.exporting.docx import (
    ExportError,
    ExportOptions,
    TemplateError,
    export_notice,
    export_notices,
    find_template,
    render_notice,
)
from unionoffice.exporting.docx.build_templates import build_all
from unionoffice.exporting.docx.options import PlanLayout, SignatureLayout
from unionoffice.exporting.docx.placeholders import PlaceholderRenderer
from unionoffice.exporting.docx.specimen import SPECIMEN_LETTERHEAD, specimen_notice
from unionoffice.exporting.docx.templates import (
    available_templates,
    parse_settings,
    shipped_template_dir,
)


@pytest.fixture
def user_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "user-templates"
    folder.mkdir()
    return folder


def template_with(user_dir: Path, name: str, *paragraphs: str) -> Path:
    """A user template: the shipped 文件式 with extra paragraphs after its body marker."""
    document = docx.Document(str(shipped_template_dir() / "文件式.docx"))
    for text in paragraphs:
        document.add_paragraph(text)
    path = user_dir / f"{name}.docx"
    document.save(str(path))
    return path


def render(user_dir: Path, template: str):
    options = ExportOptions(template=template, letterhead=SPECIMEN_LETTERHEAD)
    return render_notice(specimen_notice(), options, user_dir=user_dir)


def test_default_template_is_the_file_format(user_dir: Path) -> None:
    info = find_template(None, user_dir)
    assert info.name == "文件式" and info.shipped


def test_user_template_replaces_a_shipped_namesake(user_dir: Path) -> None:
    template_with(user_dir, "文件式", "本单位自定义")
    info = find_template("文件式", user_dir)
    assert not info.shipped and info.path.parent == user_dir
    names = [t.name for t in available_templates(user_dir)]
    assert names.count("文件式") == 1
    document = render(user_dir, "文件式")
    assert "本单位自定义" in [p.text for p in document.paragraphs]


def test_unknown_template_lists_the_available_ones(user_dir: Path) -> None:
    with pytest.raises(TemplateError, match=r"找不到模板“红头”.*文件式"):
        find_template("红头", user_dir)


def test_template_can_be_a_path(tmp_path: Path, user_dir: Path) -> None:
    path = template_with(tmp_path, "任意名称")
    assert find_template(str(path), user_dir).path == path


@pytest.mark.parametrize(
    "content",
    [b"this is not a word file", b"", b"PK\x03\x04 broken zip"],
    ids=["text", "empty", "broken-zip"],
)
def test_broken_template_names_itself(user_dir: Path, content: bytes) -> None:
    (user_dir / "坏模板.docx").write_bytes(content)
    with pytest.raises(TemplateError, match=r"模板“坏模板”.*坏模板.docx"):
        render(user_dir, "坏模板")


def test_zip_that_is_not_a_word_document_is_refused(user_dir: Path) -> None:
    with zipfile.ZipFile(user_dir / "压缩包.docx", "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(TemplateError, match=r"模板“压缩包”.*已损坏"):
        render(user_dir, "压缩包")


def test_dotx_template_is_accepted(user_dir: Path) -> None:
    source = shipped_template_dir() / "文件式.docx"
    target = user_dir / "另存模板.dotx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            dst.writestr(item, data)
    document = render(user_dir, "另存模板")
    assert document.paragraphs[0].text == "青海省总工会办公室文件"


@pytest.mark.parametrize(
    "placeholder",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ 文号.__class__.__base__.__subclasses__() }}",
        "{{ cycler.__init__.__globals__.os }}",
        "{{ 标题 * 100000000 }}",
    ],
)
def test_sandbox_refuses_code_in_a_template(user_dir: Path, placeholder: str) -> None:
    template_with(user_dir, "恶意", placeholder)
    with pytest.raises(TemplateError, match="模板“恶意”") as caught:
        render(user_dir, "恶意")
    assert "object" not in str(caught.value).split("（")[0]


def test_sandbox_error_says_code_cannot_run() -> None:
    renderer = PlaceholderRenderer("某模板", {"文号": "青总办〔2021〕15号"})
    with pytest.raises(TemplateError, match="不能执行代码"):
        renderer.render_text("{{ 文号.__class__ }}")
    assert renderer.render_text("{{ 文号 }}（{{ 文号|length }}）") == "青总办〔2021〕15号（12）"


def test_unknown_placeholder_and_bad_syntax_are_explained(user_dir: Path) -> None:
    template_with(user_dir, "笔误", "{{ 文好 }}")
    with pytest.raises(TemplateError, match=r"不认识的占位符“{{ 文好 }}”.*文号"):
        render(user_dir, "笔误")
    template_with(user_dir, "缺括号", "{{ 文号 ")
    with pytest.raises(TemplateError, match="写法有误"):
        render(user_dir, "缺括号")


def test_placeholder_split_across_runs_is_filled(user_dir: Path) -> None:
    document = docx.Document(str(shipped_template_dir() / "文件式.docx"))
    p = document.add_paragraph()
    for piece in ("印发：{{ 印发", "机关 }}", "，{{ 成文日期 }}"):
        p.add_run(piece)
    document.save(str(user_dir / "分段.docx"))
    texts = [p.text for p in render(user_dir, "分段").paragraphs]
    assert "印发：青海省总工会办公室，2021年4月6日" in texts


def test_template_without_body_marker_gets_the_body_at_its_end(user_dir: Path) -> None:
    document = docx.Document()
    document.add_paragraph("{{ 文号 }}")
    document.save(str(user_dir / "极简.docx"))
    texts = [p.text for p in render(user_dir, "极简").paragraphs]
    assert texts[0] == "青总办〔2021〕15号"
    assert "一、总体要求" in texts


def test_body_marker_must_stand_alone(user_dir: Path) -> None:
    document = docx.Document()
    document.add_paragraph("正文：{{ 正文 }}")
    document.save(str(user_dir / "混排.docx"))
    with pytest.raises(TemplateError, match="必须单独占一段"):
        render(user_dir, "混排")


def test_settings_are_read_from_document_comments() -> None:
    settings = parse_settings("说明文字\n活动方案：表格\n署名: 不盖章\n印发栏：无", "甲")
    assert settings.plan_layout is PlanLayout.TABLE
    assert settings.signature is SignatureLayout.UNSEALED
    assert settings.distributor_line is False
    with pytest.raises(TemplateError, match=r"模板“甲”的设置“活动方案：图表”.*段落、表格"):
        parse_settings("活动方案：图表", "甲")


def test_shipped_templates_match_the_build_script(tmp_path: Path) -> None:
    """The committed .docx files are what build_templates makes (rebuild them if this fails)."""
    for built in build_all(tmp_path):
        shipped = shipped_template_dir() / built.name
        with zipfile.ZipFile(built) as new, zipfile.ZipFile(shipped) as old:
            for part in ("word/document.xml", "word/styles.xml", "word/settings.xml"):
                assert new.read(part) == old.read(part), f"{built.name}: {part}"


def test_export_is_atomic_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")
    export_notice(specimen_notice(), target, ExportOptions(letterhead=SPECIMEN_LETTERHEAD))
    assert zipfile.is_zipfile(target)
    assert [p.name for p in tmp_path.iterdir()] == ["out.docx"]


def test_failed_export_keeps_the_old_file(tmp_path: Path, user_dir: Path) -> None:
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")
    (user_dir / "坏模板.docx").write_bytes(b"junk")
    with pytest.raises(TemplateError):
        export_notice(
            specimen_notice(), target, ExportOptions(template="坏模板"), user_dir=user_dir
        )
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.docx", "user-templates"]


@pytest.mark.parametrize(
    ("name", "owner"),
    [
        ("通知.docx", "~$通知.docx"),
        ("工作通知.docx", "~$通知.docx"),  # Word drops the first two characters
        ("工作通知.docx", ".~lock.工作通知.docx#"),  # LibreOffice
    ],
)
def test_file_open_in_word_is_not_overwritten(
    tmp_path: Path, monkeypatch, name: str, owner: str
) -> None:
    target = tmp_path / name
    target.write_bytes(b"old")
    (tmp_path / owner).write_bytes(b"owner")
    _hold_open(monkeypatch, target)
    with pytest.raises(ExportError, match="正在 Word 或 WPS 中打开"):
        export_notice(specimen_notice(), target)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, owner])


def _hold_open(monkeypatch, target: Path) -> None:
    """Windows: a document open in Word cannot be opened for writing by anyone else."""
    real_open = output_files._open_for_writing

    def open_for_writing(path: Path) -> int:
        if Path(path) == target:
            raise PermissionError(errno.EACCES, "being used by another process", str(path))
        return real_open(path)

    monkeypatch.setattr(output_files, "_open_for_writing", open_for_writing)


def test_a_stale_owner_file_left_by_a_crashed_word_does_not_block_export(tmp_path: Path) -> None:
    target = tmp_path / "通知.docx"
    target.write_bytes(b"old")
    (tmp_path / "~$通知.docx").write_bytes(b"owner of a Word that crashed")
    export_notice(specimen_notice(), target)
    assert zipfile.is_zipfile(target)
    assert (tmp_path / "~$通知.docx").read_bytes() == b"owner of a Word that crashed"


def test_missing_folder_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"文件夹.*不存在"):
        export_notice(specimen_notice(), tmp_path / "无此文件夹" / "a.docx")


def test_batch_export_names_files_by_doc_number_and_title(tmp_path: Path) -> None:
    first, second = specimen_notice(1), specimen_notice(1)
    second.number = None
    results = export_notices([first, second, second], tmp_path / "导出")
    names = [r.path.name for r in results]
    assert names[0].startswith("青总办〔2021〕15号 青海省总工会办公室关于印发")
    assert names[1].startswith("未编号 ")
    assert names[2] != names[1]
    assert all(zipfile.is_zipfile(r.path) for r in results)


# OOXML measures Word reads as whole numbers (ST_PointMeasure, ST_EighthPointMeasure,
# ST_TwipsMeasure…): "8.0" is invalid there, and Word may call such a file damaged.
_WHOLE_NUMBER_ATTRIBUTES = ("space", "sz", "w", "line", "before", "after", "left", "right")


@pytest.mark.parametrize(
    "template", sorted(shipped_template_dir().glob("*.docx")), ids=lambda path: path.stem
)
def test_shipped_templates_write_whole_numbers_where_word_wants_them(template: Path) -> None:
    import re

    with zipfile.ZipFile(template) as archive:
        xml = "".join(
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith("word/") and name.endswith(".xml")
        )
    names = "|".join(_WHOLE_NUMBER_ATTRIBUTES)
    bad = re.findall(rf'w:(?:{names})="(-?\d+\.\d+)"', xml)
    assert not bad, f"{template.name}: {bad[:5]}"
