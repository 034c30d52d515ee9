"""Paragraphs and tables set down A4 pages, and the 版记 at the foot of an even last page.

What Word, WPS and LibreOffice do with the paragraph properties the export writes: a line goes
on the next page when it would cross the bottom of the text block; a paragraph that keeps with
the next moves down with it (every such paragraph is also kept together, so all three
programs move the same lines); a table row never splits and the header row repeats on each
page. The 版记 sits on the bottom edge of the last page, which must be even (封四).
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Sequence
from dataclasses import dataclass

from unionoffice.domain.page_layout import (
    MM_PER_PT,
    TEXT_HEIGHT_MM,
    TEXT_WIDTH_MM,
    Align,
    Cell,
    Line,
    Page,
    Paragraph,
    Role,
    Rule,
    Table,
    break_lines,
    paragraph_lines,
)
from unionoffice.domain.page_spec import GBT9704

_EPSILON = 1e-6
Item = Paragraph | Table


class ImprintPlacement(enum.Enum):
    """Where the 版记 goes, so that it ends the last page and that page is even."""

    LAST_PAGE = "at the foot of the text's last page"  # an even page with room for it
    NEXT_PAGE = "on the next page"  # the text ends on an odd page
    AFTER_BLANK_PAGE = "after a blank page"  # an even page too full for it


@dataclass
class Pagination:
    """The pages, and where the 版记 went (None without one)."""

    pages: list[Page]
    imprint: ImprintPlacement | None = None


class _Pages:
    """Lines go down the current page until the next one would cross the bottom edge."""

    def __init__(self, top_mm: float = 0.0) -> None:
        self.pages: list[tuple[list[Line], list[Rule]]] = [([], [])]
        self.y = top_mm

    @property
    def lines(self) -> list[Line]:
        return self.pages[-1][0]

    @property
    def empty(self) -> bool:
        return not self.pages[-1][0] and not self.pages[-1][1]

    def fits(self, height: float) -> bool:
        return self.y + height <= TEXT_HEIGHT_MM + _EPSILON

    def new_page(self) -> None:
        self.pages.append(([], []))
        self.y = 0.0

    def add_rule(self, rule: Rule) -> None:
        self.pages[-1][1].append(rule)


def _line(paragraph: Paragraph, text: str, index: int, last: bool, top: float, head: int) -> Line:
    """Line ``index`` of a paragraph, set at ``top``; ``head`` heading characters on it."""
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
        head_chars=head,
        placeholder=paragraph.placeholder,
    )


def _heads(paragraph: Paragraph, texts: Sequence[str]) -> list[int]:
    """How many heading-font characters each line holds."""
    if paragraph.head_length < 0:
        return [-1] * len(texts)
    heads, left = [], paragraph.head_length
    for text in texts:
        heads.append(min(left, len(text)))
        left = max(0, left - len(text))
    return heads


def _set_paragraph(pages: _Pages, paragraph: Paragraph, texts: Sequence[str]) -> None:
    """Put a paragraph's lines down the pages, breaking to a new page where one is full."""
    height = len(texts) * paragraph.pitch_mm
    moves = paragraph.keep_together and pages.lines and height <= TEXT_HEIGHT_MM
    if moves and not pages.fits(height):
        pages.new_page()
    for index, (text, head) in enumerate(zip(texts, _heads(paragraph, texts), strict=True)):
        if not pages.fits(paragraph.pitch_mm) and pages.lines:
            pages.new_page()
        line = _line(paragraph, text, index, index == len(texts) - 1, pages.y, head)
        pages.lines.append(line)
        if index == 0 and paragraph.right_text:
            pages.lines.append(_right_line(paragraph, line))
        pages.y += paragraph.pitch_mm


def _right_line(paragraph: Paragraph, line: Line) -> Line:
    """The second text of a paragraph's first line: flush right, or from a given indent."""
    role = paragraph.right_role or line.role
    if paragraph.right_text_indent is None:
        return dataclasses.replace(line, role=role, text=paragraph.right_text, align=Align.RIGHT)
    return dataclasses.replace(
        line,
        role=role,
        text=paragraph.right_text,
        align=Align.LEFT,
        left_mm=paragraph.right_text_indent * paragraph.char_mm,
    )


