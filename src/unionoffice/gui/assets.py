"""The files the window reads at run time: Designer forms (ui/) and icons (resources/).

They sit at the top of a checkout, where an engineer edits them; the wheel (setup.py) and the
PyInstaller bundle (packaging/unionoffice.spec) carry them as ``unionoffice/ui`` and
``unionoffice/resources`` package data. So the lookup is: the package's copy when there is
one, else the checkout's, as for the Word templates. The package folder is found from this
module's file (importlib.resources would add milliseconds of imports to every start); the
bundle gives its modules such paths inside its folder too.
"""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtGui import QIcon

APP_ICON = "unionoffice"
PACKAGE = Path(__file__).resolve().parents[1]  # unionoffice/: installed, bundled or in src/
CHECKOUT = PACKAGE.parents[1]  # the top of a source checkout, when PACKAGE is src/unionoffice


class MissingAsset(LookupError):
    """A form or an icon the code names is not where the program looks (a broken install)."""


@functools.cache
def asset_dir(folder: str) -> Path:
    """``ui`` or ``resources``: installed with the package, else at the top of the checkout."""
    installed = PACKAGE / folder
    if installed.is_dir():
        return installed
    checkout = CHECKOUT / folder
    if checkout.is_dir():
        return checkout
    raise MissingAsset(f"{folder}/ is neither in {installed.parent} nor in {checkout.parent}")


def asset_file(folder: str, name: str) -> Path:
    """One file of ``folder``; MissingAsset, naming it, when it is not there."""
    path = asset_dir(folder) / name
    if not path.is_file():
        raise MissingAsset(f"{name} is missing from {path.parent}")
    return path


@functools.cache
def icon(name: str) -> QIcon:
    """The toolbar and menu icon ``resources/icons/NAME.svg``.

    Qt's SVG icon engine draws it at each size it is shown in, so it is sharp on any screen;
    nothing is drawn until the icon is first painted.
    """
    return QIcon(str(asset_file("resources", f"icons/{name}.svg")))


@functools.cache
def app_icon() -> QIcon:
    """The application icon (window, taskbar), drawn from its SVG at each size asked for."""
    return QIcon(str(asset_file("resources", f"{APP_ICON}.svg")))
