"""Exported notices rendered by LibreOffice: the PDF's pages are the layout's, page for page.

One soffice run converts every notice of this module. From the PDF text positions the tests
read what a clerk sees: the lines of each page (the same line breaks as the page preview), 22
lines on a full page, the title's lines, the 署名 with text above it, the 版记 at the foot
of an even last page and no page number on it. LibreOffice does not paint a comma or full
stop hanging in the margin (it sets the lines as Word does, the mark stays invisible), so
line ends are compared without one.
"""

from __future__ import annotations

import collections
import datetime as dt
import itertools
import re
from pathlib import Path

import pytest

from unionoffice.domain.activity_plan import PlanLayout
from unionoffice.domain.notice import ActivityData, Block, NoticeData
from unionoffice.domain.notice_layout import NoticeLayout, lay_out_notice
from unionoffice.domain.notice_text import break_title
from unionoffice.domain.page_layout import HANGING, Role
from unionoffice.domain.page_spec import GBT9704
from unionoffice.domain.pagination import ImprintPlacement
from unionoffice.exporting.docx import ExportOptions, Letterhead
from unionoffice.exporting.docx.notice_writer import render_notice_layout, save_atomically
from unionoffice.importing import parse_text

ORGAN = "青海省总工会办公室"
LETTERHEAD = Letterhead(f"{ORGAN}文件", ORGAN, ORGAN)
SENTENCE = "各级工会要加强组织领导，制定具体方案，精心安排部署，确保各项任务落实落地。"
PAGE_NUMBER = re.compile(r"^—\d+—$")


def _notice(body: list[Block], **fields) -> NoticeData:
    values: dict = {
        "title": "关于做好2021年职工技能提升工作的通知",
        "organ": ORGAN,
        "series_code": "青总办",
        "year": 2021,
        "number": 8,
        "recipients": "各市（州）总工会，省级各产业工会",
        "body": body,
        "signature": ORGAN,
        "date": dt.date(2021, 4, 6),
        "cc": "全国总工会办公厅",
    }
    values.update(fields)
    return NoticeData(**values)


def headings_notice() -> NoticeData:
    """All four heading levels with heading sentences (one block folded), a 3-line title."""
    folded = "加强宣传，营造氛围。突出宣传重点。\n1.做好宣传策划。加强与新闻媒体的沟通协调。"
    return _notice(
        [
            Block.paragraph(SENTENCE * 2),
            Block.heading(1, "总体要求"),
            Block.paragraph(SENTENCE),
            Block.heading(2, "高度重视，精心组织。" + SENTENCE * 2),
            Block.heading(3, "明确责任分工。" + SENTENCE),
            Block.heading(4, "建立工作台账。" + SENTENCE),
            Block.heading(2, folded + "\n（1）按月报送进展。" + SENTENCE),
        ],
        title="青海省总工会办公室关于印发《开展“劳动展风采、岗位做贡献、夺取双胜利”"
        "庆“五一”活动方案》的通知",
    )


def plan_notice() -> NoticeData:
    """20 activities and no attachment: the plan becomes a 附件 of its own."""
    activities = [
        ActivityData(
            title=f"开展第{n}项职工活动",
            text=f"开展第{n}项职工活动。组织劳模代表深入基层一线开展宣讲，推动理论学习走进职工身边。",
            section="活动内容" if n <= 14 else "宣传活动",
            deadline=("4—7月份", "5-6月份", "全年", "第三季度")[n % 4],
            lead=["省总宣教部"] if n % 2 else ["省总网络和社会工作部", "省总经济部"],
            cooperating=["各市（州）总工会", "省级各产业工会", "省总各直属工会"][: 1 + n % 3],
        )
        for n in range(1, 21)
    ]
    return _notice([Block.paragraph(SENTENCE)], activities=activities)


ATTENDEES = "省总工会党组书记、常务副主席张明，省总工会副主席王芳、李强、赵丽，" * 2 + (
    "办公室主任陈刚"
)


def upward_notice() -> NoticeData:
    """A 上行文 with 签发人 and every mark above the 标志, spilling onto page 2."""
    return _notice(
        [Block.paragraph(SENTENCE * 2) for _ in range(5)],
        copy_number="12", secrecy="秘密", secrecy_term="1年", urgency="特急", issuer="张三 李四",
    )  # fmt: skip


