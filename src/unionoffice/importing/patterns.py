"""The words and shapes notices are written in, shared by the line cleaner and the parsers."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from unionoffice.domain.chinese_numerals import ChineseNumeralError, chinese_to_int
from unionoffice.domain.text import collapse_spaces, to_ascii_digits

CJK = "\u3400-\u4dbf\u4e00-\u9fff"

# Document kinds a title ends with (GB/T 9704 文种 and what offices add to them).
TITLE_ENDINGS = (
    "通知", "通报", "意见", "方案", "决定", "函", "请示", "报告", "批复", "纪要", "规定", "办法",
    "细则", "要点", "计划", "公告", "通告", "决议", "命令", "议案", "公报", "安排", "规划",
    "倡议书", "倡议", "总结", "清单", "的复函",
)  # fmt: skip
TITLE_ENDING_RE = re.compile(f"(?:{'|'.join(TITLE_ENDINGS)})[）)]?$")

# Labels of the information attached to an activity. Order matters: longer labels first.
LABELS = {
    "deadline": (
        "完成时限", "完成时间", "时间安排", "完成期限", "办结时限", "办理时限", "活动时间",
        "时间节点", "完成节点", "截止时间", "会议时间", "比赛时间", "竞赛时间", "举办时间",
        "开展时间", "实施时间", "培训时间", "讲座时间", "演出时间", "展览时间", "集合时间",
        "时限",
    ),
    "lead": (
        "牵头部门", "牵头单位", "牵头处室", "牵头科室", "主办单位", "主办部门", "组织单位",
        "牵头",
    ),
    "cooperating": (
        "配合部门", "配合单位", "配合处室", "配合科室", "协办单位", "协办部门", "协助单位",
        "协助部门", "参与部门", "参与单位", "参加单位", "协同部门", "配合",
    ),
    "responsible": (
        "责任部门", "责任单位", "责任部室", "责任处室", "责任科室", "负责部门", "负责单位",
        "负责处室", "负责科室", "承办部门", "承办单位", "责任主体",
    ),
    "leader": ("责任领导", "分管领导", "牵头领导"),
    "person": ("具体负责人", "责任人员", "责任人", "负责人"),
    "place": (
        "活动地点", "会议地点", "比赛地点", "竞赛地点", "举办地点", "培训地点", "讲座地点",
        "报到地点",
    ),
    "participants": (
        "参加人员", "参加对象", "参会人员", "参会对象", "出席对象", "出席人员", "活动对象",
        "参赛对象", "参赛人员", "培训对象", "参训对象", "参训人员", "与会人员", "参加范围",
        "邀请对象",
    ),
    "contact": ("联系人", "联络人"),
}  # fmt: skip
# "时间：" and "地点：" alone, but not the end of another word ("报名时间：", "集合地点：").
BARE_LABELS = {"时间": "deadline", "地点": "place"}
LABEL_KIND = {label: kind for kind, labels in LABELS.items() for label in labels} | BARE_LABELS


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, written as a trie ("完成(?:时限|时间)") so that a
    search tries each character once instead of every word in turn; longer words win."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def write(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + write(child) for ch, child in node.items() if ch]
        ends = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if ends else body

    return write(tree)


_LABEL_ALTERNATION = "|".join(
    [
        trie_pattern(label for labels in LABELS.values() for label in labels),
        *(f"(?<![{CJK}]){label}" for label in BARE_LABELS),
    ]
)
# A label followed by its colon, as written in extracted text (spaces anywhere).
LABEL_RE = re.compile(rf"(?P<label>{_LABEL_ALTERNATION})\s*[:：]\s*")
LABEL_LINE_RE = re.compile(rf"^[（(]?\s*(?:{_LABEL_ALTERNATION})\s*[:：]")

# Level-1 sections whose numbered items are activities, and those whose items never are.
ACTIVITY_SECTION_WORDS = (
    "活动内容", "主要活动", "工作举措", "重点工作", "重点任务", "主要任务", "工作任务",
    "具体措施", "活动安排", "主要内容", "任务分工", "重点活动", "活动项目", "具体活动",
    "工作安排", "主要举措", "任务清单", "工作措施", "主要措施", "系列活动", "活动形式",
    "重点项目", "具体任务", "工作内容", "活动方式", "实施步骤", "主要工作",
)  # fmt: skip
NON_ACTIVITY_SECTION_WORDS = (
    "工作要求", "总体要求", "保障措施", "组织领导", "指导思想", "活动主题", "基本原则",
    "工作目标", "活动目标", "组织保障", "有关要求", "相关要求", "注意事项", "活动意义",
    "活动对象", "参加对象", "参加人员", "评选条件", "其他事项", "工作原则", "组织机构",
    "目标任务", "总体目标", "活动时间", "时间安排", "报名方式", "奖项设置", "表彰奖励",
    "推荐条件", "评选范围", "名额分配", "推荐程序", "联系方式", "经费保障", "宣传报道",
    "活动要求", "具体要求", "比赛规则", "报送要求", "会议要求",
)  # fmt: skip

REMARK_WORDS = ("联系人", "联系电话", "联系方式", "电话：", "电话:", "邮箱", "传真")

_CN_DIGITS = "〇○零一二三四五六七八九十"
_DATE_RE = re.compile(
    rf"(?P<year>\d{{4}}|[{_CN_DIGITS}]{{4}})\s*年\s*(?P<month>\d{{1,2}}|[{_CN_DIGITS}]{{1,3}})\s*月"
    rf"\s*(?P<day>\d{{1,2}}|[{_CN_DIGITS}]{{1,3}})\s*日"
)
# Any characters but punctuation before 文件: OCR may have damaged the organ's name.
_DOC_MARK_RE = re.compile(r"^(?!.*关于)[^\s，。：；、,:;]{2,30}?(?:文件|文件稿)$")
_PAGE_NUMBER_RE = re.compile(
    r"^(?:[-—–－_·•\s]*\d{1,3}[-—–－_·•\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?"
    r"|\d{1,3}\s*/\s*\d{1,3})$"
)


def parse_date(text: str) -> date | None:
    """The first date written in ``text``: 2021年4月6日 or 二〇二一年四月六日, else None."""
    for match in _DATE_RE.finditer(to_ascii_digits(text)):
        try:
            year, month, day = (chinese_to_int(match[k]) for k in ("year", "month", "day"))
            return date(year, month, day)
        except (ChineseNumeralError, ValueError):
            continue
    return None


def is_date_line(text: str) -> bool:
    """A line that is only a date (the 成文日期), perhaps with 印发 or in brackets."""
    compact = collapse_spaces(text).strip("（）()")
    match = _DATE_RE.search(to_ascii_digits(compact))
    return bool(match and match.start() == 0 and match.end() >= len(compact) - 2)


def is_doc_mark(text: str) -> bool:
    """The 发文机关标志 line: 青海省总工会办公室文件."""
    return bool(_DOC_MARK_RE.match(collapse_spaces(text)))


def is_page_number(text: str) -> bool:
    """Page numbers and footers text extraction leaves behind: — 3 —, 第3页 共8页, 3/8."""
    return bool(_PAGE_NUMBER_RE.match(text.strip()))


def is_label_line(text: str) -> bool:
    """A line that starts with an activity label: 完成时限：… 牵头部门：…"""
    return bool(LABEL_LINE_RE.match(text.strip()))


def ends_like_title(text: str) -> bool:
    return bool(TITLE_ENDING_RE.search(text)) and "。" not in text


def section_kind(text: str) -> str | None:
    """ "activity", "other" or None (unknown) for a level-1 heading's text."""
    head = text[:16]
    if any(word in head for word in NON_ACTIVITY_SECTION_WORDS):
        return "other"
    if any(word in head for word in ACTIVITY_SECTION_WORDS):
        return "activity"
    return None
