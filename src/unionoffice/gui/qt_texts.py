"""Qt's own texts in Chinese: its file, print and page-setup dialogs, its standard buttons.

Qt ships qtbase_zh_CN, installed here; it lags behind Qt's sources, and a few labels whose
text gained a shortcut letter ("&Look in:", "Files of &type:") stay English in it. Those are
filled by a translator of our own, asked after Qt's. Where the platform has native dialogs
(Windows, macOS, GNOME and KDE) QFileDialog's static functions use them and none of this shows.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

# Source texts Qt's zh_CN catalogue misses (Qt 6), in any context.
GAPS = {
    "&Look in:": "查找范围(&L)：",
    "Files of &type:": "文件类型(&T)：",
    "Page &order:": "页序(&O)：",
    "Pages &per sheet:": "每张纸页数(&P)：",
    "Page &Set:": "页面集(&S)：",
}


class GapTranslator(QTranslator):
    """The texts of GAPS, whatever their context; nothing else."""

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        return GAPS.get(source_text, "")

    def isEmpty(self) -> bool:
        return False


def install_qt_translations(app: QCoreApplication) -> list[QTranslator]:
    """Install Qt's Chinese catalogue (when it is found) and the gap filler; the translators,
    parented to ``app``."""
    installed: list[QTranslator] = []
    gaps = GapTranslator(app)
    app.installTranslator(gaps)  # installed first: asked last, after Qt's own
    installed.append(gaps)
    qt = QTranslator(app)
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", path):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def remove_translations(app: QCoreApplication, translators: list[QObject]) -> None:
    for translator in translators:
        if isinstance(translator, QTranslator):
            app.removeTranslator(translator)
