"""Demo data: organs, 文号 series, departments and a year of notices with activity plans (the
last a plan of events with times, places and participants), so a newcomer sees a populated
window at once. Deterministic for a given year."""

from __future__ import annotations

import copy
import datetime as dt
import random
from dataclasses import dataclass

from unionoffice.domain.doc_number import validate_year
from unionoffice.domain.notice import ActivityData, ActivityStatus, Block, NoticeData
from unionoffice.storage.database import Database
from unionoffice.storage.services.notices import NoticeService
from unionoffice.storage.services.numbering import NumberingService
from unionoffice.storage.services.organs import OrganService

PROVINCIAL = "青海省总工会办公室"
CITY = "西宁市总工会"

PROVINCIAL_DEPARTMENTS = [
    "省总办公室", "省总组织部", "省总宣教部", "省总经济部", "省总权益保障部",
    "省总网络和社会工作部", "省总研究室", "省总财务部", "省总女职委办公室", "省总机关党委",
    "省总干部学校",
]  # fmt: skip
CITY_DEPARTMENTS = [
    "市总办公室",
    "市总组织宣传部",
    "市总经济技术部",
    "市总权益保障部",
    "市总女职工部",
]
RECIPIENTS = (
    "各市（州）总工会，省级各产业工会、省总各直属工会，省总机关各部室，省总干校、康复医院："
)

DEADLINES = ["3月份", "4月份", "5月份", "4—7月份", "5-6月份", "全年", "6月底前", "第三季度",
             "下半年", "9月底前", "10月份", "11月份", "年底前", "上半年", "7月份", "根据工作安排"]  # fmt: skip
ACTIVITY_TOPICS = [
    ("举办学习宣讲基层行活动", "组织宣讲团成员和劳模代表深入基层一线开展宣讲，推动理论学习走进职工身边。"),
    ("开展领导送奖到基层活动", "节日前夕开展送奖到基层和看望慰问一线职工活动，营造尊重劳动的社会风尚。"),
    ("开展劳模宣讲活动", "组织劳动模范、工匠代表走进企业、车间、班组和工地，讲述奋斗故事。"),
    ("开展工运理论研究", "围绕工运事业发展规划的重点任务开展理论研究，推出一批研究成果。"),
    ("组织微视频接力活动", "发动工会干部和一线职工拍摄微视频，在工会新媒体平台开设专栏集中展示。"),
    ("开展先进典型宣传", "在主流媒体开设专栏，宣传劳动奖章获得者和基层一线职工的先进事迹。"),
    ("开展知识竞赛", "联合有关单位开展知识竞赛，引导干部职工学习理论、增强本领。"),
    ("举办职工演讲比赛", "层层选拔优秀选手参加全省职工演讲比赛，讲述身边人的奋斗故事。"),
    ("组织开展建功立业劳动竞赛", "围绕重大工程、重点项目开展主题劳动和技能竞赛，举办职工职业技能大赛。"),
    ("开展我为职工办实事实践活动", "完善困难职工帮扶机制，推进职工书屋建设和职工技能提升行动。"),
    ("组织女职工生态环保主题活动", "举办生态环保系列活动，引领女职工助力生态文明建设。"),
    ("举办全省职工大合唱", "各级工会组织开展合唱活动，推荐优秀节目参加全省展演。"),
    ("举办职工书法篆刻作品展", "在职工群众中征集书法篆刻作品，联合举办作品展。"),
    ("开展职工阅读活动", "利用职工书屋开展经典诵读、阅读沙龙和名家讲堂等主题阅读活动。"),
    ("开展送文化进企业活动", "深入建筑工地、厂矿车间开展慰问演出，丰富职工精神文化生活。"),
    ("举办职工广播体操比赛", "动员职工线上打卡参与，适时组织线下比赛，激发全民健身热情。"),
    ("开展农民工服务系列活动", "为农民工提供免费体检、法律咨询和就业服务。"),
    ("推进劳模创新工作室建设", "命名一批劳模（职工）创新工作室，发挥示范引领作用。"),
]  # fmt: skip


@dataclass(frozen=True)
class _Plan:
    organ: str
    series: str
    title: str
    plan: str
    month: int
    departments: list[str]
    activity_count: int


