"""页面预览: the notice's pages as they will print, beside the editor, read-only.

The layout (lines of 28 字, pages of 22 lines, the 红头, the plan as a 附件, the 版记 on an
even last page) is worked out by domain.notice_layout, the same layout the Word export writes,
so the pages here are the pages printed; this widget only paints them on A4 pages scaled to
the panel's width. A missing 成文日期 is marked; where the machine lacks a font of the notice
the panel says which one it shows instead. It lays the notice out again a moment after the
clerk stops typing: an edit only restarts a timer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from unionoffice.domain.notice import NoticeData
from unionoffice.domain.notice_body import OrganDefaults
from unionoffice.domain.notice_layout import lay_out_notice
from unionoffice.domain.notice_text import autospace, char_width
from unionoffice.domain.page_layout import (
    LEFT_MARGIN_MM,
    MM_PER_PT,
    PAGE_HEIGHT_MM,
    PAGE_WIDTH_MM,
    TEXT_HEIGHT_MM,
    TEXT_WIDTH_MM,
    TOP_MARGIN_MM,
    Align,
    Line,
    Page,
    Role,
    text_width,
)
from unionoffice.domain.page_spec import GBT9704

PAGE_GAP_PX = 12
PAGE_NUMBER_BELOW_MM = GBT9704.page_number_below_mm  # 页码 7 mm under the text block
PAGE_NUMBER_SIZE_PT = GBT9704.page_number_size_pt
RED = QColor("#e60000")
PLACEHOLDER = QColor("#ffe08a")  # behind a field still to fill in (成文日期)
_SONG = ["宋体", "SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC"]
_FONTS: dict[str, list[str]] = {
    "body": ["仿宋_GB2312", "仿宋", "FangSong", "STFangsong", *_SONG],
    "hei": ["黑体", "SimHei", "Heiti SC", "Noto Sans CJK SC", "WenQuanYi Zen Hei"],
    "kai": ["楷体_GB2312", "楷体", "KaiTi", "STKaiti", "AR PL UKai CN", *_SONG],
    "title": ["方正小标宋简体", "方正小标宋_GBK", "华文中宋", "STZhongsong", *_SONG],
    "song": _SONG,
}
_ROLE_FONTS = {
    Role.LETTERHEAD: "title",
    Role.TITLE: "title",
    Role.ATTACHMENT_TITLE: "title",
    Role.HEADING1: "hei",
    Role.ATTACHMENT_LABEL: "hei",
    Role.TABLE_HEADER: "hei",
    Role.HEADING2: "kai",
    Role.SECRECY: "hei",
    Role.ATTENDANCE: "hei",
    Role.URGENCY: "hei",
}
# The fonts the notice names (its template's, Windows names first), as a clerk reads them.
_NAMED = {"body": 2, "hei": 1, "kai": 2, "title": 2}


def _title_needs_bold() -> bool:
    """Without a 小标宋 or 中宋 installed, a bold Song face looks closest."""
    installed = set(QFontDatabase.families())
    return not any(name in installed for name in _FONTS["title"][:4])


def font_substitutions() -> list[str]:
    """The notice's fonts this machine lacks and what the preview shows instead."""
    installed = set(QFontDatabase.families())
    notes = []
    for kind, named in _NAMED.items():
        names = _FONTS[kind]
        if any(name in installed for name in names[:named]):
            continue
        stand_in = next((name for name in names[named:] if name in installed), "系统默认字体")
        notes.append(f"{'/'.join(names[:named])}→{stand_in}")
    return notes


