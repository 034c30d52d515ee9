"""The PDF timetable, read back with pypdf: text, embedded font, pages, header, page numbers."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook
from pypdf import PdfReader

from unionoffice.domain.notice import ActivityData, ActivityStatus, NoticeData
from unionoffice.exporting.timetable import (
    PageSize,
    PdfOptions,
    SortOrder,
    TimetableError,
    TimetableFilter,
    build_timetable,
    render_timetable_ics,
    render_timetable_pdf,
    render_timetable_xlsx,
    write_timetable_pdf,
)
from unionoffice.exporting.timetable.pdf_table import PdfStyles, timetable_flowables

HEADERS = ("序号", "活动内容", "完成时限", "牵头部门", "配合部门")
MONTHS = [f"{m}月" for m in range(1, 13)]


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def squeeze(text: str) -> str:
    """Extracted text breaks lines where the PDF wraps; compare without any whitespace."""
    return re.sub(r"\s+", "", text)


def printed_parts(activity: ActivityData) -> list[str]:
    """The title on its line, then the rest of the description (the title is not repeated)."""
    rest = activity.text.removeprefix(activity.title).removeprefix("。")
    return [squeeze(activity.title), squeeze(rest)]


@pytest.fixture(scope="module")
def sample_pdf(make_sample) -> bytes:
    rendered = render_timetable_pdf(build_timetable([make_sample()]))
    assert rendered.page_count == len(PdfReader(io.BytesIO(rendered.data)).pages)
    return rendered.data


@pytest.fixture(scope="module")
def sample_grid_pdf(make_sample) -> bytes:
    return render_timetable_pdf(build_timetable([make_sample()]), PdfOptions(month_grid=True)).data


def test_every_activity_text_is_in_the_pdf(sample_pdf, sample):
    text = squeeze("".join(pages_text(sample_pdf)))
    for activity in sample.activities:
        assert all(part in text for part in printed_parts(activity)), activity.title
        assert squeeze("、".join(activity.lead)) in text
        if activity.deadline:
            assert squeeze(activity.deadline) in text


def test_title_doc_number_and_date_on_first_page(sample_pdf):
    first = squeeze(pages_text(sample_pdf)[0])
    assert "2021年庆祝建党100周年暨庆“五一”系列活动安排表" in first
    assert "青总办〔2021〕15号" in first and "2021年3月30日" in first


def test_a4_landscape_pages_with_header_and_page_numbers(sample_pdf):
    reader = PdfReader(io.BytesIO(sample_pdf))
    total = len(reader.pages)
    assert total >= 2  # the 21 activities do not fit on one page
    for number, page in enumerate(reader.pages, start=1):
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)
        text = page.extract_text()
        assert all(header in text for header in HEADERS), number
        assert f"第 {number} 页 共 {total} 页" in text


def test_chinese_font_is_embedded_truetype_subset_with_unicode_map(sample_pdf):
    reader = PdfReader(io.BytesIO(sample_pdf))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts
    for name, font in fonts.items():
        assert re.match(r"^/[A-Z]{6}\+", name), name  # a subset, never a font the viewer supplies
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), name
        assert "/ToUnicode" in font, name


def test_month_grid_header_on_every_page(sample_pdf, sample_grid_pdf, sample):
    grid_pages = pages_text(sample_grid_pdf)
    for text in grid_pages:
        assert all(month in text for month in MONTHS)
        assert all(header in text for header in HEADERS)
    assert "12月" not in "".join(pages_text(sample_pdf))
    text = squeeze("".join(grid_pages))
    assert all(part in text for a in sample.activities for part in printed_parts(a))


def test_month_grid_shades_each_activity_period(sample):
    timetable = build_timetable([sample])
    styles = PdfStyles("Helvetica", 1.0)
    (table,) = timetable_flowables(timetable, styles, 770, month_grid=True, brief=False)
    first_month = len(timetable.columns)
    shaded = {}
    for name, (start, row), (end, _), _colour in table._bkgrndcmds:
        if name == "BACKGROUND" and row > 0:  # row 0 is the grey header
            shaded[row] = (start - first_month + 1, end - first_month + 1)
    assert shaded[1] == (4, 4)  # 4月份
    assert shaded[3] == (1, 12)  # 全年
    assert shaded[5] == (4, 7)  # 4—7月份
    assert shaded[11] == (5, 6)  # 5-6月份
    assert 2 not in shaded  # no 完成时限, nothing to shade


def test_a3_option(sample):
    data = render_timetable_pdf(build_timetable([sample]), PdfOptions(page_size=PageSize.A3)).data
    page = PdfReader(io.BytesIO(data)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (1191, 842)


def test_leader_and_status_columns_when_present(sample):
    notice = sample
    notice.activities[0].leader = "张明"
    notice.activities[0].status = ActivityStatus.DONE
    text = pages_text(render_timetable_pdf(build_timetable([notice])).data)
    assert all("责任领导" in page and "进度" in page for page in text)
    assert "张明" in text[0] and "已完成" in text[0]


def test_several_notices_under_their_doc_numbers_or_with_source_when_mixed(make_year):
    notices = make_year(activity_count=30, notices=3)
    grouped = squeeze("".join(pages_text(render_timetable_pdf(build_timetable(notices)).data)))
    for doc_number in ("青总办〔2021〕1号", "青总办〔2021〕2号", "青总办〔2021〕3号"):
        assert doc_number + "关于印发" in grouped
    mixed = build_timetable(notices, TimetableFilter(sort=SortOrder.START))
    text = squeeze("".join(pages_text(render_timetable_pdf(mixed).data)))
    assert text.count("（青总办〔2021〕") == len(mixed.rows)


def test_text_with_markup_characters_and_empty_table():
    notice = NoticeData(
        "关于A&B<测试>的通知",
        year=2021,
        activities=[ActivityData("比较 a<b & c>d", text="说明 <b>不是标记</b>", deadline="5月份")],
    )
    text = squeeze("".join(pages_text(render_timetable_pdf(build_timetable([notice])).data)))
    assert "比较a<b&c>d" in text and "说明<b>不是标记</b>" in text
    empty = build_timetable([notice], TimetableFilter(month=(2021, 1)))
    text = "".join(pages_text(render_timetable_pdf(empty).data))
    assert "没有符合条件的活动" in text and "第 1 页 共 1 页" in text


def test_thousand_activities_every_page_numbered_with_header(make_year):
    notices = make_year(activity_count=1000)
    timetable = build_timetable(notices, TimetableFilter(year=2021))
    rendered = render_timetable_pdf(timetable, PdfOptions(month_grid=True))
    pages = pages_text(rendered.data)
    assert len(pages) == rendered.page_count > 50
    for number, text in enumerate(pages, start=1):
        assert f"第 {number} 页 共 {len(pages)} 页" in text
        assert all(header in text for header in HEADERS) and "12月" in text
    text = squeeze("".join(pages))
    assert all(squeeze(row.activity.title) in text for row in timetable.rows)


def test_write_replaces_the_file_atomically(tmp_path: Path, sample):
    target = tmp_path / "安排表.pdf"
    target.write_bytes(b"old")
    pages = write_timetable_pdf(build_timetable([sample]), target)
    assert target.read_bytes().startswith(b"%PDF") and pages >= 2
    assert [p.name for p in tmp_path.iterdir()] == ["安排表.pdf"]


def test_unwritable_targets_give_chinese_errors(tmp_path: Path, sample):
    timetable = build_timetable([sample])
    with pytest.raises(TimetableError, match=r"文件夹“.*”不存在"):
        write_timetable_pdf(timetable, tmp_path / "没有" / "x.pdf")
    with pytest.raises(TimetableError, match="这是一个文件夹"):
        write_timetable_pdf(timetable, tmp_path)


def test_overdue_scope_line_is_printed(sample):
    flt = TimetableFilter(overdue_on=date(2021, 6, 1))
    text = squeeze(pages_text(render_timetable_pdf(build_timetable([sample], flt)).data)[0])
    assert "截至2021年6月1日逾期未完成的活动" in text


def test_control_characters_from_word_are_dropped_in_every_output():
    notice = NoticeData(
        "关于\x07开展活动的通知",
        year=2021,
        activities=[
            ActivityData(
                "第一行\x0b第二行", text="说明\x00文字\x1f", deadline="5月份", leader="张\x07明"
            ).with_parsed_period(2021)
        ],
    )
    timetable = build_timetable([notice])
    text = squeeze("".join(pages_text(render_timetable_pdf(timetable).data)))
    assert "第一行第二行" in text and "说明文字" in text and "张明" in text
    sheet = load_workbook(io.BytesIO(render_timetable_xlsx(timetable))).active
    assert sheet["C2"].value == "第一行\n第二行。说明文字"
    event = Calendar.from_ical(render_timetable_ics(timetable, stamp=datetime.now(UTC)))
    assert str(event.walk("VEVENT")[0]["SUMMARY"]) == "第一行\n第二行"
