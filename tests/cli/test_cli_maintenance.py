from unionoffice.cli import main
from unionoffice.storage.database import Database
from unionoffice.storage.services import NumberingService


def test_backup_then_restore(tmp_path, capsys):
    db = str(tmp_path / "office.sqlite")
    assert main(["--db", db, "number", "allocate", "青总办", "--year", "2021"]) == 0
    assert main(["--db", db, "backup", str(tmp_path / "saved.sqlite")]) == 0
    assert main(["--db", db, "number", "allocate", "青总办", "--year", "2021"]) == 0
    assert main(["--db", db, "restore", str(tmp_path / "saved.sqlite")]) == 0
    out = capsys.readouterr().out
    assert "已备份到" in out and "原数据库另存为" in out
    database = Database(db)
    assert len(NumberingService(database).register("青总办", 2021).rows) == 1
    database.dispose()


def test_restore_of_a_bad_file_fails_cleanly(tmp_path, capsys):
    db = str(tmp_path / "office.sqlite")
    main(["--db", db, "number", "allocate", "青总办", "--year", "2021"])
    (tmp_path / "bad.sqlite").write_text("not a backup")
    assert main(["--db", db, "restore", str(tmp_path / "bad.sqlite")]) == 1
    assert "不能用这个文件恢复" in capsys.readouterr().err


def test_copy_to(tmp_path, db_url, capsys):
    source = str(tmp_path / "single.sqlite")
    main(["--db", source, "demo"])
    assert main(["--db", source, "copy-to", db_url]) == 0
    assert "9 篇公文" in capsys.readouterr().out
    assert main(["--db", db_url, "list"]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 9
    assert main(["--db", source, "copy-to", db_url]) == 1
    assert "已有数据" in capsys.readouterr().err
