"""The Qt layer: main window, item models, views, dialogs and undo commands."""

from __future__ import annotations

import linecache
import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401  # the binding's import hook comes with it


def _look_for_pyside_in_bytes() -> None:
    """PySide6 reads the source of every module imported after it, looking for "PySide6"
    (its ``__feature__`` switches), with inspect.getsource: that keeps each file's lines in
    linecache for good, some 20 MB for this program's imports, and parses them at start-up.
    The same question is answered from the file's bytes here, and the lines it kept so far
    let go (linecache reads them again if a traceback wants them)."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None or getattr(original, "reads_bytes", False):
        return  # another PySide6, or done already

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(original(module))
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(original(module))

    uses_pyside.reads_bytes = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    linecache.clearcache()


_look_for_pyside_in_bytes()
