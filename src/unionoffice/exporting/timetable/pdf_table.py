"""The table part of the PDF timetable: styles, column widths, cells and the month grid.

Rows of several notices in plan order become one table per notice under a heading line (each
table repeats the header row on every page it spans); other rows form one table. Short cells
are plain strings, long ones wrapping Paragraphs: a 1,000-row year lays out in about a second.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table, TableStyle

from unionoffice.exporting.timetable.model import (
    MONTH_HEADERS,
    Column,
    NoticeRef,
    Timetable,
    TimetableRow,
    months_covered,
    printable,
)

# Share of the table width per column; 活动内容 takes what is left.
_WIDTHS = {
    Column.SEQ: 0.04,
    Column.DEADLINE: 0.085,
    Column.TIME: 0.085,
    Column.PLACE: 0.12,
    Column.LEAD: 0.13,
    Column.COOPERATING: 0.16,
    Column.LEADER: 0.065,
    Column.STATUS: 0.055,
}
_GRID_WIDTHS = {
    Column.SEQ: 0.04,
    Column.DEADLINE: 0.07,
    Column.TIME: 0.075,
    Column.PLACE: 0.09,
    Column.LEAD: 0.09,
    Column.COOPERATING: 0.11,
    Column.LEADER: 0.057,
    Column.STATUS: 0.045,
}
_MONTH_WIDTH = 0.024
_CENTERED = frozenset({Column.SEQ, Column.DEADLINE, Column.TIME, Column.LEADER, Column.STATUS})
_PADDING = 3.0
_HEADER_FILL = colors.HexColor("#D9D9D9")
_MONTH_FILL = colors.HexColor("#8EB4E3")
_DETAIL_COLOR = colors.HexColor("#333333")
_SOURCE_COLOR = colors.HexColor("#666666")
EMPTY_TEXT = "（没有符合条件的活动）"
_EMPTY = ()  # an empty cell that reportlab measures and draws as nothing (no empty string)


def markup(text: str) -> str:
    """``text`` as Paragraph markup: control characters dropped, ``& < >`` escaped."""
    return escape(printable(text))


class CellParagraph(Paragraph):
    """A Paragraph that remembers its last wrap: a table that splits across pages measures
    the rows left on every page, always at the same column width."""

    _wrapped_at: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._wrapped_at == availWidth:
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_at = availWidth
        return size


class PdfStyles:
    """Paragraph styles and sizes, scaled with the paper (A3 prints larger for the wall)."""

    def __init__(self, font: str, scale: float) -> None:
        size = 9 * scale
        self.font = font
        self.scale = scale
        self.body_size = size
        self.detail_size = size - 0.5 * scale
        self.month_size = 7.5 * scale
        common = {"fontName": font, "fontSize": size, "leading": size * 1.35, "wordWrap": "CJK"}
        self.title = ParagraphStyle(
            "title", fontName=font, fontSize=16 * scale, leading=24 * scale, alignment=TA_CENTER
        )
        self.subtitle = ParagraphStyle(
            "subtitle", fontName=font, fontSize=10 * scale, leading=15 * scale, alignment=TA_CENTER
        )
        self.left = ParagraphStyle("left", alignment=TA_LEFT, **common)
        detail = {**common, "fontSize": self.detail_size, "leading": self.detail_size * 1.35}
        self.detail = ParagraphStyle("detail", textColor=_DETAIL_COLOR, **detail)
        self.source = ParagraphStyle("source", textColor=_SOURCE_COLOR, **detail)
        self.center = ParagraphStyle("center", alignment=TA_CENTER, **common)
        self.header = ParagraphStyle("header", alignment=TA_CENTER, **common)
        self.group = ParagraphStyle(
            "group",
            alignment=TA_LEFT,
            spaceBefore=6 * scale,
            spaceAfter=3 * scale,
            **{**common, "fontSize": size + 1.5 * scale, "leading": (size + 1.5 * scale) * 1.3},
        )


def timetable_flowables(
    timetable: Timetable, styles: PdfStyles, width: float, *, month_grid: bool, brief: bool
) -> list[Flowable]:
    """The table(s) of ``timetable`` for a frame ``width`` points wide."""
    layout = _Layout(timetable, styles, width, month_grid=month_grid, brief=brief)
    runs = _runs_by_notice(timetable.rows)
    if not timetable.spans_notices or runs is None:
        return [layout.table(list(enumerate(timetable.rows, start=1)))]
    flowables: list[Flowable] = []
    seq = 1
    for notice, rows in runs:
        # A heading stays with the table's header and first rows: break first when they
        # would not fit (keepWithNext would push the whole table to the next page).
        flowables.append(CondPageBreak(styles.body_size * 12))
        flowables.append(Paragraph(markup(_notice_heading(notice)), styles.group))
        flowables.append(layout.table(list(enumerate(rows, start=seq))))
        seq += len(rows)
    return flowables


def column_widths(columns: Sequence[Column], width: float, *, month_grid: bool) -> list[float]:
    """Widths in points: fixed shares for the short columns, the rest for 活动内容."""
    shares = _GRID_WIDTHS if month_grid else _WIDTHS
    fixed = {column: shares[column] * width for column in columns if column in shares}
    months = [_MONTH_WIDTH * width] * 12 if month_grid else []
    content = width - sum(fixed.values()) - sum(months)
    return [fixed.get(column, content) for column in columns] + months


def _notice_heading(notice: NoticeRef) -> str:
    return f"{notice.doc_number}　{notice.title}" if notice.doc_number else notice.title


def _runs_by_notice(
    rows: Sequence[TimetableRow],
) -> list[tuple[NoticeRef, list[TimetableRow]]] | None:
    """Rows cut where the notice changes, or None when a notice's rows are not together."""
    runs: list[tuple[NoticeRef, list[TimetableRow]]] = []
    for row in rows:
        if runs and runs[-1][0] == row.notice:
            runs[-1][1].append(row)
        elif any(notice == row.notice for notice, _ in runs):
            return None
        else:
            runs.append((row.notice, [row]))
    return runs


