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


def test_the_binding_keeps_no_source_of_the_modules_imported_after_it() -> None:
    """PySide6 looks for "PySide6" in each module imported after it; that must not keep the
    module's lines in linecache (20 MB), and must still tell Qt modules from the others."""
    import subprocess

    probe = (
        "import linecache, sys\n"
        "import unionoffice.gui.window.main_window\n"
        "kept = [name for name in linecache.cache if 'unionoffice' in name]\n"
        "modes = sys.modules['shibokensupport.feature'].pyside_feature_dict\n"
        "print(len(kept), modes['unionoffice.gui.tree.document_tree'],"
        " modes['unionoffice.gui.tree.tree_nodes'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.split() == ["0", "0", "-1"]
