"""Tracked changes (修订) in a .docx: accept them all, or keep the text before them.

Word and WPS write revisions into the document XML: inserted runs in ``w:ins``, deleted runs in
``w:del`` (their text in ``w:delText``), moved text in ``w:moveFrom``/``w:moveTo``, an
inserted or deleted paragraph mark as ``w:ins``/``w:del`` in the paragraph mark's ``w:rPr``,
inserted or deleted table rows in ``w:trPr``, and format changes as ``w:*PrChange``.
python-docx reads only the runs that are direct children of a paragraph, so without this the
inserted text would be lost. ``resolve_revisions`` rewrites the body in place, before the
reader takes its text, and counts the revisions and their authors for the import report.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W_NS}

RevisionChoice = Literal["accept", "original"]


def _w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


_INSERTED = (_w("ins"), _w("moveTo"))
_DELETED = (_w("del"), _w("moveFrom"))
_MOVE_MARKERS = tuple(
    _w(name)
    for name in ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd")
)
_FORMAT_CHANGES = tuple(
    _w(name)
    for name in (
        "rPrChange",
        "pPrChange",
        "sectPrChange",
        "tblPrChange",
        "tblPrExChange",
        "trPrChange",
        "tcPrChange",
        "tblGridChange",
        "numberingChange",
    )
)
_CELL_MARKS = (_w("cellIns"), _w("cellDel"), _w("cellMerge"))


@dataclass(frozen=True)
class Revisions:
    """The tracked changes a file had: how many of each kind, who made them, what was kept."""

    inserted: int = 0
    deleted: int = 0
    moved: int = 0
    formatted: int = 0
    authors: tuple[str, ...] = ()
    kept: RevisionChoice = "accept"

    @property
    def count(self) -> int:
        return self.inserted + self.deleted + self.moved + self.formatted

    def describe(self) -> str:
        """One line for the import report, e.g. 含 3 处修订（插入 2、删除 1；修订人：张三），
        已接受全部修订; "" for a file without revisions."""
        if not self.count:
            return ""
        kinds = [
            f"{label} {n}"
            for label, n in (
                ("插入", self.inserted),
                ("删除", self.deleted),
                ("移动", self.moved),
                ("格式", self.formatted),
            )
            if n
        ]
        who = f"；修订人：{'、'.join(self.authors)}" if self.authors else ""
        kept = "已接受全部修订" if self.kept == "accept" else "已按修订前的原文导入"
        return f"含 {self.count} 处修订（{'、'.join(kinds)}{who}），{kept}"


def resolve_revisions(root: Any, choice: RevisionChoice = "accept") -> Revisions:
    """Accept (``"accept"``) or reject (``"original"``) every tracked change under ``root``
    (an lxml element: the document body), in place; what there was."""
    authors: dict[str, None] = {}
    counts = {"inserted": 0, "deleted": 0, "moved": 0, "formatted": 0}

    def note(element: Any, kind: str) -> None:
        counts[kind] += 1
        author = (element.get(_w("author")) or "").strip()
        if author:
            authors.setdefault(author, None)

    for element in root.iter(*_INSERTED, *_DELETED, *_FORMAT_CHANGES, *_CELL_MARKS):
        tag = element.tag
        if tag in _FORMAT_CHANGES:
            note(element, "formatted")
        elif tag == _w("moveFrom"):
            continue  # a move is written twice, from and to; the clerk sees one revision
        elif tag == _w("moveTo"):
            note(element, "moved")
        elif tag in _CELL_MARKS:
            note(element, "inserted" if tag == _w("cellIns") else "deleted")
        else:
            note(element, "inserted" if tag == _w("ins") else "deleted")

    accept = choice == "accept"
    dropped, kept = (_DELETED, _INSERTED) if accept else (_INSERTED, _DELETED)
    for element in list(root.iter(*dropped, *kept)):
        if element.getparent() is None:  # inside something already removed
            continue
        parent = element.getparent()
        if parent.tag == _w("rPr") and parent.getparent().tag == _w("pPr"):
            # the paragraph mark: a dropped mark joins the paragraph with the next one
            parent.remove(element)
            if element.tag in dropped:
                _join_with_next(parent.getparent().getparent())
        elif parent.tag == _w("trPr"):
            parent.remove(element)
            if element.tag in dropped:
                row = parent.getparent()
                row.getparent().remove(row)
        elif parent.tag == _w("rPr"):
            parent.remove(element)  # a run's own mark (math, numbering): the run stays
        elif element.tag in dropped:
            parent.remove(element)
        else:
            _unwrap(element)
    for element in list(root.iter(*_MOVE_MARKERS, *_FORMAT_CHANGES, *_CELL_MARKS)):
        if element.getparent() is not None:
            element.getparent().remove(element)
    if not accept:
        for element in root.iter(_w("delText")):
            element.tag = _w("t")
        for element in root.iter(_w("delInstrText")):
            element.tag = _w("instrText")
    return Revisions(**counts, authors=tuple(authors), kept=choice)


def _unwrap(element: Any) -> None:
    """Put the element's children in its place."""
    parent = element.getparent()
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    parent.remove(element)


def _join_with_next(paragraph: Any) -> None:
    """A paragraph whose mark is gone runs on into the next paragraph (as in Word)."""
    following = paragraph.getnext()
    if paragraph.tag != _w("p") or following is None or following.tag != _w("p"):
        return
    for child in list(following):
        if child.tag != _w("pPr"):
            paragraph.append(child)
    following.getparent().remove(following)
