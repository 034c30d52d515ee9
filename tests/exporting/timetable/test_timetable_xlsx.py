"""The spreadsheet 台账, read back with openpyxl."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook

from unionoffice.domain.notice import ActivityStatus
from unionoffice.exporting.timetable import (
    TimetableFilter,
    build_timetable,
    render_timetable_xlsx,
    write_timetable_xlsx,
)

HEADERS = ["序号", "文号", "活动内容", "完成时限", "开始日期", "结束日期", "牵头部门", "配合部门",
           "责任领导", "进度", "备注"]  # fmt: skip


def sheet_of(data: bytes):
    return load_workbook(io.BytesIO(data)).active


def test_header_frozen_and_filtered(sample):
    sheet = sheet_of(render_timetable_xlsx(build_timetable([sample])))
    assert sheet.title == "活动安排表"
    assert [cell.value for cell in sheet[1]] == HEADERS
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:K22"
    assert sheet.max_row == 22
    assert sheet.print_title_rows == "$1:$1"


def test_rows_carry_the_activities_with_real_dates(sample):
    sample.activities[0].leader = "张明"
    sample.activities[0].status = ActivityStatus.IN_PROGRESS
    sheet = sheet_of(render_timetable_xlsx(build_timetable([sample])))
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in rows] == list(range(1, 22))
    first = dict(zip(HEADERS, rows[0], strict=True))
    assert first["文号"] == "青总办〔2021〕15号"
    assert first["活动内容"] == sample.activities[0].text
    assert first["完成时限"] == "4月份"
    assert first["开始日期"] == datetime(2021, 4, 1)
    assert first["结束日期"] == datetime(2021, 4, 30)
    assert first["牵头部门"] == "省总宣教部"
    assert first["配合部门"] == "西宁市总工会、海西州总工会"
    assert (first["责任领导"], first["进度"]) == ("张明", "进行中")
    undated = dict(zip(HEADERS, rows[1], strict=True))
    assert undated["开始日期"] is None and undated["完成时限"] is None
    whole_year = dict(zip(HEADERS, rows[2], strict=True))
    assert (whole_year["开始日期"], whole_year["结束日期"]) == (
        datetime(2021, 1, 1), datetime(2021, 12, 31)
    )  # fmt: skip
    assert sheet["E2"].number_format == "yyyy-mm-dd"


def test_column_widths_fit_the_text(sample):
    sheet = sheet_of(render_timetable_xlsx(build_timetable([sample])))
    width = {header: sheet.column_dimensions[chr(ord("A") + i)].width
             for i, header in enumerate(HEADERS)}  # fmt: skip
    assert width["序号"] < width["完成时限"] < width["活动内容"] <= 60
    assert width["开始日期"] >= 10
    assert width["文号"] >= 18  # 青总办〔2021〕15号: 9 wide characters and 5 narrow ones
    assert sheet["C2"].alignment.wrap_text


def test_progress_column_offers_the_three_states(sample):
    sheet = sheet_of(render_timetable_xlsx(build_timetable([sample])))
    (validation,) = sheet.data_validations.dataValidation
    assert validation.formula1 == '"未开始,进行中,已完成"'
    assert "J2" in validation.sqref


def test_filtered_rows_and_written_file(sample, tmp_path: Path):
    timetable = build_timetable([sample], TimetableFilter(department="省总女职委办公室"))
    target = write_timetable_xlsx(timetable, tmp_path / "台账.xlsx")
    sheet = load_workbook(target).active
    assert sheet.max_row == 4
    assert [row[3] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        "3月份", "3月份", "7月份"
    ]  # fmt: skip
