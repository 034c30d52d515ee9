"""notice_revisions: each save of a notice, kept as the difference from the one before (痕迹)

Revision ID: 0014
Revises: 0013

A row per save: the version it made, when, by whom (Database.clerk: the OS user or the name
set in 设置), a line naming what changed, and a patch that turns that version back into the
one before it (domain/notice_patch.py). The notice's row is the newest version; older ones are
rebuilt by applying the patches of the newer saves, newest first. Notices saved before this
migration start their history at their next save. Rows go with their notice (ON DELETE
CASCADE) when the 回收站 is emptied; backups and 复制到 carry them like every other table.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "notice_revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("notice_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("clerk", sa.String(length=100), server_default="", nullable=False),
        sa.Column("summary", sa.Text(), server_default="", nullable=False),
        sa.Column("patch", sa.Text(), server_default="", nullable=False),
        sa.ForeignKeyConstraint(
            ["notice_id"],
            ["notices.id"],
            name=op.f("fk_notice_revisions_notice_id_notices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice_revisions")),
        sa.UniqueConstraint(
            "notice_id", "version", name=op.f("uq_notice_revisions_notice_id_version")
        ),
    )


def downgrade() -> None:
    op.drop_table("notice_revisions")
