"""Every file dialog's filter, read by Qt itself: a non-native QFileDialog on a folder of
files lists exactly those its filter names (with full-width brackets it listed none)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtWidgets import QFileDialog, QListView

from unionoffice.gui import file_filters

FILES = [
    "通知.docx", "旧通知.doc", "金山.wps", "扫描.pdf", "粘贴.txt", "台账.xlsx", "日程.ics",
    "宋体.ttf", "字体集.ttc", "office.sqlite", "备份.db", "照片.jpg",
]  # fmt: skip
EXPECTED = {
    "import": {"通知.docx", "旧通知.doc", "金山.wps", "扫描.pdf", "粘贴.txt"},
    "word": {"通知.docx"},
    "pdf": {"扫描.pdf"},
    "excel": {"台账.xlsx"},
    "calendar": {"日程.ics"},
    "fonts": {"宋体.ttf", "字体集.ttc"},
    "database": {"office.sqlite", "备份.db"},
    "backup": {"office.sqlite", "备份.db"},
}


def _listed(qtbot, dialog: QFileDialog) -> set[str]:
    view = dialog.findChild(QListView, "listView")
    assert view is not None
    model = view.model()

    def names() -> set[str]:
        root = view.rootIndex()
        return {model.index(row, 0, root).data() for row in range(model.rowCount(root))}

    qtbot.waitUntil(lambda: bool(names()), timeout=5000)
    return names()


@pytest.mark.parametrize("purpose", sorted(file_filters.EVERY_FILTER))
def test_each_filter_lists_its_files(qtbot, tmp_path: Path, purpose: str) -> None:
    for name in FILES:
        (tmp_path / name).write_bytes(b"x")
    dialog = QFileDialog(None, "测试", str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setFilter(QDir.Filter.Files)
    dialog.setNameFilter(file_filters.EVERY_FILTER[purpose])
    assert dialog.selectedNameFilter() == file_filters.EVERY_FILTER[purpose].split(";;")[0]
    dialog.show()
    assert _listed(qtbot, dialog) == EXPECTED[purpose]
    dialog.close()


def test_no_filter_is_written_with_full_width_brackets() -> None:
    source = Path(file_filters.__file__).resolve().parents[1]
    offenders = [
        str(path.relative_to(source))
        for path in source.rglob("*.py")
        if "（*." in path.read_text(encoding="utf-8") and path.name != "file_filters.py"
    ]
    assert offenders == []
