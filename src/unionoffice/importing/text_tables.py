"""Tables that reached the clerk as text: markdown pipe rows, tab-separated rows (copied from a
web page), and tables flattened to one cell per line (copied out of a PDF or a web page).

A flattened table is found by its header cells (序号 / 工作任务 / 责任单位 / 完成时限 / 责任人 …),
each on its own line. Its rows are rebuilt by what each line looks like: a row starts at the
next 序号; a date goes to the 完成时限 column, a name of two to four characters to 责任人, a
department to 责任单位, and an empty cell simply has no line. Several lines of one kind in a row
("郑伟" / "王娜") are one cell. Reading is linear: each start is looked at once, a header at most
a dozen lines ahead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from unionoffice.domain.deadline import parse_deadline
from unionoffice.domain.headings import split_heading
from unionoffice.domain.text import collapse_spaces, nfc
from unionoffice.importing.activity_tables import column_kind
from unionoffice.importing.document import Element, Table
from unionoffice.importing.patterns import CJK, is_date_line

_PIPE_ROW_RE = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_SEPARATOR_RE = re.compile(r"^[\s|:：\-—]+$")
_SEQ_RE = re.compile(r"^\d{1,4}$")
_PERSON_RE = re.compile(rf"^[{CJK}]{{2,4}}(?:[、，,][{CJK}]{{2,4}})*$")
_DEPARTMENT_ENDINGS = (
    "部", "室", "会", "办", "科", "局", "处", "委", "组", "校", "宫", "站", "所", "院", "队", "团",
    "中心", "单位", "协会", "公司", "集团", "支部", "厅",
)  # fmt: skip
_MAX_HEADER_CELLS = 12
_MIN_HEADER_CELLS = 3
_MAX_HEADER_CELL = 12
_INFO_COLUMNS = {"deadline", "lead", "cooperating", "responsible", "leader", "person"}
_ACCEPTS = {
    "seq": {"seq"},
    "deadline": {"deadline"},
    "lead": {"department"},
    "cooperating": {"department"},
    "responsible": {"department"},
    "leader": {"person"},
    "person": {"person"},
}
_FREE = {"text", "department", "person", "deadline"}  # content, name, place, note …


def group_text_tables(elements: Iterable[Element]) -> list[Element]:
    """Lines that form a table become a Table; everything else passes through."""
    items = list(elements)
    grouped: list[Element] = []
    index = 0
    while index < len(items):
        element = items[index]
        found = _table_at(items, index, element) if isinstance(element, str) else None
        if found is not None:
            grouped.extend(found[0])
            index = found[1]
        else:
            grouped.append(element)
            index += 1
    return grouped


def _table_at(items: Sequence[Element], index: int, line: str) -> tuple[list[Element], int] | None:
    """The table that starts at ``line``, if one does; most lines are decided at a glance."""
    if "|" in line:
        return _pipe_table(items, index)
    stripped = line.strip()
    if "\t" in stripped:
        return _tab_table(items, index)
    if stripped and len(stripped) <= _MAX_HEADER_CELL:
        return _flat_table(items, index)
    return None


def _pipe_table(items: Sequence[Element], start: int) -> tuple[list[Element], int] | None:
    first = items[start]
    if not isinstance(first, str) or "|" not in first:
        return None
    rows: list[tuple[str, ...]] = []
    lines: list[str] = []
    index = start
    while index < len(items):
        line = items[index]
        if not isinstance(line, str) or not _PIPE_ROW_RE.match(line):
            break
        if not _PIPE_SEPARATOR_RE.match(line):
            rows.append(tuple(c.strip() for c in line.strip().strip("|").split("|")))
            lines.append(line)
        index += 1
    if index == start:
        return None
    if len(rows) >= 2:
        return [Table(tuple(rows))], index
    return ["|" + "|".join(r) + "|" for r in rows], index


def _tab_table(items: Sequence[Element], start: int) -> tuple[list[Element], int] | None:
    """Rows of tab-separated cells under a header row of column names."""
    first = items[start]
    if not isinstance(first, str) or "\t" not in first.strip():
        return None
    header = [collapse_spaces(nfc(c)) for c in first.strip().split("\t")]
    if sum(column_kind(c) is not None for c in header) < 2:
        return None
    rows = [tuple(header)]
    index = start + 1
    while index < len(items):
        line = items[index]
        if not isinstance(line, str) or "\t" not in line.strip("\r\n "):
            break
        cells = [c.strip() for c in line.strip("\r\n").split("\t")]
        rows.append(tuple(cells + [""] * (len(header) - len(cells))))
        index += 1
    if len(rows) < 2:
        return None
    return [Table(tuple(rows))], index


def _flat_table(items: Sequence[Element], start: int) -> tuple[list[Element], int] | None:
    """A header of column names one per line, then rows of one cell per line."""
    first = items[start]
    if not isinstance(first, str) or len(first.strip()) > _MAX_HEADER_CELL:
        return None  # the common case, decided at once: a line longer than a column name
    kinds: list[str] = []
    names: list[str] = []
    index = start
    while index < len(items) and len(kinds) < _MAX_HEADER_CELLS:
        line = items[index]
        if not isinstance(line, str):
            break
        cell = collapse_spaces(nfc(line))
        kind = column_kind(cell) if cell and len(cell) <= 8 and "：" not in cell else None
        if kind is not None and split_heading(cell) is not None:
            kind = None  # "一、活动时间" is a heading, not a column
        if kind is None or (kind == "seq" and kinds):
            break
        kinds.append(kind)
        names.append(cell)
        index += 1
    has_text = "content" in kinds or "name" in kinds
    if len(kinds) < _MIN_HEADER_CELLS or not has_text or not _INFO_COLUMNS & set(kinds):
        return None
    rows, end = _flat_rows(items, index, kinds)
    # Each row needs two cells at least; without 序号 to count by, two such rows.
    if not rows or any(sum(bool(c) for c in row) < 2 for row in rows):
        return None
    if kinds[0] != "seq" and len(rows) < 2:
        return None
    return [Table((tuple(names), *rows))], end


def _flat_rows(
    items: Sequence[Element], index: int, kinds: list[str]
) -> tuple[list[tuple[str, ...]], int]:
    numbered = kinds[0] == "seq"
    rows: list[tuple[str, ...]] = []
    cells: list[list[str]] | None = None
    column = 0
    while index < len(items):
        line = items[index]
        if not isinstance(line, str):
            break
        text = nfc(line).strip()
        if not text:
            following = _next_text(items, index)
            if not (numbered and following == str(len(rows) + 2) and cells is not None):
                break
            index += 1
            continue
        if numbered and text == str(len(rows) + (1 if cells is None else 2)):
            if cells is not None:
                rows.append(_row(cells))
            cells, column = [[] for _ in kinds], 0
            cells[0].append(text)
            index += 1
            continue
        if cells is None:
            if numbered or split_heading(text) or is_date_line(text):
                break
            cells, column = [[] for _ in kinds], -1
        target = _column_for(text, kinds, cells, column)
        if target is None and not numbered and column >= 0:
            rows.append(_row(cells))
            cells, column = [[] for _ in kinds], -1
            target = _column_for(text, kinds, cells, column)
        if target is None:
            break
        cells[target].append(text)
        column = target
        index += 1
    if cells is not None and any(cells[1:] if numbered else cells):
        rows.append(_row(cells))
    return rows, index


def _column_for(text: str, kinds: list[str], cells: list[list[str]], column: int) -> int | None:
    """The column a line belongs to: the nearest empty one after the current one that takes
    its kind of text, else the current one (a cell over several lines)."""
    kind = _line_kind(text)
    for target in range(column + 1, len(kinds)):
        if not cells[target] and kind in _ACCEPTS.get(kinds[target], _FREE):
            return target
    if column >= 0 and kind in _ACCEPTS.get(kinds[column], _FREE):
        return column
    return None


def _line_kind(text: str) -> str:
    compact = collapse_spaces(text)
    if _SEQ_RE.match(compact):
        return "seq"
    if len(compact) <= 20 and parse_deadline(compact, 2000) is not None:
        return "deadline"
    names = [n for n in re.split(r"[、，,及和]", compact) if n]
    if len(compact) <= 60 and "。" not in compact and names:
        if all(n.endswith(_DEPARTMENT_ENDINGS) or n.startswith("各") for n in names):
            return "department"
        if _PERSON_RE.match(compact):
            return "person"
    return "text"


def _row(cells: list[list[str]]) -> tuple[str, ...]:
    return tuple("\n".join(parts) for parts in cells)


def _next_text(items: Sequence[Element], index: int) -> str | None:
    for element in items[index + 1 : index + 4]:
        if isinstance(element, str) and element.strip():
            return element.strip()
    return None
