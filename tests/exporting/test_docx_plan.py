"""The activity plan inside the attachment: numbered paragraphs or a table."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Pt

from unionoffice.domain.notice import ActivityData, Block, NoticeData
from unionoffice.domain.notice_text import format_deadline
from unionoffice.domain.notice_text import split_activity_title as split_title
from unionoffice.exporting.docx import ExportOptions, PlanLayout, export_notice
from unionoffice.exporting.docx.specimen import SPECIMEN_LETTERHEAD, specimen_notice


def export(tmp_path: Path, notice: NoticeData, **options) -> docx.Document:
    path = export_notice(
        notice,
        tmp_path / "plan.docx",
        ExportOptions(letterhead=SPECIMEN_LETTERHEAD, **options),
        user_dir=tmp_path / "none",
    )
    return docx.Document(str(path))


def texts(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def test_activities_follow_their_section_heading_as_numbered_paragraphs(tmp_path: Path) -> None:
    lines = texts(export(tmp_path, specimen_notice(3)))
    start = lines.index("二、活动内容")
    assert lines[start + 1] == (
        "（一）开展第1项主题活动。组织劳模代表深入基层一线开展宣讲，推动理论学习走进职工身边。"
    )
    assert lines[start + 2] == "完成时限：5—6月份"  # the clerk's 5-6 gets the 一字线
    assert lines[start + 3] == "牵头部门：省总宣教部"
    assert lines[start + 4] == "配合部门：各市（州）总工会、省级各产业工会"
    assert lines[start + 5] == "责任领导：张明"
    assert lines[start + 6].startswith("（二）开展第2项主题活动。")
    assert lines[start + 7] == "完成时限：全年"
    third = next(i for i, t in enumerate(lines) if t.startswith("（三）开展第3项"))
    assert lines[third + 4] == "三、工作要求"
    # after the plan, the next section's level-2 numbering starts again
    assert "（一）高度重视，精心组织" in lines


def test_activity_title_is_in_the_level2_font_and_the_rest_in_body_font(tmp_path: Path) -> None:
    document = export(tmp_path, specimen_notice(1))
    item = next(p for p in document.paragraphs if p.text.startswith("（一）开展第1项"))
    assert item.style.name == "二级标题"  # 楷体 from the style
    assert item.runs[0].text == "（一）开展第1项主题活动。"
    assert item.runs[0]._r.rPr is None  # the heading sentence: the paragraph's own font
    rest = item.runs[1]._r.rPr.find(qn("w:rStyle")).get(qn("w:val"))
    assert document.styles.get_by_id(rest, WD_STYLE_TYPE.CHARACTER).name == "正文文字"
    body_text = document.styles["正文文字"].element
    assert body_text.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert body_text.find(qn("w:link")).get(qn("w:val")) == "UOBody"  # linked to 公文正文


def test_activities_of_a_section_the_plan_lacks_get_that_section(tmp_path: Path) -> None:
    notice = specimen_notice(2)
    for activity in notice.activities:
        activity.section = "不存在的部分"
    lines = texts(export(tmp_path, notice))
    last_heading = lines.index("（1）明确责任分工")
    # a section of its own at the end of the plan, its items numbered from （一）
    assert lines[last_heading + 1] == "四、不存在的部分"
    assert lines[last_heading + 2].startswith("（一）开展第1项")
    assert any(line.startswith("（二）开展第2项") for line in lines)


def test_activities_without_a_section_continue_the_last_sections_items(tmp_path: Path) -> None:
    notice = specimen_notice(2)
    for activity in notice.activities:
        activity.section = None
    lines = texts(export(tmp_path, notice))
    last_heading = lines.index("（1）明确责任分工")
    assert lines[last_heading + 1].startswith("（二）开展第1项")


def test_a_notice_without_a_place_for_its_plan_gets_it_as_an_attachment(tmp_path: Path) -> None:
    notice = NoticeData(
        title="关于开展活动的通知",
        body=[Block.heading(1, "工作目标"), Block.heading(1, "有关要求"),
              Block.heading(2, "加强领导")],
        activities=[
            ActivityData(title="开展宣讲", text="开展宣讲。深入基层。", section="活动安排"),
            ActivityData(title="举办比赛", section="比赛"),
        ],
    )  # fmt: skip
    document = export(tmp_path, notice)
    lines = texts(document)
    # the body keeps its own headings and numbers; no activity follows on from them
    assert lines[lines.index("一、工作目标") + 1] == "二、有关要求"
    assert lines[lines.index("二、有关要求") + 1] == "（一）加强领导"
    # the plan: 附件 on a new page, listed in the 附件说明, its own sections and numbers
    assert "附件：开展活动安排" in lines
    label = lines.index("附件")
    assert document.paragraphs[label].style.paragraph_format.page_break_before
    assert lines[label + 2] == "开展活动安排"
    assert [line for line in lines[label + 4 :] if line] == [
        "一、活动安排",
        "（一）开展宣讲。深入基层。",
        "二、比赛",
        "（一）举办比赛。",
    ]


def test_activities_of_a_section_of_the_notice_stay_in_it(tmp_path: Path) -> None:
    notice = NoticeData(
        title="关于印发重点工作任务分工的通知",
        body=[Block.heading(1, "重点工作任务"), Block.heading(1, "工作要求")],
        activities=[
            ActivityData(title="开展宣讲", text="开展宣讲。深入基层。", section="重点工作任务")
        ],
    )
    lines = texts(export(tmp_path, notice))
    assert lines[lines.index("一、重点工作任务") + 1] == "（一）开展宣讲。深入基层。"
    assert "二、工作要求" in lines
    assert "附件" not in lines


def test_table_layout_repeats_its_header_row(tmp_path: Path) -> None:
    document = export(tmp_path, specimen_notice(12), plan_layout=PlanLayout.TABLE)
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "序号",
        "活动内容",
        "完成时限",
        "牵头部门",
        "配合部门",
    ]
    header = table.rows[0]._tr.trPr.find(qn("w:tblHeader"))
    assert header is not None and header.get(qn("w:val")) in ("true", "1", None)
    assert len(table.rows) == 13
    row = [c.text for c in table.rows[1].cells]
    assert row[0] == "1"
    assert row[1].startswith("开展第1项主题活动。组织劳模代表")
    assert row[2] == "5—6月份"
    assert row[3] == "省总宣教部\n责任领导：张明"
    assert row[4] == "各市（州）总工会、省级各产业工会"
    widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert abs(sum(widths) - 8844) < 5  # the text block's 156 mm
    lines = texts(document)
    assert not any(line.startswith("（一）开展第") for line in lines)
    # the table sits right after the 活动内容 heading, before the next section
    body = list(document.element.body)
    heading = next(
        e for e in body if e.tag == qn("w:p") and "二、活动内容" in "".join(e.itertext())
    )
    assert heading.getnext() is table._tbl


def test_table_cells_use_their_own_spacing_off_the_grid(tmp_path: Path) -> None:
    document = export(tmp_path, specimen_notice(2), plan_layout=PlanLayout.TABLE)
    style = document.styles["表格文字"]
    assert style.element.pPr.find(qn("w:snapToGrid")).get(qn("w:val")) == "0"
    assert style.paragraph_format.line_spacing == Pt(18)  # exact: the same rows everywhere
    table = document.tables[0]
    margins = table._tbl.tblPr.find(qn("w:tblCellMar"))
    padding = {side: int(margins.find(qn(f"w:{side}")).get(qn("w:w"))) for side in
               ("top", "left", "bottom", "right")}  # fmt: skip
    assert padding["left"] == padding["right"] > 100 and padding["top"] > 0
    for row in table.rows:  # rows never split across pages
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None


def test_template_setting_chooses_table_layout(tmp_path: Path) -> None:
    from unionoffice.exporting.docx.templates import find_template

    user_dir = tmp_path / "templates"
    user_dir.mkdir()
    template = docx.Document(str(find_template("文件式", user_dir).path))
    template.core_properties.comments = "活动方案：表格\n署名：盖章\n印发栏：有"
    template.save(str(user_dir / "表格式.docx"))
    path = export_notice(
        specimen_notice(2),
        tmp_path / "out.docx",
        ExportOptions(template="表格式", letterhead=SPECIMEN_LETTERHEAD),
        user_dir=user_dir,
    )
    assert len(docx.Document(str(path)).tables) == 2  # the plan and the 版记


def test_split_title_and_deadline_helpers() -> None:
    activity = ActivityData(title="开展宣讲", text="开展宣讲。深入基层。")
    assert split_title(activity) == ("开展宣讲。", "深入基层。")
    assert split_title(ActivityData(title="开展宣讲", text="组织劳模宣讲。")) == (
        "开展宣讲。",
        "组织劳模宣讲。",
    )
    assert format_deadline("4-7月份") == "4—7月份"
    assert format_deadline(" 4～7月 ") == "4—7月"
    assert format_deadline("全年") == "全年"
