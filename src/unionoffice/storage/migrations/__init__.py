"""Alembic owns the schema. The scripts live in this package so an installed program has them.

Opening a database that is already at the newest revision (every start but the first after
an update) reads one row and imports nothing of Alembic: importing it and parsing the scripts
was a tenth of the program's start-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from unionoffice.domain.errors import DatabaseError

if TYPE_CHECKING:  # HEAD is read before SQLAlchemy is imported (storage.quick_list)
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy import Connection

SCRIPT_LOCATION = Path(__file__).resolve().parent

# The newest script's revision; tests/storage/test_database.py keeps it equal to what Alembic
# computes from the scripts, so a new migration cannot forget it.
HEAD = "0015"
VERSION_TABLE = "alembic_version"


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    config.attributes["connection"] = connection
    return config


def _scripts() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def scripts_head() -> str:
    """The head as Alembic finds it from the scripts (slow; HEAD says the same)."""
    head = _scripts().get_current_head()
    assert head is not None
    return head


def head_revision() -> str:
    return HEAD


def is_known(revision: str) -> bool:
    if revision == HEAD:
        return True
    try:
        return _scripts().get_revision(revision) is not None
    except Exception:  # alembic raises several kinds for an unknown id
        return False


def current_revision(connection: Connection) -> str | None:
    """The database's revision, read as Alembic stores it (None for a new database)."""
    from sqlalchemy import text

    if not connection.dialect.has_table(connection, VERSION_TABLE):
        return None
    versions = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars()
    found = list(versions)
    if len(found) > 1:  # this program never branches its schema: someone edited the table
        raise DatabaseError(
            f"数据库的架构版本记录有误（应为 1 条，实有 {len(found)} 条：{'、'.join(found)}），"
            "可能被其他程序改动过；请用备份恢复，或联系技术人员"
        )
    return found[0] if found else None


def upgrade(connection: Connection, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(connection), revision)
