"""Cleaning extracted text: stray spaces, markdown marks, half-width punctuation, page breaks.

Text copied out of PDFs and web pages carries spaces between Chinese characters, "#" and "- "
marks, half-width ,:() and paragraphs cut in two by page breaks. The cleaner gives back lines
as the notice was written: full-width punctuation next to Chinese text, “” quotes, one line a
paragraph. A single space between Chinese characters inside quotes is kept, because slogans
are written that way (“永远跟党走 奋进新征程”).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from unionoffice.domain.doc_number import find_doc_number
from unionoffice.domain.headings import split_heading
from unionoffice.domain.text import nfc
from unionoffice.importing.document import Element, Line, Table
from unionoffice.importing.patterns import (
    CJK,
    LABEL_RE,
    ends_like_title,
    is_date_line,
    is_doc_mark,
    is_label_line,
    is_page_number,
)
from unionoffice.importing.run_on import split_run_on
from unionoffice.importing.text_tables import group_text_tables

Cleaned = Line | Table

_MARKS_RE = re.compile(r"^(#{1,6})\s*")
_BULLET_RE = re.compile(r"^(?:[-*+•●■◆▪]|>)\s+")
_RULE_RE = re.compile(r"^(?:[-*_=]\s*){3,}$")
_EMPHASIS_RE = re.compile(r"(\*\*|__)(.+?)\1")
_SPACES_RE = re.compile(r"[ \t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff]+")
_ANY_SPACE_RE = re.compile(r"\s+")

# Characters between which a space is never wanted: CJK, full-width punctuation, quotes.
_WIDE = f"{CJK}\u3000-\u303f\uff00-\uffef“”‘’《》·…—"
_WIDE_CHAR = re.compile(f"[{_WIDE}]")
_FIELD_START_RE = re.compile(f"[{CJK}]{{2,6}}[：:]")
_CJK_CHAR = re.compile(f"[{CJK}]")
_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_HALF_WIDTH_RE = re.compile("[" + re.escape("".join(_HALF_TO_FULL)) + "]")
_TERMINAL = "。！？!?；;：:…"
_CONTINUATION = "，,、（(“《—-"
_CLOSING_START = "，。、；：）》”"
_MIN_BROKEN_LENGTH = 20


def clean_elements(elements: Iterable[Element]) -> list[Cleaned]:
    """Clean raw lines and tables, drop noise, and join lines that a page break split."""
    cleaned: list[Cleaned] = []
    for element in group_text_tables(split_run_on(elements)):
        if isinstance(element, Table):
            rows = tuple(tuple(_clean_cell(c) for c in row) for row in element.rows)
            rows = tuple(row for row in rows if any(row))
            if rows:
                cleaned.append(Table(rows))
            continue
        line = clean_line(element)
        if line is not None:
            cleaned.append(line)
    # Quotes and spaces are settled after joining: a quotation may run across a page break.
    return [
        Line(text, e.marks, e.bullet) if isinstance(e, Line) else e
        for e in join_broken_lines(cleaned)
        if not isinstance(e, Line) or (text := clean_text(e.text))
    ]


def _clean_cell(cell: str) -> str:
    """A table cell's paragraphs cleaned one by one; "宣教部\n网络部" stays two lines."""
    return "\n".join(t for t in (clean_text(p) for p in cell.split("\n")) if t)


def clean_line(raw: str) -> Line | None:
    """One raw line to a Line (marks taken off, spaces not yet settled), or None for blank
    lines, rules and page numbers."""
    text = nfc(raw).strip()
    marks = 0
    bullet = False
    if _RULE_RE.match(text):
        return None
    if match := _MARKS_RE.match(text):
        marks = len(match[1])
        text = text[match.end() :]
    while match := _BULLET_RE.match(text):
        bullet = True
        text = text[match.end() :]
    text = _SPACES_RE.sub(" ", _EMPHASIS_RE.sub(r"\2", text)).strip()
    if not text or is_page_number(text):
        return None
    return Line(text, marks, bullet)


