"""The installed Qt binding keeps Python's reference counts (PySide6 6.12.0 on Python 3.11 did
not: every void call dropped a reference to None, and painting a large calendar crashed)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter


def test_void_painter_calls_keep_none_alive(qapp) -> None:
    image = QImage(20, 20, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        before = sys.getrefcount(None)
        for _ in range(500):
            painter.setPen(QColor("#333333"))
            painter.drawRoundedRect(QRectF(0, 0, 10, 10), 3, 3)
        after = sys.getrefcount(None)
    finally:
        painter.end()
    assert after - before > -100, "this PySide6 drops references to None: see pyproject.toml"
