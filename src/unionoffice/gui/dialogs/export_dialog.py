"""The 导出 Word dialog: where to save, which template, how the activity plan is laid out.

One notice is saved to a file (the default name is the 文号 and title); several go into a
folder. The template and plan layout chosen last time are offered again (Settings). The
layout is ui/export_dialog.ui.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from unionoffice.exporting.docx import (
    DEFAULT_TEMPLATE,
    PlanLayout,
    TemplateInfo,
    available_templates,
)
from unionoffice.gui import file_filters
from unionoffice.gui.forms import child, load_form
from unionoffice.gui.settings import Settings
from unionoffice.output_files import expand_home

PLAN_CHOICES: list[tuple[str, PlanLayout | None]] = [
    ("按模板的设置", None),
    ("段落：（一）活动…… 完成时限：…… 牵头部门：……", PlanLayout.PARAGRAPHS),
    ("表格：序号 | 活动内容 | 完成时限 | 牵头部门 | 配合部门", PlanLayout.TABLE),
]


@dataclass(frozen=True)
class ExportChoice:
    """What the clerk chose: a file (one notice) or a folder (several), template, layout."""

    target: Path
    template: str
    plan_layout: PlanLayout | None
    open_after: bool


def template_label(info: TemplateInfo) -> str:
    return info.name if info.shipped else f"{info.name}（自定义模板）"


def plan_layout_from_setting(value: str) -> PlanLayout | None:
    try:
        return PlanLayout(value) if value else None
    except ValueError:
        return None


def fill_template_combo(combo: QComboBox, templates: list[TemplateInfo], wanted: str) -> None:
    """The templates to choose from, ``wanted`` (else 文件式) selected; the path as tooltip."""
    for info in templates:
        combo.addItem(template_label(info), info.name)
        combo.setItemData(combo.count() - 1, str(info.path), Qt.ItemDataRole.ToolTipRole)
    index = combo.findData(wanted or DEFAULT_TEMPLATE)
    if index < 0:
        index = max(combo.findData(DEFAULT_TEMPLATE), 0)
    combo.setCurrentIndex(index)


def fill_plan_combo(combo: QComboBox, wanted: str) -> None:
    """段落 / 表格 / as the template says, with the stored choice selected."""
    for text, layout in PLAN_CHOICES:
        combo.addItem(text, layout.value if layout else "")
    combo.setCurrentIndex(max(combo.findData(wanted), 0))


class ExportDialog(QDialog):
    """Asks for the target and the layout; ``accept`` checks the target and remembers choices."""

    def __init__(
        self,
        settings: Settings,
        *,
        default_file: Path | None = None,
        default_folder: Path | None = None,
        count: int = 1,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        load_form("export_dialog", self)
        self.settings = settings
        self.batch = default_file is None
        if self.batch:
            self.setWindowTitle("批量导出 Word")
        self.target = child(self, QLineEdit, "target")
        self.target.setText(str(default_folder or "") if self.batch else str(default_file))
        child(self, QPushButton, "browse_button").clicked.connect(self.browse)
        if self.batch:
            child(self, QLabel, "target_label").setText("导出到文件夹")

        self.templates = available_templates()
        self.template = child(self, QComboBox, "template")
        fill_template_combo(self.template, self.templates, settings.export_template)
        self.plan = child(self, QComboBox, "plan")
        fill_plan_combo(self.plan, settings.export_plan_layout)
        self.open_after = child(self, QCheckBox, "open_after")
        if self.batch:
            self.open_after.setText("导出后打开所在文件夹")
        self.open_after.setChecked(settings.open_after_export)

        note = child(self, QLabel, "note")
        note.setText(f"将导出 {count} 件公文，每件一个文件，文件名为“文号 标题.docx”。")
        note.setVisible(self.batch)
        self.error_label = child(self, QLabel, "error_label")
        self.error_label.hide()
        # What was wrong with the target goes once the target changes (browsed or typed).
        self.target.textChanged.connect(lambda _text: self.error_label.hide())
        buttons = child(self, QDialogButtonBox, "buttons")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            f"导出 {count} 件" if self.batch else "导出"
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def browse(self) -> None:
        current = self.target.text().strip()
        if self.batch:
            chosen = QFileDialog.getExistingDirectory(self, "选择导出文件夹", current)
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, "导出 Word", current, file_filters.WORD)
        if chosen:
            self.target.setText(chosen)

    def choice(self) -> ExportChoice:
        target = expand_home(self.target.text().strip())
        if not self.batch and target.suffix.lower() != ".docx":
            target = target.with_name(target.name + ".docx")
        return ExportChoice(
            target=target,
            template=str(self.template.currentData() or DEFAULT_TEMPLATE),
            plan_layout=plan_layout_from_setting(str(self.plan.currentData() or "")),
            open_after=self.open_after.isChecked(),
        )

    def accept(self) -> None:
        problem = self._problem()
        if problem:
            self.error_label.setText(problem)
            self.error_label.show()
            return
        choice = self.choice()
        self.settings.export_template = choice.template
        self.settings.export_plan_layout = choice.plan_layout.value if choice.plan_layout else ""
        self.settings.open_after_export = choice.open_after
        folder = choice.target if self.batch else choice.target.parent
        self.settings.export_folder = str(folder)
        super().accept()

    def _problem(self) -> str:
        text = self.target.text().strip()
        if not text:
            return "请选择导出到哪个文件夹。" if self.batch else "请填写文件名。"
        target = expand_home(text)
        if self.batch:
            return "" if not target.is_file() else f"“{target}”是一个文件，不是文件夹。"
        if target.is_dir():
            return f"“{target}”是一个文件夹，请填写文件名。"
        if not target.parent.is_dir():
            return f"文件夹“{target.parent}”不存在。"
        return ""
