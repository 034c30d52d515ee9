"""The application context: the open database, its services, the settings and the signal that
carries what each operation changed (domain.changes.Changes).

Widgets and controllers receive the context instead of reaching into the main window; after
an operation they call ``notify`` with what they changed, and every view that shows any of it
updates just that. The window builds one context per database and wires the views to it.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

from unionoffice.domain.changes import Changes
from unionoffice.domain.notice import NoticeData

if TYPE_CHECKING:  # the window is built before the storage layer is imported
    from unionoffice.domain.notice_summary import NoticeSummary
    from unionoffice.gui.settings import Settings
    from unionoffice.storage.database import Database
    from unionoffice.storage.recovery import RecoveryStore
    from unionoffice.storage.services.activities import ActivityQueryService
    from unionoffice.storage.services.calendar_days import CalendarDayService
    from unionoffice.storage.services.notices import NoticeService
    from unionoffice.storage.services.numbering import NumberingService
    from unionoffice.storage.services.organs import OrganService
    from unionoffice.storage.services.search import NoticeSearch
    from unionoffice.storage.services.supervision import SupervisionService


class Workbench(Protocol):
    """What the window offers the operations: the notices open in it and on screen."""

    def open_notice(self, notice_id: int) -> object: ...

    def request_notice(self, notice_id: int) -> None:
        """Show the notice the clerk clicked, once read (off the UI thread)."""
        ...

    def close_notice(self, notice_id: int) -> None: ...

    def save_all(self) -> bool:
        """Save every open notice; False when one could not be saved."""
        ...

    def show_status(self, text: str, timeout_ms: int = 5000) -> None: ...

    def selected_notice_ids(self) -> list[int]:
        """The notices chosen in the 公文目录 (a year or series: all its notices)."""
        ...

    def current_notice_id(self) -> int | None:
        """The notice of the editor tab in front, if one is."""
        ...

    def working_copy(self, notice_id: int) -> NoticeData | None:
        """The notice as its open editor shows it (unsaved typing included), if it is open."""
        ...

    def notice_summaries(self) -> list[NoticeSummary]:
        """The lines of every notice listed, as the tree has them (no query)."""
        ...

    def show_stored(self, notice_id: int) -> None:
        """The notice was saved outside its editor (督办): an open editor with nothing
        unsaved shows it as stored now."""
        ...


class NoWindow:
    """The Workbench of a context used without a main window (a lone editor, a test)."""

    def open_notice(self, notice_id: int) -> object:
        return None

    def request_notice(self, notice_id: int) -> None:
        pass

    def close_notice(self, notice_id: int) -> None:
        pass

    def save_all(self) -> bool:
        return True

    def show_status(self, text: str, timeout_ms: int = 5000) -> None:
        pass

    def selected_notice_ids(self) -> list[int]:
        return []

    def current_notice_id(self) -> int | None:
        return None

    def working_copy(self, notice_id: int) -> NoticeData | None:
        return None

    def notice_summaries(self) -> list[NoticeSummary]:
        return []

    def show_stored(self, notice_id: int) -> None:
        pass


class AppContext(QObject):
    """One database as the window's parts use it, and the window as operations may use it."""

    changed = Signal(object)  # Changes

    def __init__(
        self,
        db: Database,
        settings: Settings,
        workbench: Workbench | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.workbench: Workbench = workbench if workbench is not None else NoWindow()

    def notify(self, changes: Changes) -> None:
        """Tell every view what an operation changed (nothing is sent for no change)."""
        if changes:
            self.changed.emit(changes)

    def describe(self) -> str:
        return self.db.describe()

    # The services, made on first use: each is a light object over the same Database.

    @functools.cached_property
    def notices(self) -> NoticeService:
        from unionoffice.storage.services.notices import NoticeService

        return NoticeService(self.db)

    @functools.cached_property
    def activities(self) -> ActivityQueryService:
        from unionoffice.storage.services.activities import ActivityQueryService

        return ActivityQueryService(self.db)

    @functools.cached_property
    def numbering(self) -> NumberingService:
        from unionoffice.storage.services.numbering import NumberingService

        return NumberingService(self.db)

    @functools.cached_property
    def organs(self) -> OrganService:
        from unionoffice.storage.services.organs import OrganService

        return OrganService(self.db)

    @functools.cached_property
    def calendar_days(self) -> CalendarDayService:
        from unionoffice.storage.services.calendar_days import CalendarDayService

        return CalendarDayService(self.db)

    @functools.cached_property
    def supervision(self) -> SupervisionService:
        from unionoffice.storage.services.supervision import SupervisionService

        return SupervisionService(self.db)

    @functools.cached_property
    def search(self) -> NoticeSearch:
        from unionoffice.storage.services.search import NoticeSearch

        return NoticeSearch(self.db)

    @functools.cached_property
    def recovery_store(self) -> RecoveryStore:
        from unionoffice.storage.recovery import RecoveryStore

        return RecoveryStore.for_database(self.db)
