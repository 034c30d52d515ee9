"""search index: SQLite FTS5 trigram tables kept by triggers; activity table order index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 06:10:00

On SQLite, each text a clerk searches (notice header, body blocks, activities, department
names) gets an external-content FTS5 table with the trigram tokenizer, so a search for any
substring of three or more characters is an index lookup instead of a scan of every row.
Triggers keep the tables in step with every write, whoever makes it. PostgreSQL keeps the
plain LIKE search of storage/services/search.py and gets no FTS tables.

On both backends an index on notices in the order of the 全部活动 table lets the database
walk notices in that order instead of sorting every activity.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# FTS table -> (content table, indexed columns). The names are used by services/search.py.
SEARCH_TABLES = {
    "notices_fts": ("notices", ("title", "recipients", "folder")),
    "body_blocks_fts": ("body_blocks", ("text",)),
    "activities_fts": ("activities", ("title", "text", "deadline", "leader")),
    "activity_departments_fts": ("activity_departments", ("name",)),
}


def _create_search_table(fts: str, content: str, columns: tuple[str, ...]) -> None:
    names = ", ".join(columns)
    new_values = ", ".join(f"new.{c}" for c in columns)
    old_values = ", ".join(f"old.{c}" for c in columns)
    op.execute(
        f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, content='{content}', "
        "content_rowid='id', tokenize='trigram')"
    )
    insert = f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new_values});"
    delete = f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old_values});"
    op.execute(f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {content} BEGIN {insert} END")
    op.execute(f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {content} BEGIN {delete} END")
    # Only a change of an indexed column touches the index (a notice's version moves on
    # every save; its title seldom does).
    op.execute(
        f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {names} ON {content} BEGIN {delete} {insert} END"
    )
    op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def upgrade() -> None:
    op.create_index(
        "ix_notices_activity_order",
        "notices",
        [sa.text("year DESC"), sa.text("doc_date DESC"), "id"],
    )
    if op.get_bind().dialect.name != "sqlite":
        return
    for fts, (content, columns) in SEARCH_TABLES.items():
        _create_search_table(fts, content, columns)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for fts in SEARCH_TABLES:
            for suffix in ("ai", "ad", "au"):
                op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
            op.execute(f"DROP TABLE IF EXISTS {fts}")
    op.drop_index("ix_notices_activity_order", table_name="notices")
