"""Probe matrix, data side: database addresses, absurd numbers, backups, restore, migrate and
copy-to. Every case: one clear Chinese message, the exit status, no traceback, and the
office database exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.faults.kit import (
    Case,
    Desk,
    Outcome,
    content_digest,
    no_leftovers,
    params,
    run_case,
    run_cli,
)

OLD_SCHEMA = Path(__file__).resolve().parents[1] / "data" / "schema_0001.sqlite"

HUGE = "9" * 23
WORSE_THAN_INT64 = str(2**63)


def _db(address: str | Path, *rest: str) -> list[str | Path]:
    return ["--db", address, *rest]


def _unsupported(name: str, url: str) -> Case:
    return Case(f"db-{name}", lambda d: _db(url, "list"), 1, "不支持", own_db=True)


ADDRESSES = [
    _unsupported("foo", "foo://x"),
    _unsupported("mysql", "mysql://u@h/d"),
    _unsupported("mysql-driver", "mysql+pymysql://u:p@h/d"),
    _unsupported("mssql", "mssql+pyodbc://u@dsn"),
    _unsupported("oracle", "oracle://u@h/d"),
    _unsupported("asyncpg", "postgresql+asyncpg://u@h/d"),
    _unsupported("psycopg2", "postgresql+psycopg2://u@h/d"),
    _unsupported("aiosqlite", "sqlite+aiosqlite:///x.sqlite"),
    Case("db-no-scheme", lambda d: _db("://nothing", "list"), 1, "写法有误|不支持", own_db=True),
    Case(
        "db-refused-port",
        lambda d: _db("postgresql://clerk@127.0.0.1:1/office", "list"),
        1,
        "无法连接数据库服务器.*拒绝连接",
        own_db=True,
    ),
    Case(
        "db-unknown-host",
        lambda d: _db("postgresql://clerk@no-such-host.invalid/office", "list"),
        1,
        "无法连接数据库服务器.*找不到这台服务器",
        own_db=True,
    ),
    Case("db-empty-path", lambda d: _db("", "list"), 1, "数据库路径为空", own_db=True),
    Case("db-blank-path", lambda d: _db("   ", "list"), 1, "数据库路径为空", own_db=True),
    Case("db-folder", lambda d: _db(d.folder("资料"), "list"), 1, "是一个文件夹", own_db=True),
    Case(
        "db-text-file",
        lambda d: _db(d.file("说明.txt", "这不是数据库"), "list"),
        1,
        "不是 UnionOffice 数据库文件",
        own_db=True,
    ),
    Case(
        "db-zip-file",
        lambda d: _db(d.file("x.docx", b"PK\x03\x04" + b"\0" * 64), "list"),
        1,
        "不是 UnionOffice 数据库文件",
        own_db=True,
    ),
    Case("db-fifo", lambda d: _db(d.fifo("管道.sqlite"), "list"), 1, "不是普通文件", own_db=True),
    Case(
        "db-device", lambda d: _db(d.device("设备.sqlite"), "list"), 1, "不是普通文件", own_db=True
    ),
    Case(
        "db-under-a-file",
        lambda d: _db(d.file("一个文件") / "office.sqlite", "list"),
        1,
        "无法创建数据库所在的文件夹",
        own_db=True,
    ),
    Case(
        "db-other-programs-tables",
        lambda d: _db(d.database_copy("别人的.sqlite", "DROP TABLE alembic_version"), "list"),
        1,
        "其他程序的数据表",
        own_db=True,
    ),
    Case(
        "db-newer-program",
        lambda d: _db(
            d.database_copy("新版.sqlite", "UPDATE alembic_version SET version_num = '9999'"),
            "list",
        ),
        1,
        "更新版本的 UnionOffice",
        own_db=True,
    ),
    Case(
        "db-two-revisions",
        lambda d: _db(
            d.database_copy("两行.sqlite", "INSERT INTO alembic_version VALUES ('0005')"), "list"
        ),
        1,
        "架构版本记录有误",
        own_db=True,
    ),
    Case(
        "db-missing-table",
        lambda d: _db(d.database_copy("缺表.sqlite", "DROP TABLE activities"), "show", "2"),
        1,
        "结构不完整",
        own_db=True,
    ),
]

NUMBERS = [
    Case("set-hundred-million", lambda d: ["number", "set", "青总办〔2021〕100000000号"], 1, "过大"),
    Case("set-huge", lambda d: ["number", "set", f"青总办〔2021〕{HUGE}号"], 1, "序号过大"),
    Case("set-5000-digits", lambda d: ["number", "set", f"青总办〔2021〕{'9' * 5000}号"], 1, "过大"),
    Case("set-zero", lambda d: ["number", "set", "青总办〔2021〕0号"], 1, "从 1 开始"),
    Case("set-year-1900", lambda d: ["number", "set", "青总办〔1900〕3号"], 1, "年份 1900 无效"),
    Case("set-year-2999", lambda d: ["number", "set", "青总办〔2999〕3号"], 1, "年份 2999 无效"),
    Case("set-taken", lambda d: ["number", "set", "青总办〔2021〕1号"], 1, "已被占用"),
    Case("set-garbage", lambda d: ["number", "set", "青总办-2021-15"], 1, "无法识别文号"),
    Case("set-empty", lambda d: ["number", "set", ""], 1, "无法识别文号"),
    Case("void-huge", lambda d: ["number", "void", f"青总办〔2021〕{HUGE}号", "--reason", "x"], 1, "过大"),
    Case("void-no-reason", lambda d: ["number", "void", "青总办〔2021〕1号", "--reason", " "], 1, "原因"),
    Case("void-unknown", lambda d: ["number", "void", "青总办〔2021〕88号", "--reason", "x"], 1, "没有"),
    Case("allocate-year-huge", lambda d: ["number", "allocate", "青总办", "--year", HUGE], 2, "年份"),
    Case("allocate-year-21", lambda d: ["number", "allocate", "青总办", "--year", "21"], 1, "年份 21 无效"),
    Case("allocate-year-negative", lambda d: ["number", "allocate", "青总办", "--year", "-2021"], 1, "年份"),
    Case("allocate-year-word", lambda d: ["number", "allocate", "青总办", "--year", "明年"], 2, "应为整数"),
    Case("allocate-bad-code", lambda d: ["number", "allocate", "青总办!", "--year", "2021"], 1, "机关代字"),
    Case("allocate-long-code", lambda d: ["number", "allocate", "青" * 40, "--year", "2021"], 1, "过长"),
    Case("register-year-huge", lambda d: ["number", "register", "--series", "青总办", "--year", HUGE], 2, "年份"),
    Case("register-year-99999", lambda d: ["number", "register", "--series", "青总办", "--year", "99999"], 1, "年份 99999 无效"),
    Case("register-unknown-series", lambda d: ["number", "register", "--series", "无此代字", "--year", "2021"], 1, "无此代字"),
    Case("show-zero", lambda d: ["show", "0"], 1, "没有编号为 0 的公文"),
    Case("show-negative", lambda d: ["show", "-1"], 1, "没有编号为 -1 的公文"),
    Case("show-huge", lambda d: ["show", HUGE], 2, "公文编号.*无效"),
    Case("show-past-int64", lambda d: ["show", WORSE_THAN_INT64], 2, "公文编号.*无效"),
    Case("show-word", lambda d: ["show", "第二篇"], 2, "应为整数"),
    Case("list-year-huge", lambda d: ["list", "--year", HUGE], 2, "年份"),
    Case("list-year-far", lambda d: ["list", "--year", "30000"], 1, "年份 30000 无效"),
    Case("export-huge-id", lambda d: ["export", HUGE, "--docx", d.path("x.docx")], 2, "公文编号"),
    Case("export-missing-id", lambda d: ["export", "4000", "--docx", d.path("x.docx")], 1, "没有编号为 4000"),
    Case("timetable-huge-id", lambda d: ["timetable", HUGE, "--pdf", d.path("x.pdf")], 2, "公文编号"),
    Case("timetable-year-far", lambda d: ["timetable", "--year", "30000", "--pdf", d.path("x.pdf")], 1, "年份"),
    Case("demo-year-99999", lambda d: ["demo", "--year", "99999"], 1, "年份 99999 无效"),
    Case("demo-year-negative", lambda d: ["demo", "--year", "-5"], 1, "年份 -5 无效"),
    Case("demo-year-zero", lambda d: ["demo", "--year", "0"], 1, "年份 0 无效"),
    Case(
        "set-largest-allowed-gap-is-one-run",
        lambda d: ["number", "set", "青总办〔2021〕99999号"],
        0,
        r"5—99998号 尚未使用",
        check=lambda d, _o: _register_says(d, "缺号：5—99998号"),
    ),
]  # fmt: skip


def _register_says(desk: Desk, text: str) -> None:
    outcome = run_cli(
        ["--db", desk.db, "number", "register", "--series", "青总办", "--year", "2021"]
    )
    assert outcome.code == 0 and text in outcome.out


def _backup_of(desk: Desk, *statements: str) -> Path:
    return desk.database_copy("备份.sqlite", *statements)


BACKUPS = [
    Case(
        "backup-of-a-damaged-database",
        lambda d: ["--db", d.damaged(d.db), "backup", d.path("副本.sqlite")],
        1,
        "已损坏.*没有生成备份",
        own_db=True,
        check=lambda d, _o: (no_leftovers(d, _o), _absent(d.path("副本.sqlite"))),
    ),
    Case("backup-onto-itself", lambda d: ["backup", d.db], 1, "不能是数据库文件本身"),
    Case("backup-onto-its-wal", lambda d: ["backup", f"{d.db}-wal"], 1, "不能是数据库文件本身"),
    Case("backup-onto-fifo", lambda d: ["backup", d.fifo("管道")], 1, "不是普通文件"),
    Case("backup-onto-device", lambda d: ["backup", d.device("设备")], 1, "不是普通文件"),
    Case("backup-under-a-file", lambda d: ["backup", d.file("文件") / "b.sqlite"], 1, "不是文件夹|是文件"),
    Case("backup-name-too-long", lambda d: ["backup", d.path("备" * 200 + ".sqlite")], 1, "文件名太长"),
    Case("backup-empty-name", lambda d: ["backup", ""], 1, "没有给出要写入的文件名"),
    Case(
        "backup-into-new-folder",
        lambda d: ["backup", d.path("U盘/备份/今天.sqlite")],
        0,
        "已备份到",
        check=lambda d, _o: _journal_is_delete(d.path("U盘/备份/今天.sqlite")),
    ),
    Case("restore-from-damaged", lambda d: ["restore", d.damaged(_backup_of(d))], 1, "不能用这个文件恢复.*已损坏"),
    Case("restore-missing-table", lambda d: ["restore", _backup_of(d, "DROP TABLE activity_departments")], 1, "结构不完整.*activity_departments"),
    Case("restore-missing-column", lambda d: ["restore", _backup_of(d, "ALTER TABLE notices DROP COLUMN remark")], 1, "缺少列 remark"),
    Case("restore-missing-trigger", lambda d: ["restore", _backup_of(d, "DROP TRIGGER notice_search_texts_ai")], 1, "缺少触发器"),
    Case("restore-two-revisions", lambda d: ["restore", _backup_of(d, "INSERT INTO alembic_version VALUES ('0005')")], 1, "架构版本记录有误"),
    Case("restore-no-revision-row", lambda d: ["restore", _backup_of(d, "DELETE FROM alembic_version")], 1, "架构版本记录有误"),
    Case("restore-newer-program", lambda d: ["restore", _backup_of(d, "UPDATE alembic_version SET version_num = 'ffff'")], 1, "更新版本"),
    Case("restore-foreign-sqlite", lambda d: ["restore", _backup_of(d, "DROP TABLE alembic_version")], 1, "不是 UnionOffice 数据库"),
    Case("restore-text-file", lambda d: ["restore", d.file("备份.sqlite", "不是数据库")], 1, "不是数据库文件"),
    Case("restore-empty-file", lambda d: ["restore", d.file("空.sqlite")], 1, "不是数据库文件"),
    Case("restore-folder", lambda d: ["restore", d.folder("备份")], 1, "找不到数据库文件"),
    Case("restore-missing", lambda d: ["restore", d.path("没有.sqlite")], 1, "找不到数据库文件"),
    Case("restore-itself", lambda d: ["restore", d.db], 1, "数据库文件本身"),
    Case("restore-fifo", lambda d: ["restore", d.fifo("管道.sqlite")], 1, "找不到数据库文件|不是普通文件"),
    Case(
        "restore-of-an-old-schema-is-upgraded",
        lambda d: ["restore", d.file("2019年的备份.sqlite", OLD_SCHEMA.read_bytes())],
        0,
        "已从",
        check=lambda d, _o: no_leftovers(d, _o),
    ),
    Case("migrate-damaged", lambda d: ["--db", d.damaged(d.db), "migrate"], 1, "已损坏", own_db=True),
    Case(
        "migrate-missing-table",
        lambda d: _db(d.database_copy("缺表.sqlite", "DROP TABLE calendar_days"), "migrate"),
        1,
        "结构不完整.*calendar_days",
        own_db=True,
    ),
    Case(
        "migrate-two-revisions",
        lambda d: _db(d.database_copy("两行.sqlite", "INSERT INTO alembic_version VALUES ('0001')"), "migrate"),
        1,
        "架构版本记录有误",
        own_db=True,
    ),
    Case(
        "migrate-newer",
        lambda d: _db(d.database_copy("新.sqlite", "UPDATE alembic_version SET version_num = '9999'"), "migrate"),
        1,
        "更新版本",
        own_db=True,
    ),
    Case("import-into-wrecked", lambda d: ["--db", d.wrecked(d.db), "import", d.file("通知.txt", "关于开会的通知\n各部室：\n明天开会。\n")], 1, "已损坏", own_db=True),
    Case("list-wrecked", lambda d: ["--db", d.wrecked(d.db), "list"], 1, "已损坏", own_db=True),
    Case("show-wrecked", lambda d: ["--db", d.wrecked(d.db), "show", "1", "--json"], 1, "已损坏", own_db=True),
    Case("backup-of-wrecked", lambda d: ["--db", d.wrecked(d.db), "backup", d.path("b.sqlite")], 1, "已损坏", own_db=True),
    Case("allocate-in-wrecked", lambda d: ["--db", d.wrecked(d.db), "number", "allocate", "青总办", "--year", "2021"], 1, "已损坏", own_db=True),
    Case("migrate-fifo", lambda d: _db(d.fifo("p.sqlite"), "migrate"), 1, "不是普通文件", own_db=True),
    Case("migrate-current", lambda d: ["migrate"], 0, "已是最新版本"),
    Case("copy-to-itself", lambda d: ["copy-to", str(d.db)], 1, "复制到它自己"),
    Case("copy-to-unsupported", lambda d: ["copy-to", "mysql://u@h/d"], 1, "不支持"),
    Case("copy-to-nonempty", lambda d: ["copy-to", str(_backup_of(d))], 1, "已有数据"),
    Case("copy-to-refused-server", lambda d: ["copy-to", "postgresql://u@127.0.0.1:1/x"], 1, "无法连接"),
]  # fmt: skip


def _absent(path: Path) -> None:
    assert not path.exists()


def _journal_is_delete(path: Path) -> None:
    """A backup opens read-only anywhere: rollback journal, not WAL, and sound."""
    import sqlite3

    with open(path, "rb") as handle:
        header = handle.read(20)
    assert header[18:20] == b"\x01\x01"  # file format versions: 1 = rollback journal
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.close()


@pytest.mark.parametrize("case", params(ADDRESSES + NUMBERS + BACKUPS))
def test_probe(case: Case, desk: Desk) -> None:
    run_case(case, desk)


def test_restore_of_a_damaged_live_database_keeps_it_aside(desk: Desk) -> None:
    """The time a clerk most needs restore: the live file is damaged. It is set aside as it
    is, and the backup takes its place."""
    good = desk.database_copy("好的备份.sqlite")
    desk.damaged(desk.db)
    outcome: Outcome = run_cli(["--db", desk.db, "restore", good])
    assert outcome.code == 0, outcome.err
    assert content_digest(desk.db) == content_digest(good)
    (aside,) = (desk.dir / "backups").glob("before-restore-*.sqlite")
    assert aside.stat().st_size > 0
