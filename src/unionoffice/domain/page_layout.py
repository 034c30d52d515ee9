"""Lines and pages as GB/T 9704 sets them: 28 characters a line, 22 lines a page on A4.

Qt-free, so page breaks can be tested without a screen; the page preview paints what this
computes. Lengths are millimetres from the top left corner of the text block (版心); widths of
text are counted in 字, the width of one character of the paragraph's font (half for ASCII).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from unionoffice.domain.notice_text import autospace, char_width, text_width
from unionoffice.domain.page_spec import GBT9704, MM_PER_PT

# Names for the spec's values, as the preview and the tests read them.
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = GBT9704.paper_width_mm, GBT9704.paper_height_mm
TOP_MARGIN_MM, BOTTOM_MARGIN_MM = GBT9704.top_margin_mm, GBT9704.bottom_margin_mm
LEFT_MARGIN_MM, RIGHT_MARGIN_MM = GBT9704.left_margin_mm, GBT9704.right_margin_mm
TEXT_WIDTH_MM, TEXT_HEIGHT_MM = GBT9704.text_width_mm, GBT9704.text_height_mm
CHARS_PER_LINE, LINES_PER_PAGE = GBT9704.chars_per_line, GBT9704.lines_per_page
LINE_PITCH_MM = GBT9704.line_pitch_mm
BODY_CHAR_MM = GBT9704.body_char_mm  # 3号 characters squeezed onto the 28-字 grid
BODY_SIZE_PT = GBT9704.body_size_pt
_EPSILON = 1e-6

# Closing punctuation never starts a line. A comma or full stop that does not fit hangs past
# the margin (Word's 允许标点溢出边界, on by default; LibreOffice hangs the same marks); any
# other closing mark takes the character before it down to the next line. Opening brackets
# never end a line.
NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉”’,.;:?!)]}%")
HANGING = frozenset("，。、．,.")
NO_LINE_END = frozenset("（《「『【〔〈“‘([{")


class Role(enum.StrEnum):
    """What a line is, which decides its font and colour when painted."""

    COPY_NUMBER = "份号"
    SECRECY = "密级和保密期限"
    URGENCY = "紧急程度"
    LETTERHEAD = "发文机关标志"
    DOC_NUMBER = "发文字号"
    ISSUER = "签发人"  # 签发人： in the body font, the names in 楷体
    TITLE = "标题"
    RECIPIENTS = "主送机关"
    BODY = "正文"
    HEADING1 = "一级标题"
    HEADING2 = "二级标题"
    HEADING3 = "三级标题"
    HEADING4 = "四级标题"
    ATTACHMENT_NOTE = "附件说明"
    ATTENDANCE = "出席人员"  # 纪要's 出席/请假/列席: the label in 黑体, the names in 仿宋
    SIGNATURE = "署名"
    DATE = "成文日期"
    REMARK = "附注"
    ATTACHMENT_LABEL = "附件标识"
    ATTACHMENT_TITLE = "附件标题"
    IMPRINT = "版记"
    TABLE_HEADER = "表格标题行"
    TABLE_TEXT = "表格文字"
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
    ``head_length`` characters at the start are in the role's heading font (a heading
    sentence); the rest is body text. -1: the whole paragraph.
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
    keep_together: bool = False  # the whole paragraph on one page (moves down as a block)
    red: bool = False
    rule_below_mm: float | None = None  # a red rule this far under the last line (文号)
    rule_thickness_mm: float = 0.0
    right_text: str = ""  # a second text flush right on the first line (版记's 印发日期)
    right_role: Role | None = None  # the role of ``right_text`` when not the paragraph's
    right_text_indent: float | None = None  # ``right_text`` starts this many 字 in, not flush right
    on_grid: bool = True
    wrap: bool = True  # False: one line however long (the 标志 is narrowed to fit instead)
    head_length: int = -1
    placeholder: bool = False  # the text stands for a missing value (成文日期)

    @property
    def char_mm(self) -> float:
        return BODY_CHAR_MM if self.on_grid else self.size_pt * MM_PER_PT


@dataclass(frozen=True)
class Cell:
    """One table cell: its paragraphs; ``head_length`` characters of the first in bold."""

    paragraphs: tuple[str, ...]
    head_length: int = 0
    align: Align = Align.LEFT


@dataclass(frozen=True)
class Table:
    """A table across the text block: a header row repeated on each page, rows never split."""

    widths_mm: tuple[float, ...]
    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    size_pt: float = GBT9704.table_size_pt
    pitch_mm: float = GBT9704.table_pitch_pt * MM_PER_PT
    padding_x_mm: float = GBT9704.table_padding_x_mm
    padding_y_mm: float = GBT9704.table_padding_y_pt * MM_PER_PT
    rule_mm: float = GBT9704.table_rule_pt * MM_PER_PT


@dataclass(frozen=True)
class Line:
    """One set line: its text, where its room on the page starts and ends, how it aligns.

    ``head_chars`` leading characters are in the role's heading font (or bold in a table).
    """

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
    head_chars: int = -1
    placeholder: bool = False


@dataclass(frozen=True)
class Rule:
    """A rule on the text block: across it (the red rule, the 版记's and a table's rules) or,
    ``vertical``, down it (a table's column lines)."""

    top_mm: float
    thickness_mm: float
    red: bool = False
    left_mm: float = 0.0
    length_mm: float = TEXT_WIDTH_MM
    vertical: bool = False


@dataclass(frozen=True)
class Page:
    """One A4 page: its number, lines and rules; ``numbered`` False for the blank page and
    the 版记 page that GB/T 9704 leaves without a page number."""

    number: int
    lines: tuple[Line, ...]
    rules: tuple[Rule, ...] = ()
    numbered: bool = True

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


def break_lines(
    text: str, width: float, first_width: float | None = None, *, hanging: bool = True
) -> list[str]:
    """Split ``text`` into lines at most ``width`` 字 wide (the first ``first_width``).

    A comma or full stop that does not fit hangs past the margin; another closing mark
    takes the character before it to the next line; an opening bracket moves down with what
    it opens; an ASCII word wider than a whole line is cut. An empty text is one empty line.
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

    def cut(word: str) -> None:
        """A word longer than the line is cut where it must."""
        nonlocal used
        for char in word:
            if used + char_width(char) > room + _EPSILON and current:
                finish()
            current.append(char)
            used += char_width(char)

    for token in _tokens(text):
        token_width = text_width(token)
        if current:
            token_width += autospace(current[-1][-1], token[0])
        if used + token_width <= room + _EPSILON:
            current.append(token)
            used += token_width
        elif token in HANGING and current and hanging:
            current.append(token)  # hangs past the margin
            finish()
        elif token in NO_LINE_START and len(current) > 1:
            pushed = [current.pop()]  # the mark takes the character before it down
            while len(current) > 1 and pushed[0] in NO_LINE_START:
                pushed.insert(0, current.pop())
            finish()
            current = [*current, *pushed, token]
            used = text_width("".join(current))
        elif not current and token_width > room:
            cut(token)
        else:
            finish()
            if token in " \u3000":
                continue  # a space at a line break disappears
            if current:  # an opening bracket carried down
                used += autospace(current[-1][-1], token[0])
            if used + text_width(token) > room + _EPSILON:
                cut(token)  # wider than what is left of a whole line
            else:
                current.append(token)
                used += text_width(token)
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


