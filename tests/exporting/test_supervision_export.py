"""The 督办 list sent round: PDF (a 牵头部门 to a page), Excel (a sheet each) and the HTML
that is printed (a page break before each department after the first)."""

from __future__ import annotations

import datetime as dt
import unicodedata

from openpyxl import load_workbook
from pypdf import PdfReader

from unionoffice.domain.notice import ActivityData, ActivityStatus
from unionoffice.domain.supervision import SupervisionItem, group_by_lead, supervision_title
from unionoffice.exporting.supervision import (
    COLUMNS,
    supervision_html,
    write_supervision_pdf,
    write_supervision_xlsx,
)

TODAY = dt.date(2026, 6, 15)


def _items() -> list[SupervisionItem]:
    rows = [
        ("举办职工书法展", "6月10日", ["宣教部"], "王副主席", ActivityStatus.IN_PROGRESS, "已催办"),
        ("开展技能竞赛", "6月20日", ["组织部", "宣教部"], "李主席", ActivityStatus.NOT_STARTED, ""),
        ("走访困难职工", "6月18日", [], None, ActivityStatus.NOT_STARTED, ""),
    ]
    items = []
    for position, (title, deadline, lead, leader, status, note) in enumerate(rows):
        activity = ActivityData(
            title=title, deadline=deadline, lead=lead, leader=leader, status=status,
            supervision_note=note,
        ).with_parsed_period(2026)  # fmt: skip
        item = SupervisionItem(
            notice_id=7, position=position, doc_number="青总办〔2026〕9号",
            notice_title="关于开展活动的通知", notice_year=2026,
            notice_date=dt.date(2026, 3, 1), activity=activity,
        )  # fmt: skip
        items.append(item)
    return items


def _text(pdf) -> list[str]:
    return [unicodedata.normalize("NFKC", page.extract_text()) for page in PdfReader(pdf).pages]


def test_the_pdf_gives_each_lead_department_its_own_page(tmp_path) -> None:
    groups = group_by_lead(_items())
    path = write_supervision_pdf(tmp_path / "督办.pdf", supervision_title(TODAY), groups, TODAY)
    pages = _text(path)
    assert len(pages) == 3  # 宣教部, 组织部, （未定牵头部门）
    assert "宣教部" in pages[0] and "举办职工书法展" in pages[0] and "逾期 5 天" in pages[0]
    assert "王副主席" in pages[0] and "已催办" in pages[0] and "2026" in pages[0]
    assert "开展技能竞赛" in pages[1] and "举办职工书法展" not in pages[1]
    assert "走访困难职工" in pages[2]


def test_excel_has_a_sheet_per_department_with_the_same_columns(tmp_path) -> None:
    groups = group_by_lead(_items())
    path = write_supervision_xlsx(tmp_path / "督办.xlsx", "督办事项清单", groups, TODAY)
    book = load_workbook(path)
    assert book.sheetnames == ["宣教部", "组织部", "（未定牵头部门）"]
    sheet = book["宣教部"]
    assert [c.value for c in sheet[3]] == list(COLUMNS)
    first = [c.value for c in sheet[4]]
    assert first[1] == "举办职工书法展" and first[3] == "逾期 5 天" and first[8] == "已催办"
    assert sheet.cell(row=4, column=2).font.color.rgb.endswith("B00020")  # overdue in red
    assert [c.value for c in sheet[5]][1] == "开展技能竞赛"


def test_the_printed_list_breaks_the_page_between_departments() -> None:
    html = supervision_html("督办事项清单", group_by_lead(_items()), TODAY)
    assert html.count("page-break-before:always") == 2
    assert "牵头部门：宣教部" in html and "牵头部门：组织部" in html
    assert "没有需要督办的事项" in supervision_html("督办事项清单", [], TODAY)
