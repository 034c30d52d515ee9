"""Realistic Chinese for the benchmark's archive: notice titles, bodies and activity plans.

Phrases are the kind a provincial federation's office writes; they are combined at random
(from a seeded generator) so that ten years of notices do not repeat one another and the
search index sees a realistic spread of words.
"""

from __future__ import annotations

import datetime as dt
import random

from unionoffice.domain.notice import ActivityData, ActivityStatus, Block, NoticeData
from unionoffice.storage.demo import ACTIVITY_TOPICS, PROVINCIAL_DEPARTMENTS, RECIPIENTS

ORGAN = "青海省总工会办公室"
SERIES = ["青总办", "青总办通", "青总发", "青工发", "青总函"]
SERIES_WEIGHTS = [40, 25, 15, 12, 8]
DEPARTMENTS = PROVINCIAL_DEPARTMENTS
# What clerks write beside the master list: short forms and other units.
OTHER_UNITS = ["宣教部", "经济技术部", "省总工会干部学校", "省职工服务中心", "省总工会康复医院"]
LEADERS = ["张明", "李华", "王建国", "刘晓燕", "陈志强", "马永福", "韩玉兰", "赵德胜"]
PLACES = ["西宁", "海东", "海西", "海南", "海北", "黄南", "果洛", "玉树", "格尔木", "德令哈"]
THEMES = [
    "“中国梦·劳动美”", "“当好主人翁、建功新时代”", "“五一”国际劳动节", "“安康杯”",
    "“职工书屋”", "“工会进万家”", "“建功‘十四五’、奋进新征程”", "“劳动创造幸福”",
    "“巾帼建功”", "“技能强青”", "“金秋助学”", "“两节”送温暖", "“夏送清凉”", "“会员评家”",
    "“网聚职工正能量、争做中国好网民”", "“尊法守法·携手筑梦”",
]  # fmt: skip
VERBS = ["开展", "组织", "举办", "推进", "深化", "落实", "做好", "实施", "启动", "持续开展"]
OBJECTS = [
    "主题宣传教育活动", "职工技能大赛", "劳动和技能竞赛", "困难职工帮扶工作", "专题培训班",
    "职工文化体育活动", "普法宣传活动", "劳模事迹报告会", "调研督导工作", "品牌创建活动",
    "送温暖慰问活动", "职工心理健康服务", "农民工服务行动", "集体协商要约行动", "线上知识答题",
    "基层工会规范化建设", "工会经费审查", "女职工权益保护专项行动", "职工疗休养工作",
    "工会干部轮训", "户外劳动者服务站点建设", "网上工会建设", "职工诉求服务",
]  # fmt: skip
SENTENCES = [
    "各级工会要高度重视，结合实际制定具体方案，确保各项工作落到实处。",
    "要充分发挥{place}等地工会的示范作用，及时总结推广好经验好做法。",
    "活动期间，组织不少于{n}名一线职工参加，覆盖企业、机关和事业单位。",
    "坚持线上线下相结合，利用工会新媒体平台扩大覆盖面和影响力。",
    "加强与人社、住建、交通等部门的沟通协调，形成工作合力。",
    "活动结束后，各单位于规定时间前将总结材料报送牵头部门。",
    "重点面向快递员、网约车司机、外卖配送员等新就业形态劳动者。",
    "把握正确导向，注重宣传实效，营造劳动光荣、创造伟大的浓厚氛围。",
    "严格落实中央八项规定精神，厉行节约，不得借机发放钱物。",
    "在{place}设立分会场，邀请劳动模范和大国工匠现场交流。",
    "各市（州）总工会要在{month}月底前完成基层推荐和初评工作。",
    "注重发现和培养先进典型，评选表彰一批优秀组织单位和个人。",
    "统筹做好疫情防控和安全生产工作，确保活动安全有序开展。",
    "经费从工会经费中列支，严格执行财务制度，专款专用。",
]  # fmt: skip
DEADLINES = [
    "1月份", "2月份", "3月份", "4月份", "5月份", "6月份", "7月份", "8月份", "9月份", "10月份",
    "11月份", "12月份", "一季度", "第二季度", "第三季度", "四季度", "上半年", "下半年", "全年",
    "4—7月份", "5-6月份", "3月底前", "6月底前", "9月底前", "10月底前", "年底前", "5月中旬",
    "根据工作安排", "长期坚持",
]  # fmt: skip
DEADLINE_WEIGHTS = [3] * 12 + [2] * 6 + [3] + [2] * 8 + [1, 1]
HEADINGS = ["指导思想", "活动主题", "活动时间", "活动内容", "工作要求", "组织领导", "有关事项"]


