"""发文登记: who took a number, and who voided it and when

Revision ID: 0008
Revises: 0007

The paper register has a column for the clerk who took each number and, for a voided one, who
voided it; the window's 发文登记簿 shows them. Older rows keep an empty name.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("register_entries") as table:
        table.add_column(
            sa.Column("allocated_by", sa.String(100), nullable=False, server_default="")
        )
        table.add_column(sa.Column("voided_by", sa.String(100), nullable=False, server_default=""))
        table.add_column(sa.Column("voided_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("register_entries") as table:
        table.drop_column("voided_at")
        table.drop_column("voided_by")
        table.drop_column("allocated_by")
