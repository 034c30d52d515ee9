"""Qt Designer forms from ui/, loaded at run time and filled into the widget that shows them.

``load_form("export_dialog", self)`` builds ui/export_dialog.ui into ``self``: the form's root
(a QDialog, QWidget or QWizardPage in Designer) *is* ``self``, so its layout, title and
children become the dialog's own, as pyside6-uic's ``setupUi(self)`` would make them. Code
then takes the children it works with by name and type, ``child(self, QLineEdit, "title")``,
which fails at once, naming the form and the widget, when a form lacks a name the code needs.

QUiLoader is made once, on the first form: the dialogs and editors that use forms are
imported when first opened, so start-up never loads QtUiTools.
"""

from __future__ import annotations

import functools
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QVBoxLayout, QWidget

from unionoffice.gui.assets import MissingAsset, asset_file

W = TypeVar("W", bound=QObject)


class FormError(LookupError):
    """A form does not match the code that uses it: a missing file or a missing child."""


class _IntoWidgetLoader(QUiLoader):
    """A QUiLoader that builds the form's root into an existing widget, not a new one."""

    def __init__(self) -> None:
        super().__init__()
        # No Designer plugins: every form uses Qt's own widgets (custom ones go into
        # placeholders from code), and scanning plugin folders would only cost time.
        self.clearPluginPaths()
        self.base: QWidget | None = None

    def createWidget(
        self, className: str, parent: QWidget | None = None, name: str = ""
    ) -> QWidget:
        if parent is None and self.base is not None:
            base, self.base = self.base, None
            return base
        return super().createWidget(className, parent, name)


@functools.cache
def _loader() -> _IntoWidgetLoader:
    return _IntoWidgetLoader()


def form_file(name: str) -> str:
    """The path of ui/NAME.ui (installed or in the checkout)."""
    try:
        return str(asset_file("ui", f"{name}.ui"))
    except MissingAsset as exc:
        raise FormError(str(exc)) from exc


def load_form(name: str, base: W) -> W:
    """Build ui/NAME.ui into ``base`` (its layout, properties and children); ``base``."""
    assert isinstance(base, QWidget)
    loader = _loader()
    loader.base = base
    try:
        built = loader.load(form_file(name))
    finally:
        loader.base = None
    if built is not base:
        raise FormError(f"ui/{name}.ui: {loader.errorString() or 'not a form'}")
    base.setProperty("form", name)  # for the messages of child()
    return base


def child(form: QObject, kind: type[W], name: str) -> W:
    """The child ``name`` of a loaded form, as ``kind``; FormError when it is not there."""
    found = form.findChild(kind, name)
    if found is not None:
        return found
    where = f"ui/{form.property('form') or type(form).__name__}.ui"
    other = form.findChild(QObject, name)
    if other is not None:
        raise FormError(f"{where}: {name} is a {type(other).__name__}, not a {kind.__name__}")
    raise FormError(f"{where} has no {kind.__name__} named {name}")


def fill_slot(form: QObject, name: str, widget: QWidget) -> None:
    """Put a widget made in code (one Designer does not know) into the form's placeholder
    ``name``, an empty QWidget, filling it."""
    slot = child(form, QWidget, name)
    layout = slot.layout()
    if layout is None:
        layout = QVBoxLayout(slot)
        layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)
