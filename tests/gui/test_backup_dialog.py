"""备份与恢复: back up now, list the automatic backups, restore one and see its data."""

from __future__ import annotations

import pytest

from unionoffice.domain.notice import NoticeData
from unionoffice.gui.dialogs.backup_dialog import BackupDialog, backup_label
from unionoffice.gui.window.main_window import MainWindow
from unionoffice.storage import backups
from unionoffice.storage.database import Database
from unionoffice.storage.services.notices import NoticeService


@pytest.fixture
def db(db_path):
    """These tests are about files beside an SQLite database, so they run on SQLite only."""
    database = Database(db_path)
    yield database
    database.dispose()


def _open(window) -> BackupDialog:
    window.backup_action.trigger()
    dialog = window.backup_dialog
    assert isinstance(dialog, BackupDialog) and dialog.isVisible()
    return dialog


def test_backup_now_to_a_chosen_file(
    qtbot, window, db, demo_ids, tmp_path, no_file_dialogs, shown_messages
) -> None:
    target = tmp_path / "U盘" / "备份.sqlite"
    target.parent.mkdir()
    no_file_dialogs["getSaveFileName"] = (str(target), "")
    dialog = _open(window)
    assert dialog.backup_now() == target
    assert backups.check_backup_file(target)
    assert str(target) in dialog.status.text()
    assert window.settings.backup_folder == str(target.parent)
    assert shown_messages == []
    dialog.reject()


def test_automatic_backups_are_listed_newest_first(qtbot, window, db) -> None:
    first = backups.automatic_backup(db)
    assert first is not None
    dialog = _open(window)
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert texts[0] == backup_label(first) and texts[0].startswith("自动备份　")
    assert not dialog.restore_selected_button.isEnabled()
    dialog.list.setCurrentRow(0)
    assert dialog.restore_selected_button.isEnabled()
    assert dialog.selected_backup() == first
    dialog.reject()


def test_restore_a_backup_and_see_its_data(qtbot, window, db, demo_ids, shown_messages) -> None:
    window.open_notice(demo_ids[0])
    saved = backups.automatic_backup(db)
    assert saved is not None
    added = NoticeService(db).create(NoticeData(title="备份之后才写的通知"))
    window.refresh()
    assert added in window.tree.visible_notice_ids()
    dialog = _open(window)
    dialog.list.setCurrentRow(0)
    replacement = dialog.restore_selected()
    assert isinstance(replacement, MainWindow)
    assert [kind for kind, _ in shown_messages] == ["ask"]
    assert "替换当前数据库" in shown_messages[0][1]
    # The same window shows the restored database; no second window is built.
    assert replacement is window and window.isVisible() and not dialog.isVisible()
    assert added not in replacement.tree.visible_notice_ids()
    assert sorted(replacement.tree.visible_notice_ids()) == sorted(demo_ids)
    aside = list(db.backup_dir().glob("before-restore-*.sqlite"))
    assert len(aside) == 1  # the database as it was, kept in case the restore was a mistake
    assert aside[0].name in replacement.statusBar().currentMessage()


def test_a_file_that_is_not_a_backup_is_refused(
    qtbot, window, db, demo_ids, tmp_path, no_file_dialogs, shown_messages
) -> None:
    bogus = tmp_path / "照片.sqlite"
    bogus.write_bytes(b"\xff\xd8\xff\xe0 JPEG")
    no_file_dialogs["getOpenFileName"] = (str(bogus), "")
    dialog = _open(window)
    assert dialog.restore_from_file() is None
    assert shown_messages == [("error", f"不能用这个文件恢复：“{bogus}”不是数据库文件")]
    assert window.isVisible() and len(NoticeService(db).list()) == len(demo_ids)
    dialog.reject()


def test_restore_is_refused_while_another_program_has_the_database_open(
    qtbot, window, db, db_path, demo_ids, shown_messages
) -> None:
    """A second window or a command on the same file: the restore would leave it writing into
    a file that is no longer the database, so the clerk is told and nothing changes."""
    import subprocess
    import sys

    saved = backups.automatic_backup(db)
    assert saved is not None
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from unionoffice.storage.database import Database; "
         "d = Database(sys.argv[1]); print('ready', flush=True); sys.stdin.readline()",
         str(db_path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "ready"
        dialog = _open(window)
        dialog.list.setCurrentRow(0)
        assert dialog.restore_selected() is None
    finally:
        holder.communicate("\n", timeout=30)
    assert [kind for kind, _ in shown_messages] == ["ask", "error"]
    assert "正被另一个程序使用" in shown_messages[1][1]
    assert window.isVisible()
    assert not list(db.backup_dir().glob("before-restore-*.sqlite"))
    assert sorted(window.tree.visible_notice_ids()) == sorted(demo_ids)  # still working
    dialog.reject()