def _plans(year: int) -> list[_Plan]:
    p, c = PROVINCIAL_DEPARTMENTS, CITY_DEPARTMENTS
    return [
        _Plan(PROVINCIAL, "青总办", "关于印发《{y}年工会宣传教育工作要点》的通知", "{y}年工会宣传教育工作要点", 2, p, 8),
        _Plan(PROVINCIAL, "青总办通", "关于印发《开展庆“五一”系列活动方案》的通知", "开展庆“五一”系列活动方案", 4, p, 12),
        _Plan(PROVINCIAL, "青总办", "关于印发《{y}年女职工工作要点》的通知", "{y}年女职工工作要点", 3, p, 6),
        _Plan(PROVINCIAL, "青总发", "关于开展“工会进万家”活动的通知", "“工会进万家”活动方案", 5, p, 7),
        _Plan(PROVINCIAL, "青总办", "关于印发《职工技能提升行动实施方案》的通知", "职工技能提升行动实施方案", 6, p, 9),
        _Plan(PROVINCIAL, "青总办通", "关于做好“金秋助学”工作的通知", "“金秋助学”工作安排", 7, p, 5),
        _Plan(CITY, "宁工发", "关于印发《{y}年西宁市工会工作要点》的通知", "{y}年西宁市工会工作要点", 1, c, 10),
        _Plan(CITY, "宁工办", "关于开展“安康杯”竞赛活动的通知", "“安康杯”竞赛活动方案", 4, c, 6),
    ]  # fmt: skip


def _activities(rng: random.Random, plan: _Plan) -> list[ActivityData]:
    topics = rng.sample(ACTIVITY_TOPICS, k=min(plan.activity_count, len(ACTIVITY_TOPICS)))
    result = []
    for title, text in topics:
        lead = rng.sample(plan.departments, k=rng.choice([1, 1, 1, 2]))
        others = [d for d in plan.departments if d not in lead]
        cooperating = rng.sample(others, k=rng.choice([1, 2, 3]))
        if rng.random() < 0.5:
            cooperating.append("各市（州）总工会")
        result.append(
            ActivityData(
                title=title,
                text=f"{title}。{text}",
                section="活动内容",
                deadline=rng.choice(DEADLINES),
                lead=lead,
                cooperating=cooperating,
                leader=rng.choice([None, None, "张明", "李华"]),
                status=rng.choice(list(ActivityStatus)),
            )
        )
    return result


def _notice(rng: random.Random, plan: _Plan, year: int) -> NoticeData:
    plan_title = plan.plan.format(y=year)
    day = dt.date(year, plan.month, rng.randint(3, 26))
    return NoticeData(
        title=f"{plan.organ}{plan.title.format(y=year)}",
        organ=plan.organ,
        series_code=plan.series,
        year=year,
        recipients=RECIPIENTS if plan.organ == PROVINCIAL else "各县（区）总工会，市级各产业工会：",
        body=[
            Block.paragraph(f"现将《{plan_title}》印发给你们，请结合实际抓好落实。"),
            Block.attachment(plan_title),
            Block.paragraph("为做好相关工作，按照上级部署要求，结合工作实际，制定本方案。"),
            Block.heading(1, "总体要求"),
            Block.paragraph("坚持服务职工群众，突出工作重点，确保各项任务落实落地。"),
            Block.heading(1, "活动内容"),
            Block.heading(1, "工作要求"),
            Block.heading(2, "高度重视，精心组织"),
            Block.paragraph("各级工会要加强组织领导，制定具体方案，精心安排部署。"),
        ],
        attachment_note=f"{plan_title}",
        signature=plan.organ,
        date=day,
        remark="（联系人：车永秀，联系电话：0971-8236825）",
        cc="全国总工会办公厅。" if plan.organ == PROVINCIAL else "",
        distributor=plan.organ,
        distribution_date=day,
        folder="活动方案",
        activities=_activities(rng, plan),
    )


