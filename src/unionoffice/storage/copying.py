"""Move a whole database to another one, e.g. a single PC's SQLite file to the office server."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select, text

from unionoffice.domain.errors import ConflictError
from unionoffice.storage.database import Database
from unionoffice.storage.models import Base, Notice, Organ

BATCH = 1000
# change_log describes writes to the source; the target's own triggers write its log as the
# rows arrive.
NOT_COPIED = frozenset({"change_log"})


def copy_database(
    source: Database, target: Database, progress: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Copy every row of ``source`` into the empty, migrated ``target`` in one transaction.

    Returns the row count of each table. Refuses a target that already holds data.
    """
    with target.read_session() as session:
        if session.scalar(select(func.count(Notice.id))) or session.scalar(
            select(func.count(Organ.id))
        ):
            raise ConflictError(
                f"目标数据库“{target.describe()}”中已有数据，为免混淆未复制任何内容"
            )
    counts: dict[str, int] = {}
    with source.read_session() as reading, target.session() as writing:
        if target.url.get_backend_name() == "postgresql":
            writing.execute(text("SET LOCAL statement_timeout = 0"))  # a whole archive
        for table in Base.metadata.sorted_tables:
            if table.name in NOT_COPIED:
                continue
            rows = reading.execute(select(table)).mappings()
            count = 0
            while batch := rows.fetchmany(BATCH):
                writing.execute(table.insert(), [dict(row) for row in batch])
                count += len(batch)
            counts[table.name] = count
            if progress is not None:
                progress(table.name, count)
        if target.url.get_backend_name() == "postgresql":
            # Ids were copied as they were; move each sequence past the highest one.
            for table in Base.metadata.sorted_tables:
                if "id" in table.c:
                    writing.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                            f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
                        )
                    )
        if target.url.get_backend_name() == "postgresql":
            # Fresh statistics: without them the first lists on the server read ten years of
            # notices several times slower than after autovacuum's first ANALYZE.
            writing.execute(text("ANALYZE"))
    return counts