# -- tables ---------------------------------------------------------------------------------


def cell_lines(cell: Cell, width_mm: float, table: Table) -> list[str]:
    """A cell's lines at the table's size inside its padding."""
    room = (width_mm - 2 * table.padding_x_mm) / (table.size_pt * MM_PER_PT)
    lines: list[str] = []
    for text in cell.paragraphs:
        lines += break_lines(text, room, hanging=False)
    return lines


def _row_lines(row: Sequence[Cell], table: Table) -> list[list[str]]:
    return [cell_lines(c, w, table) for c, w in zip(row, table.widths_mm, strict=True)]


def row_height(lines: Sequence[Sequence[str]], table: Table) -> float:
    """Lines of the fullest cell, the cell padding above and below, one rule."""
    return max(len(c) for c in lines) * table.pitch_mm + 2 * table.padding_y_mm + table.rule_mm


class _TableSetter:
    """Rows down the pages; each page's part of the table gets its header row and rules."""

    def __init__(self, pages: _Pages, table: Table) -> None:
        self.pages = pages
        self.table = table
        self.left = (TEXT_WIDTH_MM - sum(table.widths_mm)) / 2
        self.header = _row_lines(table.header, table)
        self.segment_top: float | None = None

    def set(self) -> None:
        header_height = row_height(self.header, self.table)
        for row in self.table.rows:
            lines = _row_lines(row, self.table)
            height = row_height(lines, self.table)
            needed = height + (header_height if self.segment_top is None else 0)
            if not self.pages.fits(needed) and (self.pages.lines or self.segment_top is not None):
                self.close()
                self.pages.new_page()
            if self.segment_top is None:
                self.segment_top = self.pages.y
                self._row(self.table.header, self.header, Role.TABLE_HEADER)
            self._row(row, lines, Role.TABLE_TEXT)
        self.close()

    def _row(self, row: Sequence[Cell], lines: Sequence[Sequence[str]], role: Role) -> None:
        table, top = self.table, self.pages.y
        self.pages.add_rule(Rule(top, table.rule_mm, left_mm=self.left,
                                 length_mm=sum(table.widths_mm)))  # fmt: skip
        x = self.left
        for cell, texts, width in zip(row, lines, table.widths_mm, strict=True):
            heads = _heads(Paragraph(role, "", head_length=cell.head_length), texts)
            for index, (text, head) in enumerate(zip(texts, heads, strict=True)):
                self.pages.lines.append(
                    Line(
                        role=role,
                        text=text,
                        top_mm=top + table.rule_mm + table.padding_y_mm + index * table.pitch_mm,
                        height_mm=table.pitch_mm,
                        left_mm=x + table.padding_x_mm,
                        right_mm=x + width - table.padding_x_mm,
                        align=cell.align,
                        size_pt=table.size_pt,
                        char_mm=table.size_pt * MM_PER_PT,
                        head_chars=head if role is Role.TABLE_TEXT else -1,
                    )
                )
            x += width
        self.pages.y += row_height(lines, table)

    def close(self) -> None:
        """The bottom rule and the column lines of this page's part of the table."""
        if self.segment_top is None:
            return
        table, top, bottom = self.table, self.segment_top, self.pages.y
        self.pages.add_rule(Rule(bottom, table.rule_mm, left_mm=self.left,
                                 length_mm=sum(table.widths_mm)))  # fmt: skip
        x = self.left
        for width in (0.0, *table.widths_mm):
            x += width
            self.pages.add_rule(
                Rule(top, table.rule_mm, left_mm=x, length_mm=bottom - top, vertical=True)
            )
        self.segment_top = None


# -- whole documents ------------------------------------------------------------------------


def _height(item: Item, texts: Sequence[str] | None) -> float:
    if isinstance(item, Table):
        header = row_height(_row_lines(item.header, item), item)
        first = row_height(_row_lines(item.rows[0], item), item) if item.rows else 0.0
        return header + first
    assert texts is not None
    return item.space_before_mm + len(texts) * item.pitch_mm


