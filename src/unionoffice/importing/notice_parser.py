"""Cleaned lines to a NoticeData: header, title, 主送机关, body, attachments, end matter.

The parts of a notice are found by their shape (GB/T 9704 order), never by position alone:
extracted text may lack the 标志, the 文号, the 署名 or the date, and may carry the plan as an
attachment that starts with its own title ("开展…活动方案") instead of a "附件" line.

Choices: the 发文机关 is taken from the 标志 line (青海省总工会办公室文件 → 青海省总工会办公室) or a
"# 青海省总工会" heading above the title, else from the 署名, else from the title's prefix before
关于. Text is normalised by lines.clean_text: full-width punctuation and “” quotes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from unionoffice.domain.doc_number import DocNumber, find_doc_number
from unionoffice.domain.headings import split_heading
from unionoffice.domain.notice import Block, BlockKind, NoticeData, NoticeStatus
from unionoffice.domain.text import collapse_spaces
from unionoffice.importing.activities import extract_activities
from unionoffice.importing.activity_info import FIRST_LEADS_RE
from unionoffice.importing.document import Line, SourceDocument, Table
from unionoffice.importing.end_matter import (
    ORGAN_ENDINGS,
    EndMatter,
    bracketed,
    looks_like_signature,
    numbered,
    take_end_matter,
    take_imprint_table,
)
from unionoffice.importing.header_marks import mark_fields, split_issuer
from unionoffice.importing.lines import Cleaned, clean_elements
from unionoffice.importing.notice_event import notice_event
from unionoffice.importing.notice_facts import (
    OrganMention,
    choose_organ,
    seal_organ,
    title_organ,
    title_year,
    year_in_text,
)
from unionoffice.importing.patterns import (
    ends_like_title,
    is_date_line,
    is_doc_mark,
    is_label_line,
)

_HEADER_NOISE_RE = re.compile(r"^(?:签发人|份号|密级|紧急程度|特急|加急|平急|[★☆*\d]+$)")
# A 文号 OCR damaged beyond reading ("云工〔20□0〕□号"): still the head of the notice.
_DAMAGED_NUMBER_RE = re.compile(
    r"^[^，。：；\s]{1,15}[〔\[［【][^〕\]］】]{0,8}[〕\]］】][^，。：；\s]{0,6}号$"
)
_ATTACHMENT_NOTE_RE = re.compile(r"^附\s*件\s*[：:]\s*(?P<text>.+)$")
_ATTACHMENT_MARK_RE = re.compile(r"^附\s*件\s*[0-9一二三四五六七八九十]*\s*[：:]?$")
_NUMBERED_NOTE_RE = re.compile(r"^\d{1,2}\s*[.．、]")
_QUOTED_TITLE_RE = re.compile(r"《([^《》]+)》")
_MAX_TITLE_LINES = 4
_MAX_HEADER_LINES = 8


@dataclass
class ParsedNotice:
    """A notice read from a file, with what the reader could not be sure of."""

    notice: NoticeData
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Header:
    organ: str | None = None
    doc_number: DocNumber | None = None
    title: str = ""
    recipients: str = ""
    end: int = 0
    marks: dict[str, str] = field(default_factory=dict)  # 份号, 密级, 紧急程度, 签发人


def parse_document(document: SourceDocument) -> ParsedNotice:
    """Parse what a reader returned."""
    return parse_elements(clean_elements(document.elements))


def parse_text(text: str) -> ParsedNotice:
    """Parse the text of a notice (tests, pasted text)."""
    return parse_document(SourceDocument(tuple(text.splitlines())))


def parse_elements(elements: Sequence[Cleaned]) -> ParsedNotice:
    """Parse cleaned lines and tables into a notice."""
    header = _read_header(elements)
    end = EndMatter()
    segments = _segments(elements[header.end :], header, end)
    lines = [e.text for e in elements if isinstance(e, Line)]
    first_leads = any("为牵头" in text and FIRST_LEADS_RE.search(text) for text in lines)
    notice = NoticeData(title=header.title, recipients=header.recipients)
    for name, value in header.marks.items():  # 份号, 密级, 紧急程度, 签发人: text fields
        setattr(notice, name, value)
    notice.set_doc_number(header.doc_number)
    for attachment_title, members in segments:
        if attachment_title is not None:
            notice.body.append(Block.attachment(attachment_title))
        activities, consumed = extract_activities(members, first_leads)
        notice.activities.extend(activities)
        notice.body.extend(
            block
            for index, element in enumerate(members)
            if index not in consumed
            for block in _blocks(element)
        )
    if not notice.activities:
        event = notice_event([m for _, members in segments for m in members], notice.title)
        notice.activities.extend([event] if event is not None else [])
    _end_facts(notice, end)
    notice.organ = choose_organ(
        [
            OrganMention("标志", header.organ or ""),
            OrganMention("署名", notice.signature.split("\n")[0].strip()),
            OrganMention("盖章", seal_organ(lines) or ""),
            OrganMention("标题", title_organ(notice.title) or ""),
        ]
    )
    warnings: list[str] = []
    if notice.year is None:
        notice.year = _year(notice, end, lines[header.end :], warnings)
    if notice.number is not None:
        notice.status = NoticeStatus.ISSUED  # a file with a 文号 was issued
    for activity in notice.activities:
        if notice.year is not None:
            activity.with_parsed_period(notice.year, not_before=notice.date)
    _fit_columns(notice)
    if not notice.title:
        warnings.insert(0, "未识别到标题")
    if header.doc_number is None:
        warnings.append("未识别到文号，按未编号公文导入")
    return ParsedNotice(notice, warnings)


def _end_facts(notice: NoticeData, end: EndMatter) -> None:
    notice.date = end.date
    notice.signature = "\n".join(end.signature)
    notice.remark = "\n".join(bracketed(r) for r in end.remark)
    titles = [b.text for b in notice.body if b.kind is BlockKind.ATTACHMENT]
    notice.attachment_note = "\n".join(end.attachment_note or numbered(titles))
    notice.cc = end.cc
    notice.distributor = end.distributor
    notice.distribution_date = end.distribution_date


def _year(notice: NoticeData, end: EndMatter, lines: list[str], warnings: list[str]) -> int | None:
    """The year when there is neither 成文日期 nor 文号: from the title, a damaged date line,
    or the body, with a warning; None, with a warning, when the text names none."""
    if notice.date is not None:
        return notice.date.year
    year = title_year(notice.title)
    if year is not None:
        return year
    year = end.date_year or year_in_text(lines)
    if year is not None:
        warnings.append(f"未识别到成文日期和文号，年份按正文取为{year}年，请核对")
        return year
    if notice.activities:
        warnings.append("未识别到年份：活动的日期无法确定，请在导入后设置公文年份")
    else:
        warnings.append("未识别到年份，请在导入后设置公文年份")
    return None


def _fit_columns(notice: NoticeData) -> None:
    """Cut what damaged text can make too long for the database's columns (PostgreSQL
    refuses, SQLite would not): real values are far shorter."""
    notice.organ = notice.organ[:100] if notice.organ else None
    notice.signature = notice.signature[:200]
    notice.distributor = notice.distributor[:200]
    for activity in notice.activities:
        activity.deadline = activity.deadline[:200]
        activity.leader = activity.leader[:100] if activity.leader else None
        if activity.responsible_person:
            activity.responsible_person = activity.responsible_person[:100]
        activity.lead = [name[:200] for name in activity.lead]
        activity.cooperating = [name[:200] for name in activity.cooperating]


def _read_header(elements: Sequence[Cleaned]) -> _Header:
    header = _Header()
    index = 0
    while index < len(elements) and index < _MAX_HEADER_LINES:
        element = elements[index]
        texts = (
            [c for row in element.rows for c in row]
            if isinstance(element, Table)
            else [element.text]
        )
        taken = [_header_line(text, element, elements, index, header) for text in texts]
        if not any(taken):
            break
        index += 1
    _read_title(elements, index, header)
    return header


def _header_line(
    text: str, element: Cleaned, elements: Sequence[Cleaned], index: int, header: _Header
) -> bool:
    """Take one line of the head (标志, 文号, organ heading, 签发人 …); False at the title."""
    rest, issuer = split_issuer(text)  # before the spaces between its names are collapsed
    compact = collapse_spaces(rest)
    if issuer:
        header.marks.setdefault("issuer", issuer)
        if not compact:
            return True
    marks = mark_fields(compact)
    if marks:
        for name, value in marks.items():
            header.marks.setdefault(name, value)
        return True
    if is_doc_mark(compact):
        header.organ = header.organ or re.sub(r"文件(?:稿)?$", "", compact)
        return True
    number = find_doc_number(compact)
    if number is not None and len(compact) <= 50:
        header.doc_number = header.doc_number or number
        return True
    if _HEADER_NOISE_RE.match(compact) or _DAMAGED_NUMBER_RE.match(compact):
        return True
    if isinstance(element, Table):
        return False  # a table's cells name departments, not the organ
    following = elements[index + 1] if index + 1 < len(elements) else None
    # "XX总工会 / 关于…的通知" after the 文号 is a title over two lines; as the first line of
    # the text it is the organ's header (版头 without 文件).
    starts_title = index > 0 and isinstance(following, Line) and following.text.startswith("关于")
    marked = isinstance(element, Line) and element.marked
    if (
        len(compact) <= 30
        and "关于" not in compact
        and not ends_like_title(compact)
        and not re.search(r"[。，：；、]", compact)
        and (marked or compact.endswith(ORGAN_ENDINGS))
        and not starts_title
    ):
        header.organ = header.organ or compact
        return True
    return False


def _read_title(elements: Sequence[Cleaned], index: int, header: _Header) -> None:
    lines: list[str] = []
    position = index
    while position < len(elements) and len(lines) < _MAX_TITLE_LINES:
        element = elements[position]
        if isinstance(element, Table) or _ends_with_colon(element.text):
            break
        if lines and (split_heading(element.text) or is_label_line(element.text)):
            break
        lines.append(element.text)
        position += 1
        if ends_like_title("".join(lines)):
            header.title, header.end = "".join(lines), position
            break
    if not header.title and lines and len(lines[0]) <= 60 and "。" not in lines[0]:
        header.title, header.end = lines[0], index + 1
    elif not header.title:
        header.end = index
    if header.end < len(elements):
        element = elements[header.end]
        if (
            isinstance(element, Line)
            and _ends_with_colon(element.text)
            and len(element.text) <= 300
            and split_heading(element.text) is None
            and not is_label_line(element.text)
        ):
            header.recipients = element.text[:-1] + "："
            header.end += 1


def _ends_with_colon(text: str) -> bool:
    return text.endswith(("：", ":"))


def _segments(
    elements: Sequence[Cleaned], header: _Header, end: EndMatter
) -> list[tuple[str | None, list[Line | Table]]]:
    """Split the body into the main text and attachments; take the end matter out."""
    segments: list[tuple[str | None, list[Line | Table]]] = [(None, [])]
    awaiting_attachment_title = False
    title_open = False
    in_attachment_note = False
    for element in elements:
        members = segments[-1][1]
        if isinstance(element, Table):
            if not take_imprint_table(element, end):
                members.append(element)
            continue
        text = element.text
        if in_attachment_note and _NUMBERED_NOTE_RE.match(text) and len(text) <= 80:
            end.attachment_note.append(text)
            continue
        in_attachment_note = False
        continuing, title_open = title_open, False
        if awaiting_attachment_title:
            segments.append((text, []))
            awaiting_attachment_title = False
            title_open = not ends_like_title(text)
        elif continuing and not members and _continues_title(segments[-1][0] or "", text):
            # An attachment title over several lines: 开展庆祝建党100周年 / 暨庆“五一”…方案
            title = (segments[-1][0] or "") + text
            segments[-1] = (title, members)
            title_open = not ends_like_title(title)
        elif match := _ATTACHMENT_NOTE_RE.match(text):
            end.attachment_note.append(match["text"])
            in_attachment_note = True
        elif _ATTACHMENT_MARK_RE.match(text):
            awaiting_attachment_title = True
        elif take_end_matter(text, members, end):
            pass
        elif _starts_plan(element, members, segments, header):
            segments.append((text, []))
        else:
            members.append(element)
    last = segments[-1][1]
    # A 署名 whose date is missing or was lost.
    unsigned = not end.signature and end.date is None and bool(last)
    if unsigned and isinstance(line := last[-1], Line) and looks_like_signature(line):
        end.signature.append(line.text)
        last.pop()
    return segments


def _continues_title(title: str, text: str) -> bool:
    return (
        len(title) + len(text) <= 80
        and "。" not in text
        and split_heading(text) is None
        and not is_label_line(text)
        and not is_date_line(text)
    )


def _starts_plan(
    line: Line,
    members: list[Line | Table],
    segments: list[tuple[str | None, list[Line | Table]]],
    header: _Header,
) -> bool:
    """The title of a plan printed after the notice's own text, e.g. "开展…系列活动方案"."""
    text = line.text
    if len(segments) > 1 or not members or len(text) > 80:
        return False
    if split_heading(text) or is_label_line(text) or not ends_like_title(text):
        return False
    quoted = {
        collapse_spaces(q)
        for source in [header.title, *(m.text for m in members if isinstance(m, Line))]
        for q in _QUOTED_TITLE_RE.findall(source)
    }
    previous = members[-1].text if isinstance(members[-1], Line) else ""
    return line.marked or collapse_spaces(text) in quoted or "印发" in previous


def _blocks(element: Line | Table) -> list[Block]:
    if isinstance(element, Table):
        return [Block.paragraph("　".join(c for c in row if c)) for row in element.rows]
    heading = split_heading(element.text)
    if heading is not None:
        return [Block.heading(heading[0], heading[2])]
    return [Block.paragraph(element.text)]
