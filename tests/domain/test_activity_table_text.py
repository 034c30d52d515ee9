"""Activity rows to and from the tab-separated text of Excel and WPS."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionoffice.domain.activity_table_text import (
    COPIED_HEADERS,
    PasteError,
    activities_from_rows,
    activities_from_text,
    activity_cells,
    format_tsv,
    parse_tsv,
    split_department_names,
)
from unionoffice.domain.notice import ActivityData, ActivityStatus


def test_rows_by_line_cells_by_tab_and_quoted_cells_as_excel_writes_them() -> None:
    text = '1\t举办宣讲\t4月份\r\n2\t"职工书屋\r\n建设"\t"含""引号""\t与制表符"\t全年\r\n'
    assert parse_tsv(text) == [
        ["1", "举办宣讲", "4月份"],
        ["2", "职工书屋\r\n建设", '含"引号"\t与制表符', "全年"],
    ]
    assert parse_tsv("a\tb") == [["a", "b"]]
    assert parse_tsv("a\n\nb\n") == [["a"], [""], ["b"]]
    assert parse_tsv("") == []
    # a quote that never closes is an ordinary character
    assert parse_tsv('"半个引号\t后面') == [['"半个引号', "后面"]]
    # a quote inside a cell (not at its start) is kept as it is
    assert parse_tsv('他说"好"\tx') == [['他说"好"', "x"]]


cell_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)


@given(st.lists(st.lists(cell_text, min_size=1, max_size=5), min_size=1, max_size=6))
def test_format_then_parse_gives_the_rows_back(rows: list[list[str]]) -> None:
    # A row of one empty cell is an empty line, which reads back as that too; bare \r in an
    # unquoted cell cannot occur since such cells are quoted.
    assert parse_tsv(format_tsv(rows)) == rows


def test_columns_in_table_order_and_a_number_column_dropped() -> None:
    text = (
        "1\t举办宣讲\t4月份\t省总宣教部、省总组织部\t省总办公室\t张三\t进行中\n"
        "2\t劳动竞赛\t全年\t省总经济部\t\t\t\n"
    )
    first, second = activities_from_text(text)
    assert first == ActivityData(
        title="举办宣讲",
        deadline="4月份",
        lead=["省总宣教部", "省总组织部"],
        cooperating=["省总办公室"],
        leader="张三",
        status=ActivityStatus.IN_PROGRESS,
    )
    assert second.title == "劳动竞赛" and second.leader is None
    assert second.status is ActivityStatus.NOT_STARTED
    # without 序号 the first column is 活动内容
    (only,) = activities_from_text("职工运动会\t5月份\t省总宣教部\n")
    assert (only.title, only.deadline, only.lead) == ("职工运动会", "5月份", ["省总宣教部"])


def test_a_header_row_maps_columns_by_name_and_a_title_row_above_is_dropped() -> None:
    rows = [
        ["2021年活动安排表", "", ""],
        ["序号", "牵头单位", "工作内容", "时间", "备注", "开始日期"],
        ["1", "省总宣教部，省总组织部", "举办宣讲\n（分三场）", "4月份", "需借场地", "2021-04-01"],
        ["", "", "", "", "", ""],
        ["2", "", "劳动竞赛", "全年", "", ""],
    ]
    first, second = activities_from_rows(rows)
    assert first.title == "举办宣讲（分三场）"
    assert first.lead == ["省总宣教部", "省总组织部"] and first.deadline == "4月份"
    assert first.note == "需借场地"
    assert second.title == "劳动竞赛" and second.lead == []


def test_what_we_copy_pastes_back() -> None:
    plan = [
        ActivityData(
            title='“书香”\t读书月', deadline="4月份", lead=["甲部", "乙部"], leader="李四",
            status=ActivityStatus.DONE,
        ),
        ActivityData(title="多行\n内容", cooperating=["丙部"]),
        ActivityData(
            title="健步行", deadline="3月8日上午9时30分", place="滨海步道",
            participants="各单位女职工", responsible_person="郑芳",
        ),
    ]  # fmt: skip
    text = format_tsv(activity_cells(n, a) for n, a in enumerate(plan, start=1))
    back = activities_from_text(text)
    assert [a.title for a in back] == ["“书香”\t读书月", "多行内容", "健步行"]
    assert back[0].lead == ["甲部", "乙部"] and back[0].status is ActivityStatus.DONE
    assert back[1].cooperating == ["丙部"]
    assert (back[2].place, back[2].participants, back[2].responsible_person) == (
        "滨海步道",
        "各单位女职工",
        "郑芳",
    )
    with_header = format_tsv([list(COPIED_HEADERS)]) + text
    assert activities_from_text(with_header) == back


def test_an_event_table_pastes_by_its_headers() -> None:
    text = (
        "序号\t活动名称\t时间\t活动地点\t参加人员\t负责人\n"
        "1\t健步行\t3月8日上午\t步道\t女职工\t郑芳\n"
    )
    (walk,) = activities_from_text(text)
    assert (walk.title, walk.deadline, walk.place) == ("健步行", "3月8日上午", "步道")
    assert (walk.participants, walk.responsible_person) == ("女职工", "郑芳")


def test_rows_copied_before_events_existed_paste_as_then() -> None:
    (old,) = activities_from_text("1\t宣讲\t4月份\t甲部\t乙部\t李四\t进行中\n")
    assert (old.title, old.deadline, old.lead, old.leader) == ("宣讲", "4月份", ["甲部"], "李四")
    assert (old.status, old.place, old.responsible_person) == (ActivityStatus.IN_PROGRESS, "", None)


def test_unknown_status_names_the_row() -> None:
    with pytest.raises(PasteError, match="第 3 行的进度“差不多了”无法识别"):
        activities_from_text("1\t甲\t4月\t\t\t\t未开始\n\n2\t乙\t5月\t\t\t\t差不多了\n")


def test_rows_with_nothing_we_keep_are_skipped() -> None:
    assert activities_from_text("\n\t\t\n") == []
    assert activities_from_rows([["序号", "活动内容"], ["3", ""]]) == []


def test_department_names_split_on_any_separator() -> None:
    assert split_department_names("甲部、乙部，丙部;丁部 / 戊部\n己部") == [
        "甲部", "乙部", "丙部", "丁部", "戊部", "己部",
    ]  # fmt: skip
    assert split_department_names(" 、 ") == []
