"""Lines and pages as GB/T 9704 sets them: 28 characters a line, 22 lines a page on A4.

Qt-free, so page breaks can be tested without a screen; the page preview paints what this
computes. Lengths are millimetres from the top left corner of the text block (版心); widths of
text are counted in 字, the width of one character of the paragraph's font (half for ASCII).
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Sequence
from dataclasses import dataclass

from unionoffice.domain.notice_text import char_width, text_width

PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210.0, 297.0
TOP_MARGIN_MM, BOTTOM_MARGIN_MM = 37.0, 35.0
LEFT_MARGIN_MM, RIGHT_MARGIN_MM = 28.0, 26.0
TEXT_WIDTH_MM, TEXT_HEIGHT_MM = 156.0, 225.0
CHARS_PER_LINE, LINES_PER_PAGE = 28, 22
MM_PER_PT = 25.4 / 72
LINE_PITCH_MM = 28.95 * MM_PER_PT  # one 3号 character + 7/8 of it; 22 of them fill 225 mm
BODY_CHAR_MM = TEXT_WIDTH_MM / CHARS_PER_LINE  # 3号 characters squeezed onto the 28-字 grid
BODY_SIZE_PT = 16.0
_EPSILON = 1e-6

# Closing punctuation never starts a line: it hangs past the margin instead (Word's
# 允许标点溢出边界, on by default in Chinese Word). Opening brackets never end a line.
NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉”’,.;:?!)]}%")
NO_LINE_END = frozenset("（《「『【〔〈“‘([{")


class Role(enum.StrEnum):
    """What a line is, which decides its font and colour when painted."""

    LETTERHEAD = "发文机关标志"
    DOC_NUMBER = "发文字号"
    TITLE = "标题"
    RECIPIENTS = "主送机关"
    BODY = "正文"
    HEADING1 = "一级标题"
    HEADING2 = "二级标题"
    HEADING3 = "三级标题"
    HEADING4 = "四级标题"
    ATTACHMENT_NOTE = "附件说明"
    SIGNATURE = "署名"
    DATE = "成文日期"
    REMARK = "附注"
    ATTACHMENT_LABEL = "附件标识"
    ATTACHMENT_TITLE = "附件标题"
    IMPRINT = "版记"
    BLANK = "空行"


class Align(enum.Enum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"
    JUSTIFY = "justify"  # stretched from margin to margin; a paragraph's last line is LEFT


@dataclass(frozen=True)
class Paragraph:
    """One paragraph to be set: its text and the few format values GB/T 9704 varies.

    Indents are in 字 of the paragraph's font. ``on_grid`` paragraphs (3号 text) take exactly
    28 字 a line; others (title, 版记) take as many as their font size fits into 156 mm.
    """

    role: Role
    text: str = ""
    size_pt: float = BODY_SIZE_PT
    align: Align = Align.JUSTIFY
    first_indent: float = 0.0
    left_indent: float = 0.0
    right_indent: float = 0.0
    pitch_mm: float = LINE_PITCH_MM
    space_before_mm: float = 0.0
    page_break_before: bool = False
    keep_with_next: bool = False
    red: bool = False
    rule_below_mm: float | None = None  # a red rule this far under the last line (文号)
    rule_thickness_mm: float = 0.0
    right_text: str = ""  # a second text flush right on the first line (版记's 印发日期)
    on_grid: bool = True
    wrap: bool = True  # False: one line however long (the 标志 is narrowed to fit instead)

    @property
    def char_mm(self) -> float:
        return BODY_CHAR_MM if self.on_grid else self.size_pt * MM_PER_PT


@dataclass(frozen=True)
class Line:
    """One set line: its text, where its room on the page starts and ends, how it aligns."""

    role: Role
    text: str
    top_mm: float
    height_mm: float
    left_mm: float
    right_mm: float
    align: Align
    size_pt: float
    char_mm: float
    red: bool = False


@dataclass(frozen=True)
class Rule:
    """A horizontal rule across the text block (the red rule, the 版记's rules)."""

    top_mm: float
    thickness_mm: float
    red: bool = False


@dataclass(frozen=True)
class Page:
    """One A4 page: its number, lines and rules."""

    number: int
    lines: tuple[Line, ...]
    rules: tuple[Rule, ...] = ()

    def texts(self) -> list[str]:
        return [line.text for line in self.lines]


def _tokens(text: str) -> list[str]:
    """Characters, except that ASCII words and numbers (2021, 12.5, www.x.cn) stay whole."""
    tokens: list[str] = []
    word = ""
    for char in text:
        if char.isascii() and (char.isalnum() or (word and char in "._-/@%:")):
            word += char
            continue
        if word:
            tokens.append(word)
            word = ""
        tokens.append(char)
    if word:
        tokens.append(word)
    return tokens


def break_lines(text: str, width: float, first_width: float | None = None) -> list[str]:
    """Split ``text`` into lines at most ``width`` 字 wide (the first ``first_width``).

    A closing punctuation mark that does not fit hangs past the margin rather than start the
    next line; an opening bracket moves down with what it opens; an ASCII word wider than a
    whole line is cut. An empty text is one empty line.
    """
    lines: list[str] = []
    current: list[str] = []
    used = 0.0
    room = first_width if first_width is not None else width

    def finish() -> None:
        nonlocal current, used, room
        carried: list[str] = []
        while len(current) > 1 and current[-1] in NO_LINE_END:
            carried.insert(0, current.pop())
        lines.append("".join(current))
        current, used, room = carried, text_width("".join(carried)), width

    for token in _tokens(text):
        token_width = text_width(token)
        if used + token_width <= room + _EPSILON:
            current.append(token)
            used += token_width
        elif token in NO_LINE_START and current:
            current.append(token)  # hangs past the margin
            finish()
        elif not current and token_width > room:
            for char in token:  # a word longer than the line is cut where it must
                if used + char_width(char) > room + _EPSILON and current:
                    finish()
                current.append(char)
                used += char_width(char)
        else:
            finish()
            if token in " \u3000":
                continue  # a space at a line break disappears
            current.append(token)
            used += token_width
    if current or not lines:
        lines.append("".join(current))
    return lines


def paragraph_lines(paragraph: Paragraph) -> list[str]:
    """The lines of one paragraph; line breaks in its text ("\\n") are kept."""
    if not paragraph.wrap:
        return paragraph.text.split("\n")
    full = TEXT_WIDTH_MM / paragraph.char_mm - paragraph.right_indent
    lines: list[str] = []
    for piece in paragraph.text.split("\n"):
        first = full - (paragraph.left_indent if lines else paragraph.first_indent)
        lines += break_lines(piece, full - paragraph.left_indent, first)
    return lines


class _Pages:
    """Lines go down the current page until the next one would cross the bottom edge."""

    def __init__(self) -> None:
        self.pages: list[tuple[list[Line], list[Rule]]] = [([], [])]
        self.y = 0.0

    @property
    def lines(self) -> list[Line]:
        return self.pages[-1][0]

    def fits(self, height: float) -> bool:
        return self.y + height <= TEXT_HEIGHT_MM + _EPSILON

    def new_page(self) -> None:
        self.pages.append(([], []))
        self.y = 0.0

    def add_line(self, line: Line) -> None:
        self.lines.append(line)

    def add_rule(self, rule: Rule) -> None:
        self.pages[-1][1].append(rule)


def _line(paragraph: Paragraph, text: str, index: int, last: bool, top: float) -> Line:
    """Line ``index`` of a paragraph, set at ``top``."""
    indent = paragraph.first_indent if index == 0 else paragraph.left_indent
    align = paragraph.align
    if align is Align.JUSTIFY and last:
        align = Align.LEFT
    return Line(
        role=paragraph.role,
        text=text,
        top_mm=top,
        height_mm=paragraph.pitch_mm,
        left_mm=indent * paragraph.char_mm,
        right_mm=TEXT_WIDTH_MM - paragraph.right_indent * paragraph.char_mm,
        align=align,
        size_pt=paragraph.size_pt,
        char_mm=paragraph.char_mm,
        red=paragraph.red,
    )


def _set(pages: _Pages, paragraph: Paragraph, texts: Sequence[str]) -> None:
    """Put a paragraph's lines down the pages, breaking to a new page where one is full."""
    for index, text in enumerate(texts):
        if not pages.fits(paragraph.pitch_mm) and pages.lines:
            pages.new_page()
        line = _line(paragraph, text, index, index == len(texts) - 1, pages.y)
        pages.add_line(line)
        if index == 0 and paragraph.right_text:
            pages.add_line(dataclasses.replace(line, text=paragraph.right_text, align=Align.RIGHT))
        pages.y += paragraph.pitch_mm


def paginate(paragraphs: Sequence[Paragraph], foot: Sequence[Paragraph] = ()) -> list[Page]:
    """Set ``paragraphs`` on A4 pages, ``foot`` (the 版记) at the bottom of the last page.

    A line goes on the next page when it would cross the bottom of the text block, so a page
    holds 22 lines of 28.95 pt; a paragraph marked ``keep_with_next`` moves down with the
    first line of the next paragraph. The 版记 sits on the bottom edge of the last page, or
    of a page of its own when the text leaves no room for it.
    """
    pages = _Pages()
    wrapped = [paragraph_lines(p) for p in paragraphs]
    for index, (paragraph, texts) in enumerate(zip(paragraphs, wrapped, strict=True)):
        if paragraph.page_break_before and pages.lines:
            pages.new_page()
        pages.y += paragraph.space_before_mm
        if paragraph.keep_with_next and index + 1 < len(paragraphs) and pages.lines:
            needed = len(texts) * paragraph.pitch_mm + paragraphs[index + 1].pitch_mm
            if not pages.fits(needed) and needed <= TEXT_HEIGHT_MM:
                pages.new_page()
        _set(pages, paragraph, texts)
        if paragraph.rule_below_mm is not None:
            rule_top = pages.y + paragraph.rule_below_mm
            pages.add_rule(Rule(rule_top, paragraph.rule_thickness_mm, red=True))
            pages.y = rule_top + paragraph.rule_thickness_mm
    _set_foot(pages, foot)
    return [
        Page(number, tuple(lines), tuple(rules))
        for number, (lines, rules) in enumerate(pages.pages, start=1)
    ]


IMPRINT_OUTER_RULE_MM = 0.35
IMPRINT_INNER_RULE_MM = 0.25


def _set_foot(pages: _Pages, foot: Sequence[Paragraph]) -> None:
    """The 版记 rows between rules, its last rule on the bottom edge of the text block."""
    if not foot:
        return
    wrapped = [paragraph_lines(p) for p in foot]
    height = sum(len(texts) * p.pitch_mm for p, texts in zip(foot, wrapped, strict=True))
    if not pages.fits(height) and pages.lines:
        pages.new_page()
    y = max(pages.y, TEXT_HEIGHT_MM - height)
    for index, (paragraph, texts) in enumerate(zip(foot, wrapped, strict=True)):
        thickness = IMPRINT_OUTER_RULE_MM if index == 0 else IMPRINT_INNER_RULE_MM
        pages.add_rule(Rule(y, thickness))
        for line_index, text in enumerate(texts):
            line = _line(paragraph, text, line_index, line_index == len(texts) - 1, y)
            pages.add_line(line)
            if line_index == 0 and paragraph.right_text:
                pages.add_line(
                    dataclasses.replace(line, text=paragraph.right_text, align=Align.RIGHT)
                )
            y += paragraph.pitch_mm
    pages.add_rule(Rule(y, IMPRINT_OUTER_RULE_MM))
    pages.y = y
