"""Start-up opens the database chosen in 设置 last time, or says why not and opens the default."""

from __future__ import annotations

from unionoffice.gui.app import run_gui
from unionoffice.storage import database
from unionoffice.storage.database import Database


def test_the_database_chosen_last_time_is_opened(
    tmp_path, settings, shown_messages, monkeypatch, qapp
) -> None:
    chosen = tmp_path / "共用" / "office.sqlite"
    chosen.parent.mkdir()
    Database(chosen).dispose()
    settings.last_database = str(chosen)
    monkeypatch.setattr(database, "default_database_path", lambda: tmp_path / "default.sqlite")
    monkeypatch.setenv("UNIONOFFICE_QUIT_AFTER_MS", "300")
    assert run_gui(None, settings=settings) == 0
    assert shown_messages == []
    assert len(list((chosen.parent / "backups").glob("auto-*.sqlite"))) == 1
    assert not (tmp_path / "default.sqlite").exists()


def test_an_unusable_remembered_database_falls_back_to_the_default(
    tmp_path, settings, shown_messages, monkeypatch, qapp
) -> None:
    broken = tmp_path / "坏的.sqlite"
    broken.write_text("不是数据库", encoding="utf-8")
    settings.last_database = str(broken)
    default = tmp_path / "默认" / "unionoffice.sqlite"
    monkeypatch.setattr(database, "default_database_path", lambda: default)
    monkeypatch.setenv("UNIONOFFICE_QUIT_AFTER_MS", "300")
    assert run_gui(None, settings=settings) == 0
    assert [kind for kind, _ in shown_messages] == ["error"]
    assert "无法打开上次使用的数据库，改为打开默认数据库" in shown_messages[0][1]
    assert settings.last_database == ""
    assert default.exists()
