"""Notices the importer has never seen, written the way other offices write them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from unionoffice.domain.notice import BlockKind, NoticeStatus
from unionoffice.importing import parse_text, prepare_file

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_sections_each_holding_activities() -> None:
    """一、 sections with （一） items; brackets with 牵头/配合/完成时限; label lines."""
    notice = prepare_file(FIXTURES / "haidong-sections.txt").parsed.notice
    assert notice.organ == "海东市总工会"
    assert notice.doc_number == "东工发〔2022〕8号"
    # The title was split over two lines in the source.
    assert notice.title == "海东市总工会关于印发《2022年“工会进万家”系列活动实施方案》的通知"
    assert notice.outline == ["指导思想", "学习教育活动", "劳动和技能竞赛活动", "工作要求"]
    got = [(a.section, a.title, a.deadline, a.lead, a.cooperating) for a in notice.activities]
    assert got == [
        (
            "学习教育活动",
            "开展“学思践悟新思想”职工宣讲活动",
            "",
            ["宣教部"],
            ["各县（区）总工会"],
        ),
        (
            "学习教育活动",
            "举办职工读书月活动",
            "4月23日前",
            ["宣教部"],
            ["网络工作部", "各县（区）总工会"],
        ),
        (
            "劳动和技能竞赛活动",
            "开展“建功十四五”主题劳动竞赛",
            "全年",
            ["经济技术部"],
            ["财务部", "各县（区）总工会"],  # "财务部及各县（区）总工会等"
        ),
        (
            "劳动和技能竞赛活动",
            "举办全市职工职业技能大赛",
            "第三季度",
            ["经济技术部"],
            ["市人社局", "各产业工会"],
        ),
    ]
    # 工作要求 items stay in the body, even one with a 牵头部门 bracket.
    requirements = [b.text for b in notice.body if b.level == 2]
    assert requirements[0].startswith("加强领导。")
    third = notice.activities[2].period
    assert third is not None and (third.start, third.end) == (date(2022, 1, 1), date(2022, 12, 31))


def test_end_matter_attachment_signature_date_cc_distribution() -> None:
    notice = prepare_file(FIXTURES / "haidong-sections.txt").parsed.notice
    assert notice.attachment_note == "2022年“工会进万家”系列活动实施方案"
    assert notice.signature == "海东市总工会"
    assert notice.date == date(2022, 3, 2)
    # Each 附注 line is kept in round brackets, as GB/T 9704 prints it.
    assert notice.remark == "（此件公开发布）\n（联系人：马海燕 联系电话：0972-8612345）"
    assert notice.cc == "省总工会办公室。"
    assert notice.distributor == "海东市总工会办公室"
    assert notice.distribution_date == date(2022, 3, 3)
    kinds = [b.kind for b in notice.body]
    assert kinds.count(BlockKind.ATTACHMENT) == 1
    attachment = next(b for b in notice.body if b.kind is BlockKind.ATTACHMENT)
    assert attachment.text == "2022年“工会进万家”系列活动实施方案"
    assert all("海东市总工会办公室" not in b.text for b in notice.body)


def test_chinese_numeral_date_markdown_and_responsible_lines() -> None:
    """Markdown marks, "- " label lines with stray spaces, 责任部门 (all lead: the notice does
    not say the first one does), a page number inside an item, a "（X牵头，Y配合）" bracket,
    and 二〇二一年三月十五日."""
    notice = prepare_file(FIXTURES / "guide-cn-date.txt").parsed.notice
    assert notice.organ == "西宁市城东区总工会"
    assert notice.doc_number == "东区工字〔2021〕7号"
    assert notice.title == "关于做好2021年“五一”期间困难职工走访慰问工作的通知"
    assert notice.recipients == "各街道工会，区直各单位工会："
    assert notice.date == date(2021, 3, 15)
    assert notice.signature == "西宁市城东区总工会"
    assert notice.remark == "（联系人：李红梅，电话：0971-8801234）"
    assert notice.outline == ["慰问对象", "主要活动", "工作要求"]
    first, second, third = notice.activities
    assert (first.deadline, first.lead, first.cooperating, first.leader) == (
        "4月20日至4月30日",
        ["区总办公室", "区总保障部", "各街道工会"],
        [],
        "王建国",
    )
    assert first.period is not None and first.period.start == date(2021, 4, 20)
    assert second.text == (
        "发放“五一”慰问金。对符合条件的困难职工每户发放慰问金500元，做到精准发放、不漏一户。"
    )
    assert (second.deadline, second.lead, second.cooperating) == (
        "5月1日前",
        ["区总保障部", "区总财务室"],
        [],
    )
    assert second.period is not None and second.period.end == date(2021, 5, 1)
    assert (third.title, third.lead, third.cooperating) == (
        "组织劳模疗休养",
        ["区总经济部"],
        ["各街道工会"],
    )


def test_gb18030_file_with_responsible_brackets() -> None:
    """A GBK/GB18030 file with CRLF line ends; 责任领导/责任部门/完成时限 in one bracket."""
    path = FIXTURES / "huangzhong-gbk.txt"
    raw = path.read_bytes()
    assert "湟中区".encode("gb18030") in raw  # the fixture really is GB18030
    notice = prepare_file(path).parsed.notice
    assert notice.organ == "湟中区总工会办公室"
    assert notice.doc_number == "湟工办〔2023〕12号"
    assert notice.date == date(2023, 2, 20)
    got = [(a.title, a.deadline, a.lead, a.cooperating, a.leader) for a in notice.activities]
    assert got == [
        (
            "深化职工思想政治引领",
            "6月底前",
            ["宣教科"],
            ["组织科", "各乡镇（街道）工会"],
            "赵文斌",
        ),
        ("推进困难职工帮扶", "全年", ["保障科"], ["财务科"], "马晓东"),
        ("加强基层工会规范化建设", "11月底前", ["组织科"], [], "赵文斌"),
    ]
    assert {a.section for a in notice.activities} == {"重点工作任务"}


def test_numbered_list_without_sections_with_inline_labels() -> None:
    notice = parse_text(
        "关于开展职工health活动的通知\n"
        "各基层工会:\n"
        "1. 举办健步走活动。 牵头部门: 文体部 ; 完成时限 : 5 月\n"
        "2. 开展义诊进企业。(牵头单位:女工部、保障部, 配合单位:各基层工会)\n"
        "特此通知。\n"
    ).notice
    assert notice.recipients == "各基层工会："
    assert [(a.title, a.deadline, a.lead, a.cooperating, a.section) for a in notice.activities] == [
        ("举办健步走活动", "5月", ["文体部"], [], None),
        ("开展义诊进企业", "", ["女工部", "保障部"], ["各基层工会"], None),
    ]
    assert [b.text for b in notice.body] == ["特此通知。"]


def test_grouped_items_and_unlabelled_activity_section() -> None:
    notice = parse_text(
        "关于开展2024年职工文化活动的通知\n"
        "一、活动主题\n"
        "（一）奋进新时代。\n"
        "二、活动安排\n"
        "（一）文体类活动\n"
        "1.职工篮球赛。（牵头部门：文体部）\n"
        "2.职工书画展。（牵头部门：宣教部）\n"
        "（二）技能类活动\n"
        "1.青年技能比武。（牵头部门：经济部）\n"
        "2.“金牌工人”评选。（牵头部门：经济部）\n"
        "三、主要活动\n"
        "（一）慰问一线职工。\n"
        "（二）送清凉活动。\n"
    ).notice
    assert notice.year == 2024
    titles = [(a.section, a.title, a.lead) for a in notice.activities]
    assert titles == [
        ("活动安排", "职工篮球赛", ["文体部"]),
        ("活动安排", "职工书画展", ["宣教部"]),
        ("活动安排", "青年技能比武", ["经济部"]),
        ("活动安排", "“金牌工人”评选", ["经济部"]),
        ("主要活动", "慰问一线职工", []),
        ("主要活动", "送清凉活动", []),
    ]
    # The group headings stay in the body; the activity items do not.
    assert [b.text for b in notice.body if b.level == 2] == [
        "奋进新时代。",
        "文体类活动",
        "技能类活动",
    ]


def test_level_one_items_and_unnumbered_paragraph_items() -> None:
    notice = parse_text(
        "关于做好安全生产月工作的通知\n"
        "一、开展安全知识竞赛。各单位组织职工参赛。（责任部门：劳保部、各基层工会；完成时限：6月）\n"
        "二、开展隐患排查。\n"
        "责任单位：劳保部\n"
        "完成时限：6月底\n"
        "三、工作要求\n"
        "请各单位按时报送总结。\n"
    ).notice
    # 责任部门 alone are all lead departments: the notice does not say the first one leads.
    assert [(a.title, a.lead, a.cooperating, a.deadline) for a in notice.activities] == [
        ("开展安全知识竞赛", ["劳保部", "各基层工会"], [], "6月"),
        ("开展隐患排查", ["劳保部"], [], "6月底"),
    ]
    assert notice.outline == ["工作要求"]

    unnumbered = parse_text(
        "关于开展读书活动的通知\n"
        "各基层工会：\n"
        "请按以下安排开展活动：\n"
        "举办读书分享会。\n"
        "完成时限：4月\n"
        "牵头部门：宣教部\n"
        "评选书香家庭。\n"
        "完成时限：5月\n"
        "牵头部门：女工部\n"
    ).notice
    assert [(a.title, a.deadline, a.lead) for a in unnumbered.activities] == [
        ("举办读书分享会", "4月", ["宣教部"]),
        ("评选书香家庭", "5月", ["女工部"]),
    ]
    assert [b.text for b in unnumbered.body] == ["请按以下安排开展活动："]


def test_markdown_table_in_a_text_file() -> None:
    notice = parse_text(
        "# 某县总工会\n"
        "关于印发活动安排的通知\n"
        "| 序号 | 活动内容 | 完成时限 | 牵头部门 | 配合部门 |\n"
        "|---|---|---|---|---|\n"
        "| 1 | 举办职工运动会 | 9月 | 文体部 | 各乡镇工会、县直工会 |\n"
        "| 2 | 开展金秋助学 | 8 月 | 保障部 |  |\n"
    ).notice
    assert notice.organ == "某县总工会"
    assert [(a.title, a.deadline, a.lead, a.cooperating) for a in notice.activities] == [
        ("举办职工运动会", "9月", ["文体部"], ["各乡镇工会", "县直工会"]),
        ("开展金秋助学", "8月", ["保障部"], []),
    ]


def test_notice_without_any_header_or_number() -> None:
    parsed = parse_text("各位会员：\n下周三召开会员大会，请准时参加。\n")
    assert parsed.notice.title == ""
    assert parsed.notice.doc_number is None
    assert parsed.notice.status is NoticeStatus.DRAFT
    assert "未识别到标题" in parsed.warnings
    assert parsed.notice.recipients == "各位会员："


def test_unnumbered_paragraphs_with_brackets_or_label_lines() -> None:
    notice = parse_text(
        "关于开展劳动竞赛的通知\n"
        "一、劳动竞赛\n"
        "开展劳动竞赛。（牵头部门：经济部）\n"
        "举办技能比武。\n"
        "完成时限：5月\n"
        "二、工作要求\n"
        "请认真落实。（牵头部门：办公室）\n"
    ).notice
    assert [(a.section, a.title, a.lead, a.deadline) for a in notice.activities] == [
        ("劳动竞赛", "开展劳动竞赛", ["经济部"], ""),
        ("劳动竞赛", "举办技能比武", [], "5月"),
    ]
    assert [b.text for b in notice.body] == [
        "劳动竞赛",
        "工作要求",
        "请认真落实。（牵头部门：办公室）",
    ]


def test_attachment_title_over_two_lines() -> None:
    notice = parse_text(
        "关于印发活动方案的通知\n"
        "现将活动方案印发给你们。\n"
        "附件\n"
        "开展庆祝建党100周年\n"
        "暨庆“五一”系列活动方案\n"
        "一、活动内容\n"
        "（一）举办宣讲。\n"
    ).notice
    attachment = [b.text for b in notice.body if b.kind is BlockKind.ATTACHMENT]
    assert attachment == ["开展庆祝建党100周年暨庆“五一”系列活动方案"]
    assert notice.attachment_note == "开展庆祝建党100周年暨庆“五一”系列活动方案"
    assert [a.title for a in notice.activities] == ["举办宣讲"]
