"""change_log: what every write changed, so that other windows show it live

Revision ID: 0010
Revises: 0009

Two clerks on one server, or the window and a command on one PC: a window learned of another's
save only when it saved something itself. Triggers now note each change in change_log — a
notice saved (with its new version) or moved to the 回收站, a 文号 taken or voided (its series
and year), the department, organ and holiday lists — and each window reads the rows after the
last one it saw every few seconds (gui/window/change_watcher.py). The notice-level trigger is
enough for a notice's body and activities: every save of them touches the notice's row
(its version). Rows older than a week are pruned when a window opens.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, kind): lists whose any change the views read again.
_LISTS = (
    ("departments", "departments"),
    ("organs", "organs"),
    ("doc_number_series", "organs"),
    ("calendar_days", "calendar_days"),
)


def upgrade() -> None:
    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("notice_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("detail", sa.String(length=120), server_default="", nullable=False),
        sa.Column(
            "changed_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.current_timestamp(),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_log")),
    )
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_triggers()
    else:
        _postgresql_triggers()


def _sqlite_triggers() -> None:
    notice_kind = "CASE WHEN new.deleted_at IS NOT NULL THEN 'removed' ELSE 'notice' END"
    op.execute(
        "CREATE TRIGGER change_log_notice_ai AFTER INSERT ON notices BEGIN "
        "INSERT INTO change_log (notice_id, version, kind) VALUES (new.id, new.version, 'notice');"
        " END"
    )
    op.execute(
        "CREATE TRIGGER change_log_notice_au AFTER UPDATE ON notices BEGIN "
        "INSERT INTO change_log (notice_id, version, kind) "
        f"VALUES (new.id, new.version, {notice_kind}); END"
    )
    op.execute(
        "CREATE TRIGGER change_log_notice_ad AFTER DELETE ON notices BEGIN "
        "INSERT INTO change_log (notice_id, kind) VALUES (old.id, 'removed'); END"
    )
    for event, row in (("INSERT", "new"), ("UPDATE", "new")):
        op.execute(
            f"CREATE TRIGGER change_log_register_{event[:1].lower()} AFTER {event} "
            "ON register_entries BEGIN INSERT INTO change_log (kind, detail) "
            f"SELECT 'numbers', s.code || ':' || {row}.year FROM doc_number_series s "
            f"WHERE s.id = {row}.series_id; END"
        )
    for table, kind in _LISTS:
        for event in ("INSERT", "UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER change_log_{table}_{event[:1].lower()} AFTER {event} ON {table} "
                f"BEGIN INSERT INTO change_log (kind) VALUES ('{kind}'); END"
            )


def _postgresql_triggers() -> None:
    op.execute(
        """
        CREATE FUNCTION change_log_notice() RETURNS trigger AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                INSERT INTO change_log (notice_id, kind) VALUES (OLD.id, 'removed');
                RETURN OLD;
            END IF;
            INSERT INTO change_log (notice_id, version, kind) VALUES (
                NEW.id, NEW.version,
                CASE WHEN NEW.deleted_at IS NOT NULL THEN 'removed' ELSE 'notice' END);
            RETURN NEW;
        END $$ LANGUAGE plpgsql
        """
    )
    op.execute(
        "CREATE TRIGGER change_log_notice AFTER INSERT OR UPDATE OR DELETE ON notices "
        "FOR EACH ROW EXECUTE FUNCTION change_log_notice()"
    )
    op.execute(
        """
        CREATE FUNCTION change_log_register() RETURNS trigger AS $$
        BEGIN
            INSERT INTO change_log (kind, detail)
                SELECT 'numbers', s.code || ':' || NEW.year FROM doc_number_series s
                 WHERE s.id = NEW.series_id;
            RETURN NEW;
        END $$ LANGUAGE plpgsql
        """
    )
    op.execute(
        "CREATE TRIGGER change_log_register AFTER INSERT OR UPDATE ON register_entries "
        "FOR EACH ROW EXECUTE FUNCTION change_log_register()"
    )
    op.execute(
        """
        CREATE FUNCTION change_log_list() RETURNS trigger AS $$
        BEGIN
            INSERT INTO change_log (kind) VALUES (TG_ARGV[0]);
            RETURN NULL;
        END $$ LANGUAGE plpgsql
        """
    )
    for table, kind in _LISTS:
        op.execute(
            f"CREATE TRIGGER change_log_{table} AFTER INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION change_log_list('{kind}')"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("notice_ai", "notice_au", "notice_ad", "register_i", "register_u"):
            op.execute(f"DROP TRIGGER IF EXISTS change_log_{name}")
        for table, _kind in _LISTS:
            for event in ("i", "u", "d"):
                op.execute(f"DROP TRIGGER IF EXISTS change_log_{table}_{event}")
    else:
        for table in ("notices", "register_entries"):
            name = "notice" if table == "notices" else "register"
            op.execute(f"DROP TRIGGER IF EXISTS change_log_{name} ON {table}")
        for table, _kind in _LISTS:
            op.execute(f"DROP TRIGGER IF EXISTS change_log_{table} ON {table}")
        for function in ("change_log_notice", "change_log_register", "change_log_list"):
            op.execute(f"DROP FUNCTION IF EXISTS {function}()")
    op.drop_table("change_log")
