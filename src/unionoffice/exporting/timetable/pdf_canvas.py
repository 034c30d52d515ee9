"""A reportlab canvas that knows the page count when it draws each page's footer, so a table
of any length is laid out once and still says "第 N 页 共 M 页"."""

from __future__ import annotations

from typing import Any

from reportlab.pdfgen.canvas import Canvas


class NumberedCanvas(Canvas):
    """Keeps every page's drawing until ``save`` and then stamps "第 N 页 共 M 页" on each.

    ``pages_seen`` (a list the caller passes) receives the page count.
    """

    def __init__(
        self,
        *args: Any,
        footer_font: str,
        footer_size: float,
        footer_margin: float,
        pages_seen: list[int] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._saved_pages: list[dict[str, Any]] = []
        self._footer_font = footer_font
        self._footer_size = footer_size
        self._footer_margin = footer_margin
        self._pages_seen = pages_seen

    def showPage(self) -> None:  # reportlab's name
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved_pages)
        for state in self._saved_pages:
            self.__dict__.update(state)
            self._draw_footer(total)
            super().showPage()
        if self._pages_seen is not None:
            self._pages_seen.append(total)
        super().save()

    def _draw_footer(self, total: int) -> None:
        width = self._pagesize[0]
        self.saveState()
        self.setFont(self._footer_font, self._footer_size)
        self.drawCentredString(
            width / 2, self._footer_margin, f"第 {self._pageNumber} 页 共 {total} 页"
        )
        self.restoreState()
