"""逐项选择: after a save conflict, the parts that differ side by side, each kept from one side.

One row a part (标题, 主送机关, 正文, one row per activity that differs): what the clerk wrote,
what the database holds, and a choice of which to keep. The result goes back into the editor,
saved at once, where the clerk can go on changing it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from unionoffice.domain.notice_merge import ConflictPart

KEEP_MINE, KEEP_THEIRS = "保留我的", "采用对方的"
COLUMNS = ("内容", "您的版本", "数据库中的版本", "保留")


class ConflictDialog(QDialog):
    """The parts of a conflict, each with 保留我的 / 采用对方的 (default: mine)."""

    def __init__(self, parts: list[ConflictPart], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parts = parts
        self.setWindowTitle("逐项选择保留的内容")
        intro = QLabel(
            "其他用户在您编辑时保存了这篇公文。请逐项选择保留哪一方的内容；"
            "确定后按所选内容保存，结果显示在编辑器中，可以继续修改。",
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(parts), len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.choices: list[QComboBox] = []
        for row, part in enumerate(parts):
            for column, text in enumerate((part.label, part.mine, part.theirs)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
            choice = QComboBox(self.table)
            choice.addItems([KEEP_MINE, KEEP_THEIRS])
            self.table.setCellWidget(row, 3, choice)
            self.choices.append(choice)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(880, 170 + 60 * min(len(parts), 8))

    def choose(self, key: str, theirs: bool) -> None:
        """Keep ``key``'s part from the database (``theirs``) or from the clerk's copy."""
        row = next(i for i, part in enumerate(self.parts) if part.key == key)
        self.choices[row].setCurrentText(KEEP_THEIRS if theirs else KEEP_MINE)

    def taken_from_theirs(self) -> set[str]:
        return {
            part.key
            for part, choice in zip(self.parts, self.choices, strict=True)
            if choice.currentText() == KEEP_THEIRS
        }
