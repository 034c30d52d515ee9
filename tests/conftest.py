"""Shared fixtures. Qt runs offscreen; every test gets its own database in tmp_path."""

from __future__ import annotations

import os
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

from unionoffice.storage.database import Database  # noqa: E402

SAMPLES = Path(__file__).resolve().parent / "data" / "samples"
TEST_DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "unionoffice.sqlite"


@pytest.fixture
def db(db_path: Path):
    database = Database(db_path)
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