def minutes_notice() -> NoticeData:
    """A 纪要 whose 出席 wraps, with 请假 and 列席."""
    return _notice(
        [Block.paragraph(SENTENCE * 2) for _ in range(3)],
        title="2021年第3次主席办公会议纪要",
        attendees=ATTENDEES, absentees="省总工会副主席刘洋（出差）", observers="各部室负责人",
    )  # fmt: skip


def _with_lines(count: int) -> NoticeData:
    return _notice([Block.paragraph(SENTENCE[:26]) for _ in range(count)])


def _first(wanted) -> NoticeData:  # type: ignore[no-untyped-def]
    """The shortest filler notice whose layout satisfies ``wanted``."""
    for count in range(1, 80):
        notice = _with_lines(count)
        if wanted(lay_out_notice(notice, defaults=None)):
            return notice
    raise AssertionError("no such notice")


def _signature_would_be_alone(layout: NoticeLayout) -> bool:
    """The layout had to move the 署名: fewer than two blank lines kept above it, or the
    last paragraph sent to the next page."""
    roles = [getattr(item, "role", None) for item in layout.body]
    at = roles.index(Role.SIGNATURE)
    moved = any(getattr(item, "page_break_before", False) for item in layout.body[:at])
    return moved or roles[at - 2 : at] != [Role.BLANK, Role.BLANK]


def _ends_odd(layout: NoticeLayout) -> bool:
    """Text ending on page 5, with full pages before it."""
    return layout.pagination.imprint is ImprintPlacement.NEXT_PAGE and len(layout.pages) >= 6


def _ends_even_full(layout: NoticeLayout) -> bool:
    return layout.pagination.imprint is ImprintPlacement.AFTER_BLANK_PAGE


def _ends_even(layout: NoticeLayout) -> bool:
    return layout.pagination.imprint is ImprintPlacement.LAST_PAGE and len(layout.pages) == 2


CASES = {
    "sample": (None, PlanLayout.PARAGRAPHS, "文件式"),
    "sample-letter-table": (None, PlanLayout.TABLE, "信函式"),
    "headings": (headings_notice, PlanLayout.PARAGRAPHS, "文件式"),
    "plan-paragraphs": (plan_notice, PlanLayout.PARAGRAPHS, "文件式"),
    "plan-table": (plan_notice, PlanLayout.TABLE, "文件式"),
    "signature-alone": (lambda: _first(_signature_would_be_alone), PlanLayout.PARAGRAPHS, "文件式"),
    "ends-odd": (lambda: _first(_ends_odd), PlanLayout.PARAGRAPHS, "文件式"),
    "ends-even-full": (lambda: _first(_ends_even_full), PlanLayout.PARAGRAPHS, "文件式"),
    "ends-even": (lambda: _first(_ends_even), PlanLayout.PARAGRAPHS, "套打"),
    "upward": (upward_notice, PlanLayout.PARAGRAPHS, "文件式"),
    "minutes": (minutes_notice, PlanLayout.PARAGRAPHS, "纪要式"),
}


@pytest.fixture(scope="module")
def rendered(render_pdfs, sample_texts_module, tmp_path_factory):
    """Each case: its layout as exported and the pages LibreOffice made of the file."""
    out = tmp_path_factory.mktemp("docx")
    layouts, paths = {}, []
    for name, (build, plan, template) in CASES.items():
        notice = parse_text(sample_texts_module).notice if build is None else build()
        options = ExportOptions(template=template, letterhead=LETTERHEAD, plan_layout=plan)
        document, layout = render_notice_layout(notice, options, user_dir=out / "none")
        save_atomically(document, out / f"{name}.docx")
        layouts[name] = (notice, layout)
        paths.append(out / f"{name}.docx")
    pdfs = render_pdfs(paths)
    return {name: (*layouts[name], pdf) for name, pdf in zip(CASES, pdfs, strict=True)}


@pytest.fixture(scope="module")
def sample_texts_module() -> str:
    return (Path(__file__).parents[1] / "data" / "samples" / "qinghai-2021-15.txt").read_text(
        encoding="utf-8"
    )


