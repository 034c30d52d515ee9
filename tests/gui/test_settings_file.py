"""UNIONOFFICE_SETTINGS_FILE: the packaged program's smoke test keeps its settings in a file of
its own, never in the clerk's (the registry on Windows)."""

from __future__ import annotations

from unionoffice.gui.settings import SETTINGS_FILE_VARIABLE, Settings


def test_settings_go_to_the_named_file(tmp_path, monkeypatch) -> None:
    path = tmp_path / "设置 #1.ini"
    monkeypatch.setenv(SETTINGS_FILE_VARIABLE, str(path))
    Settings().last_database = str(tmp_path / "office.sqlite")
    assert "office.sqlite" in path.read_text(encoding="utf-8")
    assert Settings().last_database == str(tmp_path / "office.sqlite")
    monkeypatch.setenv(SETTINGS_FILE_VARIABLE, str(tmp_path / "other.ini"))
    assert Settings().last_database == ""
