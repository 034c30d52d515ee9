from __future__ import annotations

from pathlib import Path

import pytest

from unionoffice.storage.database import Database


@pytest.fixture
def sqlite_db(db_path: Path):
    """A new SQLite file, for what only SQLite has (files, backups, its search indexes)."""
    database = Database(db_path)
    yield database
    database.dispose()
