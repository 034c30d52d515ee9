"""``unionoffice timetable`` on the demo database."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from openpyxl import load_workbook
from pypdf import PdfReader

from unionoffice.cli import main
from unionoffice.storage.demo import fill_demo


@pytest.fixture
def run(db, db_url, capsys):
    ids = fill_demo(db)
    capsys.readouterr()  # whatever setting up the database logged

    def _run(*args: str) -> tuple[int, str, str]:
        try:
            code = main(["--db", db_url, "timetable", *args])
        except SystemExit as exit_info:  # argparse refuses a value
            code = int(exit_info.code or 0)
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    _run.ids = ids
    return _run


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_year_to_pdf_xlsx_and_ics(run, tmp_path: Path):
    pdf, xlsx, ics = tmp_path / "年.pdf", tmp_path / "年.xlsx", tmp_path / "年.ics"
    code, out, err = run("--year", "2021", "--pdf", str(pdf), "--xlsx", str(xlsx),
                         "--ics", str(ics), "--grid")  # fmt: skip
    assert code == 0, err
    text = pdf_text(pdf)
    assert "2021年活动安排表" in text and "共9份公文" in text and "12月" in text
    sheet = load_workbook(xlsx).active
    activities = sheet.max_row - 1
    assert f"已生成 PDF：{pdf}（{activities}项活动" in out
    events = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert 0 < len(events) < activities  # 根据工作安排 names no dates
    assert f"已生成日历：{ics}（{len(events)}个日程）" in out
    assert "未写入日历" in err


def test_one_notice_of_one_department(run, tmp_path: Path):
    notice_id = str(run.ids[1])
    everything, lead = tmp_path / "all.xlsx", tmp_path / "lead.xlsx"
    assert run(notice_id, "--department", "省总宣教部", "--xlsx", str(everything))[0] == 0
    assert run(notice_id, "--department", "省总宣教部", "--lead-only", "--xlsx", str(lead))[0] == 0
    rows = list(load_workbook(everything).active.iter_rows(min_row=2, values_only=True))
    lead_rows = list(load_workbook(lead).active.iter_rows(min_row=2, values_only=True))
    assert all("省总宣教部" in row[6] or "省总宣教部" in row[7] for row in rows)
    assert all("省总宣教部" in row[6] for row in lead_rows)
    assert len(lead_rows) <= len(rows)


def test_month_overdue_sort_and_paper_options(run, tmp_path: Path):
    pdf, xlsx = tmp_path / "逾期.pdf", tmp_path / "逾期.xlsx"
    code, _, err = run(
        *("--month", "2021-05", "--overdue", "--today", "2021-12-01", "--sort", "start"),
        *("--a3", "--pdf", str(pdf), "--xlsx", str(xlsx)),
    )
    assert code == 0, err
    page = PdfReader(pdf).pages[0]
    assert round(float(page.mediabox.width)) == 1191
    assert "截至2021年12月1日逾期未完成的活动" in pdf_text(pdf).replace("\n", "")
    rows = list(load_workbook(xlsx).active.iter_rows(min_row=2, values_only=True))
    assert rows
    starts = [row[4] for row in rows]
    assert starts == sorted(starts)
    for row in rows:
        start, end, status = row[4], row[5], row[9]
        assert start <= datetime(2021, 5, 31) and end >= datetime(2021, 5, 1)
        assert end < datetime(2021, 12, 1) and status != "已完成"


MISSING = Path("no-such-folder")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["1"], "请用 --pdf、--xlsx 或 --ics 指定输出文件"),
        (["--xlsx", "x.xlsx"], "请给出公文编号"),
        (["1", "--lead-only", "--xlsx", "x.xlsx"], "--lead-only 需要与 --department"),
        (["--month", "2021-13", "--xlsx", "x.xlsx"], "月份格式应为 YYYY-MM"),
        (["--month", "0000-01", "--xlsx", "x.xlsx"], "年份 0 无效"),
        (["1", "--year", "0", "--xlsx", "x.xlsx"], "年份 0 无效"),
        (["1", "--overdue", "--today", "昨天", "--xlsx", "x.xlsx"], "日期格式应为"),
        (["999", "--xlsx", "x.xlsx"], "没有编号为 999 的公文"),
        (["--year", "1999", "--xlsx", "x.xlsx"], "1999年没有公文"),
        (["1", "--department", "不存在的部门", "--xlsx", "x.xlsx"], "没有符合条件的活动"),
        # relative to the test's folder, so that the message names the folder on any system
        (["1", "--pdf", str(MISSING / "x.pdf")], f"文件夹“{MISSING}”不存在"),
        (["1", "--pdf", "x.pdf", "--font", str(MISSING / "font.ttf")], "找不到指定的字体文件"),
    ],
)
def test_errors_are_reported_in_chinese(run, args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(*args)
    assert code == 1
    assert message in err


clerk_text = st.text(
    alphabet=st.sampled_from(list("省总宣教部〔〕()（）<>&0123456789０１-—年月 \t'\";\\%_")),
    max_size=12,
) | st.text(max_size=12)
OPTIONS = ["--department", "--month", "--today", "--title", "--year", "--sort"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(option=st.sampled_from(OPTIONS), text=clerk_text)
def test_any_option_value_gives_a_clean_answer(run, tmp_path, option, text):
    out = tmp_path / "fuzz.xlsx"
    code, _, err = run("--year", "2021", "--overdue", option, text, "--xlsx", str(out))
    assert code in (0, 1, 2)
    assert "Traceback" not in err
    if code == 1:
        assert err.startswith("错误：")
