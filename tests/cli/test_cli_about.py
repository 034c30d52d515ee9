"""``about``: what this copy runs with, for support and for the bundle's smoke test."""

from __future__ import annotations

import json

from tests.faults.kit import run_cli

from unionoffice import __version__
from unionoffice.cli import about_command


def test_about_reports_driver_keyring_and_time_zones(tmp_path) -> None:
    outcome = run_cli(["about", "--json"])
    assert outcome.code == 0, outcome.err
    report = json.loads(outcome.out)
    assert report["version"] == __version__
    assert report["postgresql_driver"]["implementation"] in ("binary", "c")
    assert report["postgresql_driver"]["libpq"] > 0
    assert report["keyring"]["platform_backend"] == "SecretService"  # the test machine: Linux
    assert report["keyring"]["platform_backend_present"] is True
    assert "Windows" in report["keyring"]["registered"]
    assert report["time_zones"]["works"] is True
    assert report["time_zones"]["tzdata"]
    human = run_cli(["about"])
    assert human.code == 0 and f"UnionOffice {__version__}" in human.out
    assert "PostgreSQL 驱动：psycopg" in human.out and "密码保存：" in human.out


def test_a_platform_backend_that_cannot_load_is_reported() -> None:
    """Windows' backend needs pywin32-ctypes, which a Linux machine (like a bundle that left
    it out) lacks: the report says so instead of claiming the backend is there."""
    report = about_command.keyring_report("win32")
    assert report["platform_backend"] == "Windows"
    assert report["platform_backend_present"] is False
    assert report["problem"].startswith(("keyring.backends.Windows", "win32ctypes"))
    assert about_command.keyring_report("linux")["platform_backend_present"] is True