def _clean(text: str) -> str:
    return re.sub(r"\s+", "", text).rstrip("".join(HANGING))


def _model_lines(page) -> list[str]:  # type: ignore[no-untyped-def]
    """A page's text lines as the layout sets them; a right text on the same line joined."""
    lines: list[tuple[float, str]] = []
    for line in page.lines:
        if not line.text.strip() or line.role in (Role.TABLE_TEXT, Role.TABLE_HEADER):
            continue
        if lines and abs(lines[-1][0] - line.top_mm) < 0.1:
            lines[-1] = (line.top_mm, lines[-1][1] + line.text)
        else:
            lines.append((line.top_mm, line.text))
    return [_clean(text) for _, text in lines]


def _chars(text: str) -> collections.Counter[str]:
    """Characters to count, without spaces and the marks that may hang unseen."""
    return collections.Counter(c for c in text if not c.isspace() and c not in HANGING)


def _table_chars(page) -> collections.Counter[str]:  # type: ignore[no-untyped-def]
    roles = (Role.TABLE_TEXT, Role.TABLE_HEADER)
    return _chars("".join(line.text for line in page.lines if line.role in roles))


@pytest.mark.parametrize("name", list(CASES))
def test_pages_are_the_layouts_line_for_line(rendered, name: str) -> None:
    _, layout, pdf = rendered[name]
    assert len(pdf) == len(layout.pages), "page count"
    first_body = _clean(next(p.text for p in layout.body if getattr(p, "text", "").strip()))
    for number, (page, lines) in enumerate(zip(layout.pages, pdf, strict=True), start=1):
        texts = [_clean(line.text) for line in lines if not PAGE_NUMBER.match(line.text)]
        if number == 1:  # the template's header is the template's: compare from the body
            texts = texts[next(i for i, t in enumerate(texts) if t.startswith(first_body[:8])) :]
        expected = _model_lines(page)
        if _table_chars(page):  # a table's cells share lines: compare its characters
            table = _chars("".join(texts)) - _chars("".join(expected))
            assert table == _table_chars(page), f"page {number}: table rows"
            continue
        assert texts == expected, f"page {number}"


def test_a_full_page_holds_22_lines_at_the_standard_pitch(rendered) -> None:
    _, layout, pdf = rendered["ends-odd"]
    full = next(
        lines
        for page, lines in zip(layout.pages, pdf, strict=True)
        if sum(line.role is Role.BODY for line in page.lines) == GBT9704.lines_per_page
    )
    body = [line for line in full if not PAGE_NUMBER.match(line.text)]
    assert len(body) == GBT9704.lines_per_page
    pitches = [b.top - a.top for a, b in itertools.pairwise(body)]
    assert max(abs(p - GBT9704.line_pitch_mm) for p in pitches) < 0.15
    assert body[-1].bottom < GBT9704.text_height_mm  # inside the text block


def test_the_title_is_broken_between_words_at_its_own_pitch(rendered) -> None:
    notice, _, pdf = rendered["headings"]
    lines = break_title(notice.title, ORGAN)
    assert len(lines) == 3
    found = [line for line in pdf[0] if _clean(line.text) in {_clean(t) for t in lines}]
    assert [_clean(line.text) for line in found] == [_clean(t) for t in lines]
    widths = [line.right - line.left for line in found]
    # a diamond: the middle line longest (or an inverted trapezoid), never an hourglass
    assert widths[1] >= min(widths[0], widths[2])
    assert abs(found[1].top - found[0].top - GBT9704.title_pitch_pt * 25.4 / 72) < 0.2


def test_headings_are_lines_of_their_own(rendered) -> None:
    _, _, pdf = rendered["headings"]
    texts = [_clean(line.text) for page in pdf for line in page]
    for heading in ("一、总体要求", "（一）高度重视", "1.明确责任分工", "（1）建立工作台账",
                    "（二）加强宣传", "1.做好宣传策划", "（1）按月报送进展"):  # fmt: skip
        assert any(text.startswith(heading) for text in texts), heading


def _page_of(pdf, text: str) -> int:  # type: ignore[no-untyped-def]
    return next(n for n, page in enumerate(pdf) for line in page if _clean(line.text) == text)


