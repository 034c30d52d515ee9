"""督办: what the office noted when it followed an activity up

Revision ID: 0011
Revises: 0010

The 督办 view lists the activities due soon or overdue, grouped by 牵头部门; beside the 进度
each already has (未开始 / 进行中 / 已完成), the clerk writes what was done to follow it up
("3月5日电话督促，已拟方案"). Rows written before have an empty note. The note is not a
searched text, so the search tables and their triggers stay as they are.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN on both backends: a batch copy of the table would lose its triggers.
    op.add_column(
        "activities",
        sa.Column("supervision_note", sa.Text(), nullable=False, server_default=""),
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE activities DROP COLUMN supervision_note")
    else:
        op.drop_column("activities", "supervision_note")
