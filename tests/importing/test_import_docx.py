"""Word files: paragraphs, a plan as a table, and the order of both."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from unionoffice.domain.notice import BlockKind
from unionoffice.importing import prepare_file, read_document
from unionoffice.importing.document import Table

CITY_TABLE_NOTICE = [
    "西宁市总工会文件",
    "宁工发〔2022〕21号",
    "西宁市总工会关于印发2022年全市工会",
    "重点工作任务分解表的通知",
    "各县（区）总工会，市级各产业工会：",
    "现将《2022年全市工会重点工作任务分解表》印发给你们，请各责任单位认真抓好落实。"
    "各项任务排名第一的单位为牵头单位。",
    "西宁市总工会",
    "2022年2月18日",
    "附件",
    "2022年全市工会重点工作任务分解表",
    [
        ["序号", "工作任务", "完成时限", "责任单位", "责任领导"],
        ["一、思想政治引领", "", "", "", ""],
        [
            "1",
            "开展“永远跟党走”群众性主题宣传教育活动。组织宣讲100场。",
            "全年",
            "宣教部\n网络工作部、各县（区）总工会",
            "张明",
        ],
        ["2", "举办全市职工演讲比赛", "5 月 底前", "宣教部", "张明"],
        ["二、建功立业", "", "", "", ""],
        [
            "3",
            "开展“当好主人翁 建功新时代”劳动竞赛。\n评选先进班组50个。",
            "3—11月",
            "经济技术部、各产业工会",
            "李华",
        ],
    ],
]


def test_docx_reads_paragraphs_and_tables_in_order(make_docx: Callable[..., Path]) -> None:
    path = make_docx("notice.docx", ["标题", [["a", "b"], ["c", "d\ne"]], "结尾"])
    document = read_document(path)
    assert document.elements == ("标题", Table((("a", "b"), ("c", "d\ne"))), "结尾")
    assert document.encoding is None


def test_city_notice_with_a_table_plan(make_docx: Callable[..., Path]) -> None:
    path = make_docx("xining.docx", CITY_TABLE_NOTICE, merge_rows=[1, 4])
    notice = prepare_file(path).parsed.notice
    assert notice.organ == "西宁市总工会"
    assert notice.doc_number == "宁工发〔2022〕21号"
    assert notice.title == "西宁市总工会关于印发2022年全市工会重点工作任务分解表的通知"
    assert notice.signature == "西宁市总工会"
    assert notice.date == date(2022, 2, 18)
    got = [
        (a.section, a.title, a.deadline, a.lead, a.cooperating, a.leader) for a in notice.activities
    ]
    assert got == [
        (
            "思想政治引领",
            "开展“永远跟党走”群众性主题宣传教育活动",
            "全年",
            ["宣教部"],
            ["网络工作部", "各县（区）总工会"],
            "张明",
        ),
        ("思想政治引领", "举办全市职工演讲比赛", "5月底前", ["宣教部"], [], "张明"),
        (
            "建功立业",
            "开展“当好主人翁 建功新时代”劳动竞赛",
            "3—11月",
            ["经济技术部"],
            ["各产业工会"],
            "李华",
        ),
    ]
    assert notice.activities[2].text == "开展“当好主人翁 建功新时代”劳动竞赛。\n评选先进班组50个。"
    second = notice.activities[1].period
    assert second is not None and (second.start, second.end) == (
        date(2022, 2, 18),
        date(2022, 5, 31),
    )
    # The table became activities; the attachment keeps its title.
    assert [b.kind for b in notice.body] == [BlockKind.PARAGRAPH, BlockKind.ATTACHMENT]


def test_table_with_lead_and_cooperating_columns(make_docx: Callable[..., Path]) -> None:
    path = make_docx(
        "plan.docx",
        [
            "关于开展2023年“安康杯”竞赛活动的通知",
            "二、活动内容",
            [
                ["序号", "活动内容", "完成时限", "牵头部门", "配合部门"],
                ["1", "1.启动仪式（含动员部署）", "4月", "劳保部", "宣教部、财务部"],
                ["2", "隐患排查“随手拍”。", "5—9月", "劳保部", "各产业工会及基层工会"],
                ["", "", "", "", ""],
            ],
            "三、工作要求",
            "（一）加强领导。",
        ],
    )
    notice = prepare_file(path).parsed.notice
    assert [(a.section, a.title, a.deadline, a.lead, a.cooperating) for a in notice.activities] == [
        ("活动内容", "启动仪式（含动员部署）", "4月", ["劳保部"], ["宣教部", "财务部"]),
        ("活动内容", "隐患排查“随手拍”", "5—9月", ["劳保部"], ["各产业工会", "基层工会"]),
    ]
    assert notice.year == 2023
    assert notice.outline == ["活动内容", "工作要求"]


def test_a_table_that_is_not_a_plan_stays_in_the_body(make_docx: Callable[..., Path]) -> None:
    path = make_docx(
        "names.docx",
        ["关于表彰先进个人的通知", [["姓名", "单位"], ["张三", "西宁供电公司"]]],
    )
    notice = prepare_file(path).parsed.notice
    assert notice.activities == []
    assert [b.text for b in notice.body] == ["姓名　单位", "张三　西宁供电公司"]


def test_red_header_in_a_table(make_docx: Callable[..., Path]) -> None:
    path = make_docx(
        "header.docx",
        [[["青海省总工会办公室文件"], ["青总办〔2021〕15号"]], "关于开展活动的通知", "特此通知。"],
    )
    notice = prepare_file(path).parsed.notice
    assert (notice.organ, notice.doc_number, notice.title) == (
        "青海省总工会办公室",
        "青总办〔2021〕15号",
        "关于开展活动的通知",
    )
    assert [b.text for b in notice.body] == ["特此通知。"]