def _chain_height(items: Sequence[Item], wrapped: Sequence[list[str] | None], at: int) -> float:
    """The height that must share a page with item ``at``: it and every item it keeps with,
    down to the first line of the one that ends the chain."""
    height = 0.0
    index = at
    while index < len(items):
        item = items[index]
        if isinstance(item, Paragraph) and item.keep_with_next and index + 1 < len(items):
            height += _height(item, wrapped[index])
            index += 1
            continue
        if isinstance(item, Paragraph) and not item.keep_together:
            return height + item.space_before_mm + item.pitch_mm
        return height + _height(item, wrapped[index])
    return height


def paginate(
    items: Sequence[Item], foot: Sequence[Paragraph] = (), *, top_mm: float = 0.0
) -> Pagination:
    """Set ``items`` on A4 pages from ``top_mm`` on the first, the ``foot`` (版记) at the
    bottom of the last page, which is made even."""
    pages = _Pages(top_mm)
    wrapped = [paragraph_lines(i) if isinstance(i, Paragraph) else None for i in items]
    for index, item in enumerate(items):
        if isinstance(item, Table):
            _TableSetter(pages, item).set()
            continue
        texts = wrapped[index]
        assert texts is not None
        if item.page_break_before and not pages.empty:
            pages.new_page()
        if item.keep_with_next and pages.lines:
            needed = _chain_height(items, wrapped, index)
            if not pages.fits(needed) and needed <= TEXT_HEIGHT_MM:
                pages.new_page()
        pages.y += item.space_before_mm
        _set_paragraph(pages, item, texts)
        if item.rule_below_mm is not None:
            rule_top = pages.y + item.rule_below_mm
            pages.add_rule(Rule(rule_top, item.rule_thickness_mm, red=True))
            pages.y = rule_top + item.rule_thickness_mm
    placement = _set_foot(pages, foot)
    text_pages = len(pages.pages) if placement is None else _text_page_count(placement, pages)
    return Pagination(
        [
            Page(number, tuple(lines), tuple(rules), numbered=number <= text_pages)
            for number, (lines, rules) in enumerate(pages.pages, start=1)
        ],
        placement,
    )


def _text_page_count(placement: ImprintPlacement, pages: _Pages) -> int:
    extra = {ImprintPlacement.LAST_PAGE: 0, ImprintPlacement.NEXT_PAGE: 1}
    return len(pages.pages) - extra.get(placement, 2)


def foot_height(foot: Sequence[Paragraph]) -> float:
    """The 版记's height: its rows between rules."""
    return sum(len(paragraph_lines(p)) * p.pitch_mm for p in foot)


def _set_foot(pages: _Pages, foot: Sequence[Paragraph]) -> ImprintPlacement | None:
    """The 版记 rows between rules, its last rule on the bottom edge of an even page."""
    if not foot:
        return None
    height = foot_height(foot)
    even = len(pages.pages) % 2 == 0
    if even and pages.fits(height):
        placement = ImprintPlacement.LAST_PAGE
    elif even:
        placement = ImprintPlacement.AFTER_BLANK_PAGE
        pages.new_page()
        pages.new_page()
    else:
        placement = ImprintPlacement.NEXT_PAGE
        pages.new_page()
    y = TEXT_HEIGHT_MM - height
    for index, paragraph in enumerate(foot):
        thickness = (
            GBT9704.imprint_outer_rule_mm if index == 0 else GBT9704.imprint_inner_rule_mm
        )
        pages.add_rule(Rule(y, thickness))
        texts = paragraph_lines(paragraph)
        for line_index, text in enumerate(texts):
            last = line_index == len(texts) - 1
            line = _line(paragraph, text, line_index, last, y, -1)
            pages.lines.append(line)
            if line_index == 0 and paragraph.right_text:
                pages.lines.append(
                    dataclasses.replace(
                        line,
                        role=paragraph.right_role or line.role,
                        text=paragraph.right_text,
                        align=Align.RIGHT,
                    )
                )
            y += paragraph.pitch_mm
    pages.add_rule(Rule(y, GBT9704.imprint_outer_rule_mm))
    pages.y = y
    return placement
