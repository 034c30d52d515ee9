"""Shared fixtures. Qt runs offscreen; every test gets its own database in tmp_path."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if os.environ.get("UNIONOFFICE_BLOCK_QT"):
    # The Qt-free pass: any import of Qt below the gui layer fails the test that made it.
    import sys
    from importlib.abc import MetaPathFinder

    class _BlockQt(MetaPathFinder):
        def find_spec(self, fullname, path=None, target=None):
            if fullname.split(".")[0] in ("PySide6", "shiboken6", "pytestqt"):
                raise ImportError(f"{fullname} is blocked in the Qt-free test pass")
            return None

    sys.meta_path.insert(0, _BlockQt())

from hypothesis import settings as hypothesis_settings

from unionoffice.storage.database import Database

# Hypothesis' per-example deadline is a wall-clock check, and tests assert behaviour, never
# time: on a loaded two-core CI machine it failed examples that were merely slow.
hypothesis_settings.register_profile("unionoffice", deadline=None)
hypothesis_settings.load_profile("unionoffice")

SAMPLES = Path(__file__).resolve().parent / "data" / "samples"
TEST_DATA = Path(__file__).resolve().parent / "data"


# Set to a PostgreSQL URL (a role allowed to create databases) to run every test that uses
# `db_url` or `db` against PostgreSQL as well as SQLite; .ci/run starts a server and sets it.
POSTGRES_URL = os.environ.get("UNIONOFFICE_TEST_POSTGRES")
BACKENDS = ["sqlite", "postgresql"] if POSTGRES_URL else ["sqlite"]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """An SQLite file, for tests about SQLite files themselves."""
    return tmp_path / "unionoffice.sqlite"


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, db_path: Path):
    """A new, empty database on each backend under test, as a --db argument."""
    if request.param == "sqlite":
        yield str(db_path)
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin_url = make_url(POSTGRES_URL)
    name = f"uo_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def db(db_url: str):
    database = Database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def sample_texts() -> dict[str, str]:
    """The real notices in ../shared/samples, by file stem."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))}


@pytest.fixture
def test_data() -> Path:
    """tests/data: sample notices and a database made by each released schema version."""
    return TEST_DATA