def clean_text(text: str) -> str:
    """Normalise one piece of text: spaces, quotes, half-width punctuation near Chinese."""
    text = _EMPHASIS_RE.sub(r"\2", nfc(text))
    text = _SPACES_RE.sub(" ", text.replace("\r", "")).strip()
    if not _CJK_CHAR.search(text):
        return text
    text = _pair_quotes(text, '"', "“", "”")
    text = _pair_quotes(text, "'", "‘", "’")
    text = _full_width_punctuation(text)
    text = re.sub(rf"(?<=[{CJK}])\s*[•・∙]\s*(?=[{CJK}])", "·", text)
    return _remove_spaces(text).strip()


def _pair_quotes(text: str, ascii_quote: str, opening: str, closing: str) -> str:
    count = text.count(ascii_quote)
    if count == 0 or count % 2:
        return text
    parts = text.split(ascii_quote)
    out = [parts[0]]
    for index, part in enumerate(parts[1:]):
        out.append(opening if index % 2 == 0 else closing)
        out.append(part)
    return "".join(out)


def _full_width_punctuation(text: str) -> str:
    if not _HALF_WIDTH_RE.search(text):
        return text
    chars = list(text)
    for found in _HALF_WIDTH_RE.finditer(text):  # only where there is something to convert
        index = found.start()
        ch = found[0]
        before = text[:index].rstrip()[-1:]
        after = text[index + 1 :].lstrip()[:1]
        wide_before = _WIDE_CHAR.match(before) is not None
        wide_after = _WIDE_CHAR.match(after) is not None
        if ch == "(":
            convert = wide_after or (wide_before and not after.isascii())
        elif ch == ")":
            convert = wide_before
        else:
            convert = wide_before or wide_after
        if convert:
            chars[index] = _HALF_TO_FULL[ch]
    return "".join(chars)


def _remove_spaces(text: str) -> str:
    """Drop spaces next to wide characters, except one between two Chinese characters inside
    “…” (a slogan's pause)."""
    if not _ANY_SPACE_RE.search(text):
        return text  # most lines of a Chinese notice: no need to go through it by character
    depth_at: list[int] = []
    depth = 0
    for ch in text:
        depth_at.append(depth)
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth = max(0, depth - 1)

    def replace(match: re.Match[str]) -> str:
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        if depth_at[match.start()] and _CJK_CHAR.match(before) and _CJK_CHAR.match(after):
            return " "
        if _CJK_CHAR.match(before) and _FIELD_START_RE.match(text, match.end()):
            return " "  # "联系人：马海燕 联系电话：…" separates two fields
        if _WIDE_CHAR.match(before) or _WIDE_CHAR.match(after):
            return ""
        return " "

    return _ANY_SPACE_RE.sub(replace, text)


def join_broken_lines(elements: list[Cleaned]) -> list[Cleaned]:
    """Join a line with the one before it when a page break or hard wrap cut a sentence."""
    joined: list[Cleaned] = []
    for element in elements:
        previous = joined[-1] if joined else None
        if (
            isinstance(element, Line)
            and isinstance(previous, Line)
            and _continues(previous, element)
        ):
            glue = " " if (previous.text[-1] + element.text[0]).isascii() else ""
            text = previous.text + glue + element.text
            joined[-1] = Line(text, previous.marks, previous.bullet)
        else:
            joined.append(element)
    return joined


def _structural(text: str) -> bool:
    """Lines that always stand alone: headings, labels, dates, 文号, 附件, 版记."""
    return (
        split_heading(text) is not None
        or is_label_line(text)
        or is_date_line(text)
        or is_doc_mark(text)
        or (find_doc_number(text) is not None and len(text) < 40)
        or text.startswith(("附件", "抄送", "主送", "签发人"))
    )


def _continues(previous: Line, line: Line) -> bool:
    first, last = previous.text, line.text
    if line.marked or line.bullet or previous.marked or _structural(last):
        return False
    if line.text[0] in _CLOSING_START:
        return True
    if first[-1] in _TERMINAL or ends_like_title(first):
        return False
    if first[-1] in "）)" and ("。" in first[-4:] or LABEL_RE.search(first)):
        return False
    heading = split_heading(first)
    if heading is not None and len(heading[2]) <= 30 and "。" not in first:
        return False
    if is_label_line(first) or is_doc_mark(first) or is_date_line(first):
        return first[-1] in "，,、"
    if find_doc_number(first) is not None and len(first) < 40:
        return False
    return first[-1] in _CONTINUATION or len(first) >= _MIN_BROKEN_LENGTH