def activity(rng: random.Random) -> ActivityData:
    """One item of an activity plan."""
    if rng.random() < 0.3:
        title, text = rng.choice(ACTIVITY_TOPICS)
    else:
        title = f"{rng.choice(VERBS)}{rng.choice(THEMES)}{rng.choice(OBJECTS)}"
        text = ""
    text += "".join(_sentence(rng) for _ in range(rng.randint(1, 3)))
    lead = rng.sample(DEPARTMENTS, k=1 if rng.random() < 0.8 else 2)
    others = [d for d in DEPARTMENTS + OTHER_UNITS if d not in lead]
    return ActivityData(
        title=title,
        text=text,
        deadline=rng.choices(DEADLINES, DEADLINE_WEIGHTS)[0],
        lead=lead,
        cooperating=rng.sample(others, k=rng.choice([0, 1, 1, 2, 2, 3])),
        leader=rng.choice(LEADERS) if rng.random() < 0.4 else None,
        status=rng.choices(list(ActivityStatus), [5, 2, 3])[0],
    )


def notice(
    rng: random.Random, series: str, year: int, number: int | None, date: dt.date, count: int
) -> NoticeData:
    """A notice of ``series`` with ``count`` activities; a draft when ``number`` is None."""
    theme = rng.choice(THEMES)
    thing = rng.choice(OBJECTS)
    if count:
        title = f"关于印发《{year}年{theme}{thing}实施方案》的通知"
    else:
        title = f"关于{rng.choice(VERBS)}{year}年{theme}{thing}的通知"
    body = [Block.paragraph(f"为深入贯彻落实省总工会{year}年工作部署，{_sentence(rng)}")]
    for heading in rng.sample(HEADINGS, k=rng.randint(2, 4)):
        body.append(Block.heading(1, heading))
        body.append(Block.paragraph("".join(_sentence(rng) for _ in range(rng.randint(1, 3)))))
    if count:
        body.append(Block.attachment(f"{year}年{theme}{thing}实施方案"))
    return NoticeData(
        title=title,
        organ=ORGAN,
        series_code=series,
        year=year,
        number=number,
        recipients=RECIPIENTS,
        body=body,
        attachment_note="附件：实施方案" if count else "",
        signature="青海省总工会",
        date=date,
        distributor=ORGAN,
        distribution_date=date,
        folder=f"{year}年/{series}",
        activities=[activity(rng) for _ in range(count)],
    )


def _sentence(rng: random.Random) -> str:
    return rng.choice(SENTENCES).format(
        place=rng.choice(PLACES), n=rng.randrange(50, 2000, 50), month=rng.randint(3, 11)
    )


def notice_text(data: NoticeData) -> str:
    """The notice as a clerk's .txt file: what the importer reads."""
    lines = [data.doc_number or "", data.title, "", data.recipients]
    numerals = "一二三四五六七八九十"
    heading = 0
    for block in data.body:
        if block.kind == "heading":
            lines.append(f"{numerals[heading % 10]}、{block.text}")
            heading += 1
        elif block.kind == "attachment":
            lines.append(f"附件：{block.text}")
        else:
            lines.append(block.text)
    if data.activities:
        lines.append(f"{numerals[heading % 10]}、活动内容")
        for index, item in enumerate(data.activities, start=1):
            lines.append(f"{index}.{item.title}")
            if item.text:
                lines.append(item.text)
            lines.append(f"完成时限：{item.deadline}")
            lines.append(f"牵头部门：{'、'.join(item.lead)}")
            if item.cooperating:
                lines.append(f"配合部门：{'、'.join(item.cooperating)}")
    lines += ["", data.signature]
    if data.date is not None:
        lines.append(f"{data.date.year}年{data.date.month}月{data.date.day}日")
    return "\n".join(lines) + "\n"
