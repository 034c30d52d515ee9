"""department_aliases: other names of a department, so imports match 省总宣教部 to 宣教部

Revision ID: 0012
Revises: 0011

The wizard's 宣教部 and an imported notice's 省总宣教部 became two departments, and filters and
colours split. A department now keeps aliases: the names a clerk adds, and the name of every
department merged into it (设置 → 机关与部门). Import and paste map written names through them.
A change of the aliases is noted in change_log as a change of the department list, like one of
the departments themselves (0010), so other windows read the lists again.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "department_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["departments.id"],
            name=op.f("fk_department_aliases_department_id_departments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_department_aliases")),
        sa.UniqueConstraint(
            "department_id", "name", name=op.f("uq_department_aliases_department_id_name")
        ),
    )
    op.create_index(
        op.f("ix_department_aliases_name"), "department_aliases", ["name"], unique=False
    )
    if op.get_bind().dialect.name == "sqlite":
        for event in ("INSERT", "UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER change_log_department_aliases_{event[:1].lower()} AFTER {event} "
                "ON department_aliases BEGIN INSERT INTO change_log (kind) "
                "VALUES ('departments'); END"
            )
    else:  # change_log_list() is 0010's
        op.execute(
            "CREATE TRIGGER change_log_department_aliases AFTER INSERT OR UPDATE OR DELETE "
            "ON department_aliases FOR EACH STATEMENT "
            "EXECUTE FUNCTION change_log_list('departments')"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for event in ("i", "u", "d"):
            op.execute(f"DROP TRIGGER IF EXISTS change_log_department_aliases_{event}")
    else:
        op.execute("DROP TRIGGER IF EXISTS change_log_department_aliases ON department_aliases")
    op.drop_index(op.f("ix_department_aliases_name"), table_name="department_aliases")
    op.drop_table("department_aliases")
