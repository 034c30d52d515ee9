"""页面预览: the notice's pages as they will print, beside the editor, read-only.

The layout (lines of 28 字, pages of 22 lines, the 红头, the 版记) is worked out by
domain.notice_layout; this widget only paints it on A4 pages scaled to the panel's width. It
lays the notice out again a moment after the clerk stops typing: an edit only restarts a timer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
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
from unionoffice.domain.notice_layout import layout_notice
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

PAGE_GAP_PX = 12
PAGE_NUMBER_BELOW_MM = 7.0  # 页码 7 mm under the text block
PAGE_NUMBER_SIZE_PT = 14.0
RED = QColor("#e60000")
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
    Role.HEADING2: "kai",
}


def _title_needs_bold() -> bool:
    """Without a 小标宋 or 中宋 installed, a bold Song face looks closest."""
    installed = set(QFontDatabase.families())
    return not any(name in installed for name in _FONTS["title"][:4])


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
        scale = self.scale()
        painter.fillRect(rect.translated(2, 2), QColor(0, 0, 0, 60))
        painter.fillRect(rect, Qt.GlobalColor.white)
        left = rect.left() + LEFT_MARGIN_MM * scale
        top = rect.top() + TOP_MARGIN_MM * scale
        for rule in page.rules:
            height = max(1.0, rule.thickness_mm * scale)
            painter.fillRect(
                QRectF(left, top + rule.top_mm * scale, TEXT_WIDTH_MM * scale, height),
                RED if rule.red else Qt.GlobalColor.black,
            )
        for line in page.lines:
            if line.text:
                self._paint_line(painter, line, left, top, scale)
        self._paint_page_number(painter, page.number, left, top, scale)

    def _font(self, role: Role, size_pt: float, scale: float) -> QFont:
        kind = _ROLE_FONTS.get(role, "body")
        font = QFont()
        font.setFamilies(_FONTS[kind])
        font.setPixelSize(max(1, round(size_pt * MM_PER_PT * scale)))
        if kind == "title" and self._bold_titles:
            font.setWeight(QFont.Weight.Bold)
        return font

    def _paint_line(
        self, painter: QPainter, line: Line, left: float, top: float, scale: float
    ) -> None:
        font = self._font(line.role, line.size_pt, scale)
        room = (line.right_mm - line.left_mm) * scale
        on_grid = text_width(line.text) * line.char_mm * scale
        natural = QFontMetricsF(font).horizontalAdvance(line.text)
        count = len(line.text)
        # characters sit on the grid of their 字; a justified line runs to the margin
        if line.align is Align.JUSTIFY and count > 1:
            target = max(room, on_grid)
            font.setLetterSpacing(
                QFont.SpacingType.AbsoluteSpacing, (target - natural) / (count - 1)
            )
        elif line.role is not Role.LETTERHEAD:
            target = on_grid
            font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, (target - natural) / count)
        else:
            target = natural
        metrics = QFontMetricsF(font)
        x = left + line.left_mm * scale
        if line.align is Align.CENTER:
            x += (room - min(target, room)) / 2
        elif line.align is Align.RIGHT:
            x += room - target
        height = line.height_mm * scale
        baseline = top + line.top_mm * scale + (height + metrics.ascent() - metrics.descent()) / 2
        painter.setFont(font)
        painter.setPen(QPen(RED if line.red else QColor("#111111")))
        if target > room * 1.02 and line.align is Align.CENTER:
            # the 标志 narrowed to the text block, as the Word export scales it
            painter.save()
            painter.translate(x, baseline)
            painter.scale(room / target, 1.0)
            painter.drawText(0, 0, line.text)
            painter.restore()
        else:
            painter.drawText(round(x), round(baseline), line.text)

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
        delay_ms: int = 400,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._letterhead = letterhead
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(heading)
        layout.addWidget(self.scroll_area, 1)

    def page_count(self) -> int:
        return len(self.canvas.pages)

    def pages(self) -> list[Page]:
        return list(self.canvas.pages)

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
        pages = layout_notice(notice, self._letterhead(notice))
        self.canvas.set_pages(pages)
        self.summary.setText(f"共 {len(pages)} 页")
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
