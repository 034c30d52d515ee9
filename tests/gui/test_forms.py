"""The Designer forms in ui/: each loads, each is used, and each has every child the code asks
for by name, with the type the code expects (read from the code itself, so a widget renamed in
Designer fails here, not in a clerk's hands)."""

from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6 import QtWidgets
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton, QWidget, QWizardPage

from unionoffice.gui import assets, forms
from unionoffice.gui.forms import FormError, child, fill_slot, load_form

GUI = Path(forms.__file__).resolve().parent
UI = assets.asset_dir("ui")


@dataclass
class FormUse:
    """What one class of the gui package does with forms: which it loads, which children
    (name → Qt class name) and placeholders it takes, and its base classes in the module."""

    forms: set[str] = field(default_factory=set)
    children: dict[str, str] = field(default_factory=dict)
    slots: set[str] = field(default_factory=set)
    bases: list[str] = field(default_factory=list)


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _class_uses(tree: ast.Module, form_names: set[str]) -> dict[str, FormUse]:
    uses: dict[str, FormUse] = {}
    for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
        use = uses.setdefault(cls.name, FormUse())
        use.bases = [b.id for b in cls.bases if isinstance(b, ast.Name)]
        for call in (n for n in ast.walk(cls) if isinstance(n, ast.Call)):
            name = call.func.id if isinstance(call.func, ast.Name) else None
            if name == "load_form" or (
                isinstance(call.func, ast.Attribute) and call.func.attr == "__init__"
            ):  # load_form("x", self), or super().__init__("x", ...) of a page class
                use.forms |= {s for a in call.args if (s := _literal(a)) in form_names}
            elif name == "child" and len(call.args) == 3:
                kind, widget = call.args[1], _literal(call.args[2])
                if isinstance(kind, ast.Name) and widget is not None:
                    use.children[widget] = kind.id
            elif name == "fill_slot" and (slot := _literal(call.args[1])) is not None:
                use.slots.add(slot)
    return uses


def _inherited(uses: dict[str, FormUse], name: str) -> FormUse:
    """A class's use with what its base classes in the same module take."""
    own = uses[name]
    total = FormUse(set(own.forms), dict(own.children), set(own.slots))
    for base in own.bases:
        if base in uses:
            parent = _inherited(uses, base)
            total.children = {**parent.children, **total.children}
            total.slots |= parent.slots
    return total


def code_uses() -> dict[str, FormUse]:
    """Every form the gui package loads, with all the children its classes take from it."""
    form_names = {path.stem for path in UI.glob("*.ui")}
    by_form: dict[str, FormUse] = {}
    for module in sorted(GUI.rglob("*.py")):
        uses = _class_uses(ast.parse(module.read_text(encoding="utf-8")), form_names)
        for name in uses:
            use = _inherited(uses, name)
            for form in use.forms:
                found = by_form.setdefault(form, FormUse())
                found.children.update(use.children)
                found.slots |= use.slots
    return by_form


def _root_class(form: str) -> type[QWidget]:
    root = ElementTree.parse(UI / f"{form}.ui").getroot().find("widget")
    assert root is not None, f"{form}.ui has no root widget"
    return {"QDialog": QDialog, "QWizardPage": QWizardPage, "QWidget": QWidget}[root.get("class")]


USES = code_uses()


def test_every_form_is_used_by_the_code_and_every_form_used_exists() -> None:
    files = {path.stem for path in UI.glob("*.ui")}
    assert files == set(USES), f"unused: {files - set(USES)}, missing: {set(USES) - files}"
    expected = {
        "notice_editor", "settings_dialog", "organ_settings", "holiday_editor",
        "first_run_welcome", "first_run_organ", "first_run_series", "first_run_departments",
        "first_run_summary", "export_dialog", "backup_dialog", "timetable_dialog", "help_dialog",
        "merge_departments", "connection_dialog", "template_settings", "office_header_dialog",
    }  # fmt: skip
    assert files == expected


@pytest.mark.parametrize("form", sorted(USES))
def test_form_has_every_child_the_code_takes(qtbot, form: str) -> None:
    base = _root_class(form)()
    qtbot.addWidget(base)
    assert load_form(form, base) is base
    use = USES[form]
    assert use.children, f"no code takes a child of {form}.ui"
    for name, kind in use.children.items():
        assert child(base, getattr(QtWidgets, kind), name).objectName() == name
    for slot in use.slots:
        placeholder = child(base, QWidget, slot)
        assert not placeholder.findChildren(QWidget), f"{slot} should be an empty placeholder"


@pytest.mark.parametrize("form", sorted(USES))
def test_form_compiles_with_uic_as_designer_files_do(form: str) -> None:
    """pyside6-uic reads the file as Designer writes it: the forms stay Designer's to edit."""
    uic = Path(sys.executable).with_name("pyside6-uic")
    result = subprocess.run(
        [str(uic), str(UI / f"{form}.ui")], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "def setupUi" in result.stdout


def test_child_names_what_is_missing_or_of_another_type(qtbot) -> None:
    dialog = load_form("export_dialog", QDialog())
    qtbot.addWidget(dialog)
    assert isinstance(child(dialog, QLineEdit, "target"), QLineEdit)
    with pytest.raises(FormError, match=r"ui/export_dialog\.ui has no QLineEdit named nothing"):
        child(dialog, QLineEdit, "nothing")
    with pytest.raises(FormError, match="target is a QLineEdit, not a QPushButton"):
        child(dialog, QPushButton, "target")


def test_missing_form_file_is_named(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    with pytest.raises(FormError, match=r"no_such_form\.ui is missing"):
        load_form("no_such_form", widget)


def test_fill_slot_puts_a_code_made_widget_into_the_placeholder(qtbot) -> None:
    from unionoffice.gui.editor.body_editor import BodyEditor

    page = load_form("notice_editor", QWidget())
    qtbot.addWidget(page)
    body = BodyEditor()
    fill_slot(page, "body_slot", body)
    assert body.parentWidget() is child(page, QWidget, "body_slot")


def test_installed_copy_is_preferred_to_the_checkout(tmp_path, monkeypatch) -> None:
    """In a wheel or the bundle the forms are package data, unionoffice/ui."""
    installed = tmp_path / "unionoffice"
    (installed / "ui").mkdir(parents=True)
    (installed / "ui" / "export_dialog.ui").write_bytes((UI / "export_dialog.ui").read_bytes())
    monkeypatch.setattr(assets, "PACKAGE", installed)
    assets.asset_dir.cache_clear()
    try:
        assert forms.form_file("export_dialog") == str(installed / "ui" / "export_dialog.ui")
        with pytest.raises(FormError, match=r"backup_dialog\.ui is missing"):
            forms.form_file("backup_dialog")
    finally:
        monkeypatch.undo()
        assets.asset_dir.cache_clear()
    assert Path(forms.form_file("backup_dialog")).parent == UI


def test_error_label_of_a_form_is_the_one_the_code_shows(qtbot, settings) -> None:
    """A form's widgets are the dialog's own: what the code does to them is on screen."""
    from unionoffice.gui.dialogs.export_dialog import ExportDialog

    dialog = ExportDialog(settings, default_file=Path("/nonexistent-folder/x.docx"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    label = child(dialog, QLabel, "error_label")
    assert label is dialog.error_label and label.isVisible()
    assert "不存在" in label.text()
