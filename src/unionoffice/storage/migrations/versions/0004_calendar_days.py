"""Statutory holidays and 调休 working days for the calendar

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "calendar_days",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.CheckConstraint(
            "kind IN ('holiday', 'workday', 'normal')", name=op.f("ck_calendar_days_kind_known")
        ),
        sa.CheckConstraint(
            "source IN ('library', 'clerk')", name=op.f("ck_calendar_days_source_known")
        ),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_calendar_days")),
    )


def downgrade() -> None:
    op.drop_table("calendar_days")
