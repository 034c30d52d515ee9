"""Fixtures of the probe matrix: a demo database made once, copied onto each case's desk."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.faults.kit import Desk, run_cli


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "office.sqlite"
    assert run_cli(["--db", path, "demo"]).code == 0
    for suffix in ("-wal", "-shm"):
        assert not Path(f"{path}{suffix}").exists()
    return path


@pytest.fixture
def desk(tmp_path: Path, demo_file: Path) -> Desk:
    return Desk(tmp_path, demo_file)
