"""份号, 密级和保密期限, 紧急程度 and 签发人 on notices (GB/T 9704 7.2.1–7.2.5); 出席, 请假 and
列席 of a 纪要 (GB/T 9704 8)

Revision ID: 0013
Revises: 0012
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Existing notices have none of them: empty text, not NULL, as the program writes.
_COLUMNS = (
    ("copy_number", 20),
    ("secrecy", 10),
    ("secrecy_term", 20),
    ("urgency", 10),
    ("issuer", 100),
)
_TEXT_COLUMNS = ("attendees", "absentees", "observers")


def upgrade() -> None:
    # Plain ADD COLUMN on both backends: a batch copy of the table would lose its triggers.
    for name, length in _COLUMNS:
        op.add_column(
            "notices", sa.Column(name, sa.String(length), nullable=False, server_default="")
        )
    for name in _TEXT_COLUMNS:
        op.add_column("notices", sa.Column(name, sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for name in (*reversed(_TEXT_COLUMNS), *(c for c, _l in reversed(_COLUMNS))):
        if sqlite:
            op.execute(f"ALTER TABLE notices DROP COLUMN {name}")
        else:
            op.drop_column("notices", name)