class PageCanvas(QWidget):
    """Paints pages one under the other, each an A4 sheet as wide as the panel allows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages: list[Page] = []
        self._bold_titles = _title_needs_bold()
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor("#8c8c8c"))
        self.setPalette(palette)

    def set_pages(self, pages: Sequence[Page]) -> None:
        self.pages = list(pages)
        self._fit_height()
        self.update()

    def scale(self) -> float:
        """Pixels per millimetre."""
        return max(0.5, (self.width() - 2 * PAGE_GAP_PX) / PAGE_WIDTH_MM)

    def page_rect(self, index: int) -> QRectF:
        scale = self.scale()
        height = PAGE_HEIGHT_MM * scale
        return QRectF(PAGE_GAP_PX, PAGE_GAP_PX + index * (height + PAGE_GAP_PX),
                      PAGE_WIDTH_MM * scale, height)  # fmt: skip

    def _fit_height(self) -> None:
        count = max(1, len(self.pages))
        self.setMinimumHeight(int(self.page_rect(count - 1).bottom()) + PAGE_GAP_PX)

    def sizeHint(self) -> QSize:
        return QSize(360, 500)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        visible = QRectF(event.rect())
        for index, page in enumerate(self.pages):
            rect = self.page_rect(index)
            if rect.intersects(visible):
                self._paint_page(painter, page, rect)
        painter.end()

    def _paint_page(self, painter: QPainter, page: Page, rect: QRectF) -> None:
        painter.fillRect(rect.translated(2, 2), QColor(0, 0, 0, 60))
        self.paint_sheet(painter, page, rect, self.scale())

    def paint_sheet(self, painter: QPainter, page: Page, rect: QRectF, scale: float) -> None:
        """One A4 sheet in ``rect`` at ``scale`` pixels per millimetre: on the screen, and on
        a printer's page (printing.py), so that paper shows what the preview shows."""
        painter.fillRect(rect, Qt.GlobalColor.white)
        left = rect.left() + LEFT_MARGIN_MM * scale
        top = rect.top() + TOP_MARGIN_MM * scale
        for rule in page.rules:
            thickness = max(1.0, rule.thickness_mm * scale)
            x, y = left + rule.left_mm * scale, top + rule.top_mm * scale
            length = rule.length_mm * scale
            if rule.vertical:
                box = QRectF(x, y, thickness, length)
            else:
                box = QRectF(x, y, length, thickness)
            painter.fillRect(box, RED if rule.red else Qt.GlobalColor.black)
        for line in page.lines:
            if line.text:
                self._paint_line(painter, line, left, top, scale)
        if page.numbered:
            self._paint_page_number(painter, page.number, left, top, scale)

    def _font(self, role: Role, size_pt: float, scale: float, *, body: bool = False) -> QFont:
        kind = "body" if body else _ROLE_FONTS.get(role, "body")
        font = QFont()
        font.setFamilies(_FONTS[kind])
        font.setPixelSize(max(1, round(size_pt * MM_PER_PT * scale)))
        if kind == "title" and self._bold_titles:
            font.setWeight(QFont.Weight.Bold)
        if role is Role.TABLE_HEADER:
            font.setWeight(QFont.Weight.Bold)
        return font

    def _segments(self, line: Line, scale: float) -> list[tuple[str, QFont]]:
        """The line's text in its fonts: a heading sentence in the heading font (or bold in a
        table), the rest as body text."""
        font = self._font(line.role, line.size_pt, scale)
        if line.role is Role.ISSUER:  # 签发人： in the body font, the names in 楷体
            names = self._font(Role.HEADING2, line.size_pt, scale)
            label, colon, rest = line.text.rpartition("：")
            return [(label + colon, font), (rest, names)]
        if line.head_chars < 0 or line.head_chars >= len(line.text):
            return [(line.text, font)]
        body = self._font(line.role, line.size_pt, scale, body=True)
        if line.role is Role.TABLE_TEXT:
            font = QFont(body)
            font.setWeight(QFont.Weight.Bold)
        head, rest = line.text[: line.head_chars], line.text[line.head_chars :]
        return [(text, f) for text, f in ((head, font), (rest, body)) if text]

    def _paint_line(
        self, painter: QPainter, line: Line, left: float, top: float, scale: float
    ) -> None:
        room = (line.right_mm - line.left_mm) * scale
        on_grid = text_width(line.text) * line.char_mm * scale
        segments = self._segments(line, scale)
        height = line.height_mm * scale
        # Measured on the device painted on: a printer's text advances differ from a screen's.
        device = painter.device()
        metrics = QFontMetricsF(segments[0][1], device)
        baseline = top + line.top_mm * scale + (height + metrics.ascent() - metrics.descent()) / 2
        x = left + line.left_mm * scale
        if line.role is Role.LETTERHEAD:
            self._paint_letterhead(painter, line, segments[0][1], x, baseline, room)
            return
        # characters sit on the grid of their 字; a justified line runs to the margin
        target = max(room, on_grid) if line.align is Align.JUSTIFY else on_grid
        if line.align is Align.CENTER:
            x += (room - min(target, room)) / 2
        elif line.align is Align.RIGHT:
            x += room - target
        if line.placeholder:
            painter.fillRect(QRectF(x, top + line.top_mm * scale, target, height), PLACEHOLDER)
        # Each character at its place on the grid (as the layout measured it), the space a
        # justified line has left shared between its gaps as Word does. Placing characters,
        # not stretching fonts, gives the same page on a screen and on a 1200 dpi printer.
        unit = line.char_mm * scale
        text = line.text
        gaps = len(text) - 1
        extra = (target - on_grid) / gaps if line.align is Align.JUSTIFY and gaps > 0 else 0.0
        painter.setPen(QPen(RED if line.red else QColor("#111111")))
        index = 0
        for piece, font in segments:
            painter.setFont(font)
            for char in piece:
                painter.drawText(QPointF(x, baseline), char)
                following = text[index + 1] if index + 1 < len(text) else ""
                x += (char_width(char) + autospace(char, following)) * unit + extra
                index += 1

    def _paint_letterhead(
        self, painter: QPainter, line: Line, font: QFont, x: float, baseline: float, room: float
    ) -> None:
        """The 标志 narrowed to the text block, as the Word export scales it."""
        target = QFontMetricsF(font, painter.device()).horizontalAdvance(line.text)
        painter.setFont(font)
        painter.setPen(QPen(RED))
        if target > room * 1.02:
            painter.save()
            painter.translate(x, baseline)
            painter.scale(room / target, 1.0)
            painter.drawText(0, 0, line.text)
            painter.restore()
        else:
            painter.drawText(round(x + (room - target) / 2), round(baseline), line.text)

    def _paint_page_number(
        self, painter: QPainter, number: int, left: float, top: float, scale: float
    ) -> None:
        """— N —: odd pages 右空一字, even pages 左空一字."""
        font = self._font(Role.BODY, PAGE_NUMBER_SIZE_PT, scale)
        font.setFamilies(_FONTS["song"])
        painter.setFont(font)
        painter.setPen(QColor("#111111"))
        char = PAGE_NUMBER_SIZE_PT * MM_PER_PT * scale
        y = top + (TEXT_HEIGHT_MM + PAGE_NUMBER_BELOW_MM) * scale
        box = QRectF(left + char, y, TEXT_WIDTH_MM * scale - 2 * char, char * 1.5)
        align = Qt.AlignmentFlag.AlignRight if number % 2 else Qt.AlignmentFlag.AlignLeft
        painter.drawText(box, int(align | Qt.AlignmentFlag.AlignTop), f"— {number} —")


