"""search looks words up in one index per notice: trigrams and pairs of the joined texts

Revision ID: 0015
Revises: 0014

Search as you type read every notice's joined text (notice_search_texts, 0005–0009) for a word
of one or two characters, the first keystrokes of every search, and looked a longer word up in
four FTS5 trigram tables (0002, 0009) whose rows (body blocks, activities, departments) it
then had to take back to their notices. On SQLite both now use the joined texts:

- notice_search_index: FTS5 trigram over notice_search_texts (external content, a row per
  notice), kept by triggers on that table. It replaces notices_fts, body_blocks_fts,
  activities_fts and activity_departments_fts and their triggers on every row written.
- notice_search_pairs: FTS5 (contentless, no positions) over the pairs of neighbouring
  characters of each joined text (storage/search_texts.py ``pairs_of``): a word of two
  characters is one term, a word of one character the prefix of its terms (prefix index 1).
  The pairs are made in Python at commit (``refresh_stale``); a deleted text row is kept in
  notice_search_gone until then, so that its pairs can be taken out.

Rows of notice_search_texts are replaced (deleted and inserted), never updated: a trigger
refuses an UPDATE, which would leave the pairs out of step. PostgreSQL reads its tables as
before and gets none of this.

On both backends two indexes spare search a scan of every notice: one by organ (a short word
is often part of the organ's name, 青海省总工会办公室, and then finds all its notices) and a
partial one listing the notices in the 回收站, which every search takes away.
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import sqlalchemy as sa
from alembic import op

from unionoffice.storage import search_texts

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OLD_TABLES = ("notices_fts", "body_blocks_fts", "activities_fts", "activity_departments_fts")
_INDEX = "notice_search_index"
_PAIRS = search_texts.PAIRS_TABLE

_TRIGGERS = {
    "notice_search_texts_ai": (
        "AFTER INSERT ON notice_search_texts",
        f"INSERT INTO {_INDEX} (rowid, text) VALUES (new.notice_id, new.text);",
    ),
    "notice_search_texts_ad": (
        "AFTER DELETE ON notice_search_texts",
        f"INSERT INTO {_INDEX} ({_INDEX}, rowid, text) VALUES ('delete', old.notice_id, old.text);"
        " INSERT INTO notice_search_gone (notice_id, text) VALUES (old.notice_id, old.text);",
    ),
    "notice_search_texts_bu": (
        "BEFORE UPDATE ON notice_search_texts",
        "SELECT RAISE(ABORT, 'notice_search_texts rows are replaced, not updated');",
    ),
}


_IN_BIN = sa.text("deleted_at IS NOT NULL")


def upgrade() -> None:
    op.create_index("ix_notices_organ", "notices", ["organ_id"])
    op.create_index(
        "ix_notices_in_bin", "notices", ["id"], sqlite_where=_IN_BIN, postgresql_where=_IN_BIN
    )
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in _OLD_TABLES:
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {table}")
    op.execute("CREATE TABLE notice_search_gone (notice_id INTEGER NOT NULL, text TEXT NOT NULL)")
    op.execute(
        f"CREATE VIRTUAL TABLE {_INDEX} USING fts5(text, content='notice_search_texts', "
        "content_rowid='notice_id', tokenize='trigram')"
    )
    op.execute(
        f"CREATE VIRTUAL TABLE {_PAIRS} USING fts5(text, content='', detail='none', "
        "prefix='1', tokenize=\"unicode61 remove_diacritics 0 tokenchars '_'\")"
    )
    for name, (event, statements) in _TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {event} BEGIN {statements} END")
    op.execute(f"INSERT INTO {_INDEX} ({_INDEX}) VALUES ('rebuild')")
    search_texts.fill_pairs(op.get_bind())


def _migration(name: str) -> ModuleType:
    """An earlier migration's script (a module name cannot start with a digit)."""
    path = Path(__file__).with_name(name)
    spec = importlib.util.spec_from_file_location(f"_search_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def downgrade() -> None:
    op.drop_index("ix_notices_in_bin", table_name="notices")
    op.drop_index("ix_notices_organ", table_name="notices")
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in (_INDEX, _PAIRS, "notice_search_gone"):
        op.execute(f"DROP TABLE IF EXISTS {table}")
    # The four tables as 0014 had them: 0002's, with 0009's columns for activities.
    first = _migration("0002_search_index.py")
    for table, (content, columns) in first.SEARCH_TABLES.items():
        if table != "activities_fts":
            first._create_search_table(table, content, columns)
    events = _migration("0009_activity_events.py")
    events._activities_fts(events._FTS_AFTER)
