"""Every user setting in one typed registry over QSettings; tests swap in a dict store.

Declare an option once (name, type, default) and read it as ``settings.autosave_ms``; nothing
else in the program talks to QSettings.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")


class SettingsStore(Protocol):
    """Where values live: QSettings in the program, a dict in tests."""

    def value(self, key: str) -> Any: ...

    def set_value(self, key: str, value: Any) -> None: ...


class DictStore:
    """A store that never touches the disk."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def value(self, key: str) -> Any:
        return self.values.get(key)

    def set_value(self, key: str, value: Any) -> None:
        self.values[key] = value


# An .ini file to use instead of the user's settings (the registry on Windows): the packaged
# program's smoke test must leave a clerk's or a developer's settings alone on every platform.
SETTINGS_FILE_VARIABLE = "UNIONOFFICE_SETTINGS_FILE"


class QSettingsStore:
    """The user's settings file (registry on Windows, ini elsewhere)."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or _user_settings()

    def value(self, key: str) -> Any:
        return self._settings.value(key)

    def set_value(self, key: str, value: Any) -> None:
        self._settings.setValue(key, value)
        self._settings.sync()


def _user_settings() -> QSettings:
    path = os.environ.get(SETTINGS_FILE_VARIABLE)
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings("UnionOffice", "UnionOffice")


@dataclass(frozen=True)
class Option(Generic[T]):
    """One declared setting; reading converts what the store gives back to ``kind``."""

    key: str
    kind: type
    default: T

    def __set_name__(self, owner: type, name: str) -> None:
        object.__setattr__(self, "_attr", name)

    def __get__(self, instance: Settings | None, owner: type) -> T:
        if instance is None:
            return self  # type: ignore[return-value]
        raw = instance.store.value(self.key)
        if raw is None:
            return self.default
        try:
            return self._convert(raw)
        except (TypeError, ValueError):
            return self.default

    def __set__(self, instance: Settings, value: T) -> None:
        instance.store.set_value(self.key, value)

    def _convert(self, raw: Any) -> T:
        if self.kind is bool:
            if isinstance(raw, str):
                return raw.lower() in ("1", "true", "yes")  # type: ignore[return-value]
            return bool(raw)  # type: ignore[return-value]
        if self.kind is list:
            if isinstance(raw, str):
                return [raw] if raw else []  # type: ignore[return-value]
            return list(raw)  # type: ignore[return-value]
        if self.kind is QByteArray:
            return QByteArray(raw)  # type: ignore[return-value]
        return self.kind(raw)  # type: ignore[no-any-return]


class Settings:
    """The registry: every option the program has, with its type and default."""

    window_geometry: Option[QByteArray] = Option("window/geometry", QByteArray, QByteArray())
    window_state: Option[QByteArray] = Option("window/state", QByteArray, QByteArray())
    open_notices: Option[list] = Option("window/open_notices", list, [])
    tree_grouping: Option[str] = Option("window/tree_grouping", str, "")  # a Grouping name
    recent_notices: Option[list] = Option("recent/notices", list, [])
    autosave_ms: Option[int] = Option("editor/autosave_ms", int, 1500)
    # How often the window reads other clerks' changes; 0 reads none (tests that do not ask).
    change_poll_ms: Option[int] = Option("database/change_poll_ms", int, 2000)
    clerk_name: Option[str] = Option("editor/clerk_name", str, "")  # the register's 经办人
    page_preview: Option[bool] = Option("editor/page_preview", bool, False)
    last_database: Option[str] = Option("database/last", str, "")
    # Word export: template name ("" = 文件式), plan layout ("" = the template's, or a
    # PlanLayout value), the folder last exported to, whether to open the file afterwards.
    export_template: Option[str] = Option("export/template", str, "")
    export_plan_layout: Option[str] = Option("export/plan_layout", str, "")
    export_folder: Option[str] = Option("export/folder", str, "")
    open_after_export: Option[bool] = Option("export/open_after", bool, False)
    import_folder: Option[str] = Option("import/folder", str, "")
    # Word files with tracked changes: import the text before the changes (else accepted).
    import_keep_original: Option[bool] = Option("import/keep_original_text", bool, False)
    backup_folder: Option[str] = Option("backup/folder", str, "")
    # Timetables: the PDF font file ("" = found on the machine) and the last layout choices.
    cjk_font_path: Option[str] = Option("timetable/font", str, "")
    timetable_grid: Option[bool] = Option("timetable/grid", bool, False)
    timetable_a3: Option[bool] = Option("timetable/a3", bool, False)
    timetable_sort: Option[str] = Option("timetable/sort", str, "plan")
    # Columns the clerk hid or showed in the activity tables (Column names): the notices'
    # plan tables, and 全部活动; the others follow the default (column_chooser.py).
    plan_hidden_columns: Option[list] = Option("activities/plan_hidden_columns", list, [])
    plan_shown_columns: Option[list] = Option("activities/plan_shown_columns", list, [])
    all_activities_hidden_columns: Option[list] = Option(
        "activities/all_hidden_columns", list, []
    )
    all_activities_shown_columns: Option[list] = Option("activities/all_shown_columns", list, [])
    # The calendar colours its bars by lead department ("department") or by notice ("notice").
    calendar_colour_by: Option[str] = Option("calendar/colour_by", str, "department")

    MAX_RECENT = 10

    def __init__(self, store: SettingsStore | None = None) -> None:
        self.store: SettingsStore = store if store is not None else QSettingsStore()

    def remember_notice(self, notice_id: int) -> None:
        """Put a notice first in the 最近打开 list."""
        recent = [int(n) for n in self.recent_notices if int(n) != notice_id]
        self.recent_notices = [notice_id, *recent][: self.MAX_RECENT]

    def recent_notice_ids(self) -> list[int]:
        return [int(n) for n in self.recent_notices]