class PagePreview(QWidget):
    """The 页面预览 panel: pages of the notice the editor holds, laid out after a pause."""

    updated = Signal(int)  # the number of pages after each new layout

    def __init__(
        self,
        source: Callable[[], NoticeData],
        letterhead: Callable[[NoticeData], str] = lambda _notice: "",
        *,
        defaults: Callable[[NoticeData], OrganDefaults] = lambda _notice: OrganDefaults(),
        delay_ms: int = 400,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._letterhead = letterhead
        self._defaults = defaults
        self.warnings: list[str] = []
        self._stale = True
        self._timer = QTimer(self)
        self._timer.setObjectName("page_preview_delay")
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.refresh)

        self.canvas = PageCanvas(self)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.canvas)
        self.summary = QLabel(self)
        self.summary.setStyleSheet("color: #555;")
        heading = QHBoxLayout()
        heading.addWidget(QLabel("页面预览（A4，GB/T 9704）", self))
        heading.addStretch(1)
        heading.addWidget(self.summary)
        substitutes = font_substitutions()
        self.font_note = QLabel(self)
        self.font_note.setWordWrap(True)
        self.font_note.setStyleSheet("color: #8a5a00;")
        self.font_note.setText(
            f"本机缺少公文字体，预览以其他字体代替：{'；'.join(substitutes)}" if substitutes else ""
        )
        self.font_note.setVisible(bool(substitutes))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(heading)
        layout.addWidget(self.font_note)
        layout.addWidget(self.scroll_area, 1)

    def page_count(self) -> int:
        return len(self.canvas.pages)

    def pages(self) -> list[Page]:
        return list(self.canvas.pages)

    def current_pages(self) -> list[Page]:
        """The pages of the notice as it stands now (laid out first if an edit is pending)."""
        if self._stale or self.is_pending():
            self.refresh()
        return self.pages()

    def is_pending(self) -> bool:
        """True while an edit waits for the pause before the next layout."""
        return self._timer.isActive()

    def schedule(self) -> None:
        """Lay the notice out again after the pause (an edit only restarts the timer)."""
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def refresh(self) -> None:
        """Lay out and paint the notice as it stands now."""
        self._timer.stop()
        self._stale = False
        notice = self._source()
        layout = lay_out_notice(notice, self._letterhead(notice), defaults=self._defaults(notice))
        pages = layout.pages
        self.warnings = layout.warnings
        self.canvas.set_pages(pages)
        missing = "，未填成文日期" if notice.date is None else ""
        self.summary.setText(f"共 {len(pages)} 页{missing}")
        self.summary.setToolTip("\n".join(self.warnings))
        self.updated.emit(len(pages))

    def stop(self) -> None:
        self._timer.stop()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def hideEvent(self, event: object) -> None:
        self._timer.stop()  # laid out again when shown
        super().hideEvent(event)  # type: ignore[arg-type]