def test_the_signature_never_stands_alone(rendered) -> None:
    for name in ("signature-alone", "sample", "headings", "ends-odd"):
        notice, _, pdf = rendered[name]
        date = notice.date.strftime("%Y年%-m月%-d日") if notice.date else "年月日"
        page = _page_of(pdf, date)
        assert page == _page_of(pdf, ORGAN), name  # 署名 and date together
        above = [line for line in pdf[page] if _clean(line.text) not in (ORGAN, date)]
        assert any(len(_clean(line.text)) > 6 for line in above[:1]), name


@pytest.mark.parametrize(
    ("name", "placement"),
    [
        ("ends-odd", ImprintPlacement.NEXT_PAGE),
        ("ends-even-full", ImprintPlacement.AFTER_BLANK_PAGE),
        ("ends-even", ImprintPlacement.LAST_PAGE),
        ("sample", None),
        ("plan-table", None),
    ],
)
def test_the_imprint_ends_an_even_last_page(rendered, name, placement) -> None:
    _, layout, pdf = rendered[name]
    if placement is not None:
        assert layout.pagination.imprint is placement
    assert len(pdf) % 2 == 0
    last = pdf[-1]
    imprint = [line for line in last if "印发" in line.text or line.text.startswith("抄送")]
    assert imprint and imprint[-1].text.endswith("印发")
    assert GBT9704.text_height_mm - 8 < imprint[-1].bottom < GBT9704.text_height_mm
    for page, lines in zip(layout.pages, pdf, strict=True):
        numbered = any(PAGE_NUMBER.match(line.text) for line in lines)
        assert numbered == page.numbered, f"page {page.number}"
    if placement is ImprintPlacement.AFTER_BLANK_PAGE:
        assert not pdf[-2]  # the blank page: nothing, not even a page number


def test_an_undated_imported_notice_keeps_signature_date_and_imprint(rendered) -> None:
    notice, layout, pdf = rendered["sample"]
    assert notice.date is None and not notice.signature
    texts = [_clean(line.text) for page in pdf for line in page]
    assert ORGAN in texts and "年月日" in texts  # 署名 from the organ, the date to fill in
    assert any(t.endswith("年月日印发") for t in texts)
    assert "未填成文日期" in layout.warnings[0]


@pytest.mark.parametrize("name", ["plan-paragraphs", "plan-table"])
def test_the_plan_is_an_attachment_of_its_own(rendered, name: str) -> None:
    _, _, pdf = rendered[name]
    texts = [[_clean(line.text) for line in page] for page in pdf]
    label = next(n for n, page in enumerate(texts) if page and page[0] == "附件")
    assert "附件：做好2021年职工技能提升工作活动安排" in [t for p in texts[:label] for t in p]
    assert texts[label][1] == "做好2021年职工技能提升工作活动安排"
    assert "一、活动内容" in texts[label] and any("二、宣传活动" in page for page in texts)
    if name == "plan-table":  # the header row repeats on every page of the table
        table_pages = [page for page in texts[label:] if any("序号" in t for t in page)]
        assert len(table_pages) >= 2


def test_the_minutes_list_who_attended_under_the_body(rendered) -> None:
    _, layout, pdf = rendered["minutes"]
    lines = [line for page in pdf for line in page]
    texts = [_clean(line.text) for line in lines]
    first = texts.index(next(t for t in texts if t.startswith("出席：")))
    char = GBT9704.body_char_mm
    assert abs(lines[first].left - 2 * char) < 0.8  # 左空二字
    excused = next(i for i, t in enumerate(texts) if t.startswith("请假："))
    assert excused > first + 1
    for wrapped in lines[first + 1 : excused]:  # under the first name, after the colon
        assert abs(wrapped.left - 5 * char) < 0.8, wrapped
    assert texts[excused + 1].startswith("列席：")
    body_end = max(i for i, t in enumerate(texts) if t.endswith("落实落地"))
    pitch = GBT9704.line_pitch_mm
    assert first > body_end and abs(lines[first].top - lines[body_end].top - 2 * pitch) < 0.5
    assert not any(line.role is Role.SIGNATURE for page in layout.pages for line in page.lines)
