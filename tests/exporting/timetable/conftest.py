"""Notices for the timetable tests: the 21 activities of the 2021 sample notice (read with a
small parser of its own, so these tests do not depend on the importer) and a generated year.

Fixtures: ``sample`` (a fresh NoticeData), ``make_sample`` and ``make_year`` (factories)."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from unionoffice.domain.deadline import parse_deadline
from unionoffice.domain.notice import ActivityData, ActivityStatus, NoticeData

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "samples" / "qinghai-2021-15.txt"
SAMPLE_TITLE = '青海省总工会办公室 关于印发《开展庆祝建党 100 周年暨庆"五一" 系列活动方案》的通知'
_ITEM_RE = re.compile(r"^[-\s]*[（(]([一二三四五六七八九十]+)[)）]\s*", re.MULTILINE)
_FIELD_RE = re.compile(r"^(完成时限|牵头部门|牵头单位|配合部门)\s*[:：]\s*(.*)$", re.MULTILINE)
_SPLIT_RE = re.compile(r"\s*[、，,]\s*")


def sample_notice(notice_id: int | None = 15) -> NoticeData:
    """青总办〔2021〕15号 with its 21 activities, as the importer would give them."""
    text = SAMPLE.read_text(encoding="utf-8")
    plan = text[text.index("二、活动内容") : text.index("三、工作要求")]
    starts = list(_ITEM_RE.finditer(plan))
    activities = []
    for match, following in zip(starts, [*starts[1:], None], strict=True):
        chunk = plan[match.end() : following.start() if following else len(plan)]
        fields = {name[:2]: value.strip() for name, value in _FIELD_RE.findall(chunk)}
        body = _FIELD_RE.sub("", chunk)
        body = re.sub(r"\s+", "", body)
        title = body.split("。", 1)[0]
        deadline = fields.get("完成", "")
        activities.append(
            ActivityData(
                title=title,
                text=body,
                deadline=deadline,
                period=parse_deadline(deadline, 2021),
                lead=_split(fields.get("牵头", "")),
                cooperating=_split(fields.get("配合", "")),
            )
        )
    return NoticeData(
        title=SAMPLE_TITLE,
        organ="青海省总工会办公室",
        series_code="青总办",
        year=2021,
        number=15,
        date=date(2021, 3, 30),
        activities=activities,
        id=notice_id,
    )


def _split(value: str) -> list[str]:
    return [part for part in _SPLIT_RE.split(value) if part]


DEPARTMENTS = ["省总办公室", "省总组织部", "省总宣教部", "省总经济部", "省总权益保障部",
               "省总网络和社会工作部", "省总研究室", "省总女职委办公室",
               "省总干部学校"]  # fmt: skip
DEADLINES = ["3月份", "4月份", "4—7月份", "5-6月份", "全年", "6月底前", "第三季度", "下半年",
             "10月份", "11月份", "年底前", "上半年", "根据工作安排"]  # fmt: skip
PHRASES = ["组织宣讲团成员和劳模代表深入基层一线开展宣讲", "推动理论学习走进职工身边",
           "围绕重大工程、重点项目开展主题劳动和技能竞赛", "完善困难职工帮扶机制",
           "利用职工书屋开展经典诵读、阅读沙龙和名家讲堂等主题阅读活动",
           "深入建筑工地、厂矿车间开展慰问演出", "丰富职工精神文化生活"]  # fmt: skip


def generated_year(
    activity_count: int = 1000, year: int = 2021, notices: int = 20
) -> list[NoticeData]:
    """``notices`` notices of ``year`` holding ``activity_count`` activities between them."""
    rng = random.Random(activity_count)
    result = []
    for index in range(notices):
        count = activity_count // notices + (1 if index < activity_count % notices else 0)
        activities = []
        for number in range(1, count + 1):
            deadline = rng.choice(DEADLINES)
            title = f"第{index + 1}号文第{number}项活动{rng.choice(PHRASES)[:8]}"
            text = "，".join(rng.sample(PHRASES, k=rng.randint(1, 4))) + "。"
            lead = rng.sample(DEPARTMENTS, k=rng.choice([1, 1, 2]))
            activities.append(
                ActivityData(
                    title=title,
                    text=f"{title}。{text}",
                    deadline=deadline,
                    period=parse_deadline(deadline, year),
                    lead=lead,
                    cooperating=rng.sample([d for d in DEPARTMENTS if d not in lead], k=2),
                    leader=rng.choice([None, "张明", "李华"]),
                    status=rng.choice(list(ActivityStatus)),
                )
            )
        result.append(
            NoticeData(
                title=f"关于印发《{year}年第{index + 1}项工作方案》的通知",
                series_code="青总办",
                year=year,
                number=index + 1,
                date=date(year, 1 + index % 12, 10),
                activities=activities,
                id=index + 1,
            )
        )
    return result


@pytest.fixture
def sample() -> NoticeData:
    """A fresh copy of the sample notice (tests may change it)."""
    return sample_notice()


@pytest.fixture(scope="session")
def make_sample() -> Callable[..., NoticeData]:
    return sample_notice


@pytest.fixture(scope="session")
def make_year() -> Callable[..., list[NoticeData]]:
    return generated_year