# An event-style plan: each item has its 时间 (with times of day), 地点 and 参加人员.
EVENTS = [
    ActivityData(
        title="全省职工健步走活动",
        text="全省职工健步走活动。倡导健康生活方式，全程约5公里。",
        section="活动安排",
        deadline="10月12日上午9时",
        lead=["省总宣教部"],
        cooperating=["各市（州）总工会"],
        place="湟水河滨河步道（集合地点：海湖广场东门）",
        participants="省总机关全体干部职工，各市（州）总工会职工代表",
        responsible_person="王敏",
    ),
    ActivityData(
        title="职工书画摄影作品展开幕式",
        text="职工书画摄影作品展开幕式。展出作品展期10天。",
        section="活动安排",
        deadline="10月15日下午2时30分至4时",
        lead=["省总宣教部"],
        cooperating=["省总女职委办公室"],
        place="青海省工人文化宫一楼展厅",
        participants="作品入选作者代表、各产业工会代表",
        responsible_person="刘洋",
    ),
    ActivityData(
        title="劳模工匠先进事迹报告会",
        text="劳模工匠先进事迹报告会。邀请5名全国劳动模范和大国工匠作报告。",
        section="活动安排",
        deadline="10月19日（星期二）上午9时30分至11时30分",
        lead=["省总组织部"],
        leader="张明",
        place="省总工会机关三楼会议室",
        participants="省总机关全体干部职工",
        responsible_person="陈静",
    ),
    ActivityData(
        title="职工篮球友谊赛",
        text="职工篮球友谊赛。采取分组循环赛制。",
        section="活动安排",
        deadline="10月25日至10月29日",
        lead=["省总经济部"],
        place="省总工会职工体育馆",
        participants="省级各产业工会职工代表队",
        responsible_person="马强",
    ),
    ActivityData(
        title="报送活动总结",
        text="报送活动总结。各单位将活动开展情况和图片资料报省总宣教部。",
        section="活动安排",
        deadline="11月底前",
        lead=["省总宣教部"],
    ),
]


def _events_notice(year: int) -> NoticeData:
    day = dt.date(year, 9, 28)
    return NoticeData(
        title=f"{PROVINCIAL}关于举办{year}年全省职工秋季系列文体活动的通知",
        organ=PROVINCIAL,
        series_code="青总办通",
        year=year,
        recipients=RECIPIENTS,
        body=[
            Block.paragraph(
                "为丰富职工精神文化生活，展示新时代职工风采，经研究，决定于10月举办全省职工"
                "秋季系列文体活动。现将有关事项通知如下。"
            ),
            Block.heading(1, "活动安排"),
            Block.heading(1, "有关要求"),
            Block.paragraph("各单位要精心组织，按时报送参加人员名单，确保活动安全有序。"),
        ],
        signature=PROVINCIAL,
        date=day,
        remark="（联系人：王敏，联系电话：0971-8236825）",
        distributor=PROVINCIAL,
        distribution_date=day,
        folder="活动方案",
        activities=[copy.deepcopy(event) for event in EVENTS],
    )


def fill_demo(db: Database, year: int = 2021) -> list[int]:
    """Add the demo organs and notices; numbers the first notices of each series."""
    validate_year(year)
    organs = OrganService(db)
    existing = {o.name for o in organs.organs()}
    if PROVINCIAL not in existing:
        organs.create_organ(
            PROVINCIAL,
            header_text="青海省总工会办公室文件",
            default_recipients=RECIPIENTS,
            series_codes=["青总办", "青总办通", "青总发"],
            departments=PROVINCIAL_DEPARTMENTS,
        )
    if CITY not in existing:
        organs.create_organ(
            CITY,
            header_text="西宁市总工会文件",
            series_codes=["宁工发", "宁工办"],
            departments=CITY_DEPARTMENTS,
        )
    rng = random.Random(year)
    notices = NoticeService(db)
    ids = []
    for index, plan in enumerate(_plans(year)):
        notice_id = notices.create(_notice(rng, plan, year))
        if index != 3:  # one draft stays unnumbered, as in a real office
            notices.allocate_number(notice_id)
        ids.append(notice_id)
    events_id = notices.create(_events_notice(year))
    notices.allocate_number(events_id)
    ids.append(events_id)
    NumberingService(db).void(NumberingService(db).allocate("青总办", year).doc_number, "误取号")
    return ids
