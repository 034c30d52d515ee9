"""notice_search_texts are rebuilt once per changed notice at commit, not once per row

Revision ID: 0007
Revises: 0006

The triggers of 0005 and 0006 rebuilt a notice's whole joined text for every row written:
importing a notice of n activities cost n rebuilds of a text that grows with n, so a 1 MB
notice took a minute and a 19 MB one never finished, holding the write lock all the while.
Now the triggers only note the notice in notice_search_stale, and storage.database rebuilds
the noted notices' texts once, just before each write transaction commits
(storage/search_texts.py), so the table is never seen out of date. SQLite only, like 0005.
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _mark(notice_id: str) -> str:
    return f"INSERT OR IGNORE INTO notice_search_stale (notice_id) VALUES ({notice_id});"


def _mark_activity(activity_id: str) -> str:
    # The activity may be gone already (its departments are deleted by cascade): no row then.
    return (
        "INSERT OR IGNORE INTO notice_search_stale (notice_id) "
        f"SELECT notice_id FROM activities WHERE id = {activity_id};"
    )


# (name, event, statements): the names of 0005 and 0006, so that they replace them.
TRIGGERS = [
    ("notice_search_texts_notice_ai", "AFTER INSERT ON notices", _mark("new.id")),
    (
        "notice_search_texts_notice_au",
        "AFTER UPDATE OF title, recipients, folder ON notices",
        _mark("new.id"),
    ),
    (
        "notice_search_texts_notice_ad",
        "AFTER DELETE ON notices",
        "DELETE FROM notice_search_texts WHERE notice_id = old.id;"
        " DELETE FROM notice_search_stale WHERE notice_id = old.id;",
    ),
    ("notice_search_texts_body_ai", "AFTER INSERT ON body_blocks", _mark("new.notice_id")),
    ("notice_search_texts_body_ad", "AFTER DELETE ON body_blocks", _mark("old.notice_id")),
    (
        "notice_search_texts_body_au",
        "AFTER UPDATE OF text, notice_id ON body_blocks",
        _mark("old.notice_id") + " " + _mark("new.notice_id"),
    ),
    ("notice_search_texts_activity_ai", "AFTER INSERT ON activities", _mark("new.notice_id")),
    ("notice_search_texts_activity_ad", "AFTER DELETE ON activities", _mark("old.notice_id")),
    (
        "notice_search_texts_activity_au",
        "AFTER UPDATE OF title, text, deadline, leader, notice_id ON activities",
        _mark("old.notice_id") + " " + _mark("new.notice_id"),
    ),
    (
        "notice_search_texts_department_ai",
        "AFTER INSERT ON activity_departments",
        _mark_activity("new.activity_id"),
    ),
    (
        "notice_search_texts_department_ad",
        "AFTER DELETE ON activity_departments",
        _mark_activity("old.activity_id"),
    ),
    (
        "notice_search_texts_department_au",
        "AFTER UPDATE OF name, activity_id ON activity_departments",
        _mark_activity("old.activity_id") + " " + _mark_activity("new.activity_id"),
    ),
]


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("CREATE TABLE notice_search_stale (notice_id INTEGER NOT NULL PRIMARY KEY)")
    for name, event, statements in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"CREATE TRIGGER {name} {event} BEGIN {statements} END")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name, _event, _statements in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE notice_search_stale")
    # 0006's own triggers and texts, from its script (a module name cannot start with a digit).
    path = Path(__file__).with_name("0006_search_texts_with_departments.py")
    spec = importlib.util.spec_from_file_location("_search_texts_0006", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module._rebuild(departments=True)
    op.execute(
        "CREATE TRIGGER notice_search_texts_notice_ad AFTER DELETE ON notices "
        "BEGIN DELETE FROM notice_search_texts WHERE notice_id = old.id; END"
    )
