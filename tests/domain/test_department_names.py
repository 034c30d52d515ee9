"""Matching the department names notices write to an organ's list and its aliases."""

from __future__ import annotations

from unionoffice.domain.department_names import (
    DepartmentMatcher,
    organ_prefixes,
    with_listed_departments,
    without_organ_prefix,
)
from unionoffice.domain.notice import ActivityData, NoticeData

USUAL = ("办公室", "组织部", "宣教部", "女职工部", "财务部", "机关党委")


PROVINCE = ("青海省总工会",)


def test_an_organ_writes_itself_in_several_ways() -> None:
    prefixes = organ_prefixes(PROVINCE)
    assert set(prefixes) == {"青海省总工会", "青海省总", "省总工会", "省总"}
    assert [len(p) for p in prefixes] == sorted((len(p) for p in prefixes), reverse=True)
    assert "市总" in organ_prefixes(["西宁市总工会办公室", "西宁市总工会办公室文件"])
    assert organ_prefixes(["中华全国总工会"])[-1] == "全总"
    assert organ_prefixes(["白鹭湾区总工会"])[-2:] == ("区总工会", "区总")
    assert organ_prefixes(["某某公司工会", ""]) == ("某某公司工会",)


def test_only_the_organs_own_prefix_is_taken_off() -> None:
    prefixes = organ_prefixes(PROVINCE)
    assert without_organ_prefix("省总宣教部", prefixes) == "宣教部"
    assert without_organ_prefix("省总工会办公室", prefixes) == "办公室"
    assert without_organ_prefix("青海省总工会宣教部", prefixes) == "宣教部"
    assert without_organ_prefix("省总机关党委", prefixes) == "机关党委"
    # other bodies' departments, and names that are no department once cut, stay whole
    assert without_organ_prefix("市总宣教部", prefixes) == "市总宣教部"
    assert without_organ_prefix("各市总工会宣教部", prefixes) == "各市总工会宣教部"
    assert without_organ_prefix("西宁市总工会宣教部", prefixes) == "西宁市总工会宣教部"
    assert without_organ_prefix("省总部", prefixes) == "省总部"
    assert without_organ_prefix("总务处", prefixes) == "总务处"
    assert without_organ_prefix("省总宣教部", ()) == "省总宣教部"


def test_names_match_by_name_alias_or_prefix() -> None:
    matcher = DepartmentMatcher(USUAL, {"宣传教育部": "宣教部"}, PROVINCE)
    assert matcher.match("宣教部") == "宣教部"
    assert matcher.match(" 省总宣教部 ") == "宣教部"
    assert matcher.match("宣传教育部") == "宣教部"
    assert matcher.match("省总宣传教育部") == "宣教部"
    assert matcher.match("青海省总工会财务部") == "财务部"
    # different departments stay apart
    assert matcher.match("女职委") is None
    assert matcher.match("宣传部") is None
    assert matcher.match("市总宣教部") is None  # the city union's, not ours
    assert matcher.match("各市总工会办公室") is None
    assert matcher.match("西宁市总工会") is None
    assert matcher.match("") is None
    assert matcher.canonical("团委") == "团委"


def test_a_list_written_with_prefixes_matches_plain_names() -> None:
    matcher = DepartmentMatcher(("省总办公室", "省总宣教部", "省总女职委办公室"), {}, PROVINCE)
    assert matcher.match("宣教部") == "省总宣教部"
    assert matcher.match("办公室") == "省总办公室"
    assert matcher.match("青海省总工会宣教部") == "省总宣教部"
    assert matcher.match("女职委办公室") == "省总女职委办公室"
    assert matcher.match("市总宣教部") is None


def test_without_the_organ_only_names_and_aliases_match() -> None:
    matcher = DepartmentMatcher(("宣教部",), {"宣传部": "宣教部"})
    assert matcher.match("宣传部") == "宣教部"
    assert matcher.match("省总宣教部") is None


def test_a_name_that_could_mean_two_departments_is_kept() -> None:
    matcher = DepartmentMatcher(("省总宣教部", "宣教部"), {}, PROVINCE)
    assert matcher.match("青海省总工会宣教部") is None
    assert matcher.match("省总宣教部") == "省总宣教部"  # its own name first
    assert matcher.match("宣教部") == "宣教部"


def test_a_notice_gets_the_listed_names_once_each() -> None:
    notice = NoticeData(
        title="通知",
        activities=[
            ActivityData(title="一", lead=["省总宣教部", "宣教部"], cooperating=["团委"]),
            ActivityData(title="二", lead=["办公室"], cooperating=["省总工会组织部"]),
        ],
    )
    listed, changed = with_listed_departments(notice, DepartmentMatcher(USUAL, {}, PROVINCE))
    assert [a.lead for a in listed.activities] == [["宣教部"], ["办公室"]]
    assert [a.cooperating for a in listed.activities] == [["团委"], ["组织部"]]
    assert changed == [("省总宣教部", "宣教部"), ("省总工会组织部", "组织部")]
    assert notice.activities[0].lead == ["省总宣教部", "宣教部"]  # the original is kept
