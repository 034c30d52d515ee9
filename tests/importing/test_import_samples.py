"""The two real notices in tests/data/samples, with every value read off the printed notice."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from unionoffice.domain.notice import BlockKind, NoticeData, NoticeStatus
from unionoffice.importing import import_paths, prepare_file
from unionoffice.storage.services import NoticeService

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
CITIES = ["各市（州）总工会", "省级各产业工会", "省总各直属工会"]

# 2021-15: (完成时限, 牵头, 配合) for the 21 items of 二、活动内容, as printed.
EXPECTED_2021 = [
    ("4月份", ["省总宣教部"], ["西宁市总工会", "海西州总工会"]),
    ("", [], []),
    ("全年", ["省总宣教部", "省总经济部"], ["省总干部学校", *CITIES]),
    ("全年", ["省总研究室", "省总干部学校"], CITIES),
    ("4—7月份", ["省总宣教部"], ["省总网络和社会工作部", *CITIES]),
    ("4—7月份", ["省总宣教部", "省总经济部"], CITIES),
    ("全年", ["省总宣教部", "省总网络和社会工作部"], CITIES),
    ("4月份", ["省总宣教部"], ["省直机关工会工委"]),
    ("全年", ["省总机关党委"], ["省总机关各支部"]),
    ("全年", ["省总干部学校"], ["省总组织部", *CITIES]),
    ("5-6月份", ["省总宣教部"], CITIES),
    ("全年", ["省总经济部"], CITIES),
    ("全年", ["省总权益保障部", "省总经济部", "省总宣教部"], [*CITIES, "省总各部室"]),
    ("3月份", ["省总女职委办公室"], CITIES),
    ("3月份", ["省总女职委办公室"], CITIES),
    ("7月份", ["省总女职委办公室"], CITIES),
    ("6月份", ["省总宣教部"], CITIES),
    ("5月份", ["省总宣教部", "西宁市总工会"], CITIES),
    ("全年", ["省总宣教部"], CITIES),
    ("5月份", ["省总宣教部"], CITIES),
    ("8月份", ["省总宣教部"], CITIES),
]
EXPECTED_2020 = [
    ("推荐评选全国劳模和先进工作者活动", ["经济技术部"], ["宣教部"]),
    ("先进典型宣传教育活动", ["宣教部"], ["经济技术部"]),
    (
        "助力企业复工复产活动",
        ["权益保障部"],
        ["研究室", "经济技术部", "网络和社会工作部", "省总各部室"],
    ),
    ("慰问劳模和一线职工活动", ["办公室"], ["经济技术部", "权益保障部", "宣教部"]),
    ("技能竞赛素质提升活动", ["经济技术部"], ["宣教部"]),
    ("疫情期间困难职工帮扶活动", ["权益保障部"], ["财务部"]),
    ("全省职工学习阅读活动", ["宣教部"], ["权益保障部", "经济技术部"]),
    ("深化职工爱国卫生活动", ["机关党委", "机关后勤服务中心"], ["机关各部室"]),
]


def _parse(name: str) -> NoticeData:
    return prepare_file(SAMPLES / name).parsed.notice


@pytest.fixture(scope="module")
def notice_2021() -> NoticeData:
    return _parse("qinghai-2021-15.txt")


@pytest.fixture(scope="module")
def notice_2020() -> NoticeData:
    return _parse("qinghai-2020-31.txt")


def test_2021_header(notice_2021: NoticeData) -> None:
    assert notice_2021.organ == "青海省总工会办公室"
    assert notice_2021.doc_number == "青总办〔2021〕15号"
    assert notice_2021.year == 2021
    assert notice_2021.status is NoticeStatus.ISSUED
    assert notice_2021.title == (
        "青海省总工会办公室关于印发《开展庆祝建党100周年暨庆“五一”系列活动方案》的通知"
    )
    assert notice_2021.recipients == (
        "各市（州）总工会，省级各产业工会、省总各直属工会，省总机关各部室，省总干校、康复医院："
    )
    assert notice_2021.date is None  # the extracted text has no 成文日期


def test_2021_body(notice_2021: NoticeData) -> None:
    assert notice_2021.outline == ["总体要求", "活动内容", "工作要求"]
    attachments = [b for b in notice_2021.body if b.kind is BlockKind.ATTACHMENT]
    assert [b.text for b in attachments] == ["开展庆祝建党100周年暨庆“五一”系列活动方案"]
    assert notice_2021.body[0].text.startswith("现将《开展庆祝建党100周年")
    requirements = [b.text for b in notice_2021.body if b.level == 2]
    assert [t[:9] for t in requirements] == [
        "高度重视，精心组织",
        "突出主题，广泛发动",
        "加强宣传，营造氛围",
    ]
    assert "车永秀" in notice_2021.remark and "0971-8236825" in notice_2021.remark
    assert all("车永秀" not in b.text for b in notice_2021.body)


def test_2021_activities(notice_2021: NoticeData) -> None:
    activities = notice_2021.activities
    assert len(activities) == 21
    assert {a.section for a in activities} == {"活动内容"}
    got = [(a.deadline, a.lead, a.cooperating) for a in activities]
    assert got == EXPECTED_2021
    assert activities[0].title == (
        "举办“聚力新征程 奋进十四五”学习党的十九届五中全会、省委十三届九次全会精神"
        "省级群团宣讲基层行活动"
    )
    assert activities[3].title == "开展工运理论研究"
    assert activities[7].title == "开展党史学习教育知识竞赛"
    assert all(not a.title.endswith("。") and "完成时限" not in a.text for a in activities)


def test_2021_items_split_over_page_breaks_are_one_activity(notice_2021: NoticeData) -> None:
    third, seventh = notice_2021.activities[2], notice_2021.activities[6]
    assert "进一步弘扬劳模精神" in third.text
    assert third.text.endswith("营造“崇尚劳动、见贤思齐”的良好氛围。")
    assert seventh.title == "开展“党史天天读”活动"
    assert "“党史百年天天读”" in seventh.text
    thirteenth = notice_2021.activities[12]
    assert "建立工会领导干部包案处理" in thirteenth.text


def test_2021_periods(notice_2021: NoticeData) -> None:
    def span(seq: int) -> tuple[date, date] | None:
        period = notice_2021.activities[seq - 1].period
        return (period.start, period.end) if period else None

    assert span(1) == (date(2021, 4, 1), date(2021, 4, 30))
    assert span(2) is None
    assert span(3) == (date(2021, 1, 1), date(2021, 12, 31))
    assert span(5) == (date(2021, 4, 1), date(2021, 7, 31))
    assert span(11) == (date(2021, 5, 1), date(2021, 6, 30))
    assert span(14) == (date(2021, 3, 1), date(2021, 3, 31))
    assert span(21) == (date(2021, 8, 1), date(2021, 8, 31))


def test_2021_requirements_are_not_activities(notice_2021: NoticeData) -> None:
    titles = " ".join(a.title for a in notice_2021.activities)
    assert "高度重视" not in titles and "突出主题" not in titles and "加强宣传" not in titles


def test_2020_header(notice_2020: NoticeData) -> None:
    # The "# 青海省总工会" heading above the 文号 names the organ (the title names its office).
    assert notice_2020.organ == "青海省总工会"
    assert notice_2020.doc_number == "青总办通〔2020〕31号"
    assert notice_2020.title == (
        "青海省总工会办公室关于印发《开展“劳动展风采、岗位做贡献、夺取双胜利”庆“五一”"
        "活动方案》的通知"
    )
    assert notice_2020.recipients == "各市（州）总工会、省级产业工会、省总直属工会："
    assert notice_2020.outline == ["总体要求", "活动内容", "工作要求"]
    assert notice_2020.remark == ""


def test_2020_activities(notice_2020: NoticeData) -> None:
    activities = notice_2020.activities
    assert [(a.title, a.lead, a.cooperating) for a in activities] == EXPECTED_2020
    assert {a.section for a in activities} == {"活动内容"}
    # The notice gives no 完成时限; the bracket is not left in the text.
    assert all(a.deadline == "" and a.period is None for a in activities)
    assert all("牵头部门" not in a.text for a in activities)
    assert activities[0].text.endswith("劳动最美丽的的浓厚氛围。")
    assert "了解情况，实时掌握各行业企业生产经营" in activities[2].text


def test_samples_import_into_the_database(db) -> None:
    results = import_paths(db, [SAMPLES])
    assert [r.status for r in results] == ["created", "created"]
    service = NoticeService(db)
    stored = {n.doc_number: n for n in (service.get(r.notice_id) for r in results)}
    notice = stored["青总办〔2021〕15号"]
    assert len(notice.activities) == 21
    assert [(a.deadline, a.lead, a.cooperating) for a in notice.activities] == EXPECTED_2021
    fifth = notice.activities[4].period
    assert fifth is not None and (fifth.start, fifth.end) == (date(2021, 4, 1), date(2021, 7, 31))
    assert notice.status is NoticeStatus.ISSUED
    older = stored["青总办通〔2020〕31号"]
    assert [(a.title, a.lead, a.cooperating) for a in older.activities] == EXPECTED_2020
    assert older.organ == "青海省总工会"