class _Layout:
    def __init__(
        self,
        timetable: Timetable,
        styles: PdfStyles,
        width: float,
        *,
        month_grid: bool,
        brief: bool,
    ) -> None:
        self.timetable = timetable
        self.styles = styles
        self.columns = timetable.columns
        self.month_grid = month_grid
        self.brief = brief
        self.show_source = timetable.spans_notices and _runs_by_notice(timetable.rows) is None
        self.widths = column_widths(self.columns, width, month_grid=month_grid)
        self.first_month = len(self.columns)

    def table(self, numbered_rows: list[tuple[int, TimetableRow]]) -> Table:
        styles = self.styles
        header: list[object] = [Paragraph(c.value, styles.header) for c in self.columns]
        if self.month_grid:
            header.extend(MONTH_HEADERS)
        commands = self._base_commands()
        data: list[list[object]] = [header]
        for seq, row in numbered_rows:
            cells = [
                self._cell(index, column, seq, row) for index, column in enumerate(self.columns)
            ]
            if self.month_grid:
                cells.extend([_EMPTY] * 12)
                months = months_covered(row.period, self.timetable.year)
                if months is not None:
                    first, last = (self.first_month + month - 1 for month in months)
                    y = len(data)
                    commands.append(("BACKGROUND", (first, y), (last, y), _MONTH_FILL))
            data.append(cells)
        if not numbered_rows:
            data.append([Paragraph(EMPTY_TEXT, styles.center)] + [_EMPTY] * (len(header) - 1))
            commands.append(("SPAN", (0, 1), (-1, 1)))
        table = Table(data, colWidths=self.widths, repeatRows=1)
        table.setStyle(TableStyle(commands))
        return table

    def _base_commands(self) -> list[tuple]:
        styles = self.styles
        commands: list[tuple] = [
            ("FONTNAME", (0, 0), (-1, -1), styles.font),
            ("FONTSIZE", (0, 0), (-1, -1), styles.body_size),
            ("LEADING", (0, 0), (-1, -1), styles.body_size * 1.35),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BOX", (0, 0), (-1, -1), 1.0, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("BACKGROUND", (0, 0), (-1, 0), _HEADER_FILL),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5 * styles.scale),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * styles.scale),
            ("LEFTPADDING", (0, 0), (-1, -1), _PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), _PADDING),
        ]
        for index, column in enumerate(self.columns):
            if column not in _CENTERED:
                commands.append(("ALIGN", (index, 1), (index, -1), "LEFT"))
        if self.month_grid:
            commands += [
                ("LEFTPADDING", (self.first_month, 0), (-1, -1), 1),
                ("RIGHTPADDING", (self.first_month, 0), (-1, -1), 1),
                ("FONTSIZE", (self.first_month, 0), (-1, 0), styles.month_size),
            ]
        return commands

    def _cell(self, index: int, column: Column, seq: int, row: TimetableRow) -> object:
        activity = row.activity
        if column is Column.SEQ:
            return str(seq)
        if column is Column.CONTENT:
            return self._content(row)
        if column is Column.TIME:
            return self._time(row.times_text, self.widths[index])
        text = {
            Column.DEADLINE: activity.deadline or _period_text(row),
            Column.PLACE: activity.place,
            Column.LEAD: row.lead_text,
            Column.COOPERATING: row.cooperating_text,
            Column.LEADER: activity.leader or "",
            Column.STATUS: str(activity.status),
        }[column]
        return self._wrapping(text, self.widths[index], centered=column in _CENTERED)

    def _wrapping(self, text: str, width: float, *, centered: bool) -> object:
        """A plain string when it fits on one line (fast), else a wrapping Paragraph."""
        text = printable(text)
        if not text:
            return _EMPTY
        styles = self.styles
        fits = stringWidth(text, styles.font, styles.body_size) <= width - 2 * _PADDING
        if fits and "\n" not in text:
            return text
        return CellParagraph(markup(text), styles.center if centered else styles.left)

    def _time(self, text: str, width: float) -> object:
        """ "14:30—16:30" on one line, or broken after the dash, never inside a time."""
        if not text:
            return _EMPTY
        styles = self.styles
        if stringWidth(text, styles.font, styles.body_size) <= width - 2 * _PADDING:
            return text
        return text.replace("—", "—\n")  # a table draws a string's lines as they are

    def _content(self, row: TimetableRow) -> list[Flowable]:
        """The title, then the description in smaller grey type, then (if needed) the 文号.

        Each is a one-style paragraph: reportlab wraps those far faster than mixed ones.
        """
        styles = self.styles
        title, detail = row.content
        cell: list[Flowable] = [CellParagraph(markup(title), styles.left)]
        if detail and not self.brief:
            cell.append(CellParagraph(markup(detail), styles.detail))
        if self.show_source:
            cell.append(CellParagraph(f"（{markup(row.notice.label)}）", styles.source))
        return cell


def _period_text(row: TimetableRow) -> str:
    period = row.period
    if period is None:
        return ""
    return f"{period.start.month}月{period.start.day}日—{period.end.month}月{period.end.day}日"
