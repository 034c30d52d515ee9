"""A new notice written as rows: Core statements on the transaction's connection.

Creating notices is what an import does a thousand times, one transaction a file; as ORM
objects, the unit of work, the identity map and the statements built afresh for each notice
cost several times what SQLite spends writing the rows. Here every statement is built once
and the rows are those the ORM wrote, in the same order (organ, series, notice, register
entry, body, activities, departments, revision), so the change_log and search triggers see
the same sequence. Whole plans and bodies are multi-row INSERTs (mapping.py).
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import Connection, Insert, bindparam, insert, select, update

from unionoffice.domain.doc_number import DocNumber, validate_series_code, validate_year
from unionoffice.domain.errors import ConflictError
from unionoffice.domain.notice import NoticeData, NoticeStatus
from unionoffice.storage.mapping import header_values, write_activities, write_body
from unionoffice.storage.models import (
    DocNumberSeries,
    Notice,
    NoticeRevision,
    Organ,
    RegisterEntry,
)

# The summary of a new notice's first save in its 痕迹 (history.py).
CREATED = "新建"

_ORGANS = Organ.metadata.tables[Organ.__tablename__]
_SERIES = DocNumberSeries.metadata.tables[DocNumberSeries.__tablename__]
_NOTICES = Notice.metadata.tables[Notice.__tablename__]
_REGISTER = RegisterEntry.metadata.tables[RegisterEntry.__tablename__]
_REVISIONS = NoticeRevision.metadata.tables[NoticeRevision.__tablename__]

_ORGAN_BY_NAME = select(_ORGANS.c.id).where(_ORGANS.c.name == bindparam("name"))
_NEW_ORGAN = insert(_ORGANS)
_SERIES_BY_CODE = select(_SERIES.c.id, _SERIES.c.organ_id).where(
    _SERIES.c.code == bindparam("code")
)
_NEW_SERIES = insert(_SERIES)
_SERIES_ORGAN = (
    update(_SERIES)
    .where(_SERIES.c.id == bindparam("series_id"))
    .values(organ_id=bindparam("organ"))
)
_ENTRY = select(
    _REGISTER.c.id, _REGISTER.c.notice_id, _REGISTER.c.voided, _REGISTER.c.void_reason,
    _REGISTER.c.title,
).where(
    _REGISTER.c.series_id == bindparam("series_id"),
    _REGISTER.c.year == bindparam("year"),
    _REGISTER.c.number == bindparam("number"),
)  # fmt: skip
_BIND_ENTRY = (
    update(_REGISTER)
    .where(_REGISTER.c.id == bindparam("entry_id"))
    .values(notice_id=bindparam("notice"), title=bindparam("notice_title"))
)
_NEW_ENTRY = insert(_REGISTER)
_NEW_NOTICE = insert(_NOTICES)
_NEW_REVISION = insert(_REVISIONS)


def insert_notice(
    connection: Connection,
    data: NoticeData,
    *,
    source_hash: str | None = None,
    source_text: str | None = None,
    clerk: str = "",
) -> int:
    """Write ``data`` as a new notice inside the connection's transaction; its id.

    A 文号 in ``data`` must be free or reserved without a notice (ConflictError otherwise);
    it is registered, taken by ``clerk``, with no gap looked for below it.
    """
    organ_id = _organ_id(connection, data.organ) if data.organ else None
    series_id = _series_id(connection, data.series_code, organ_id) if data.series_code else None
    year = validate_year(data.year) if data.year else None
    status = str(NoticeStatus.DRAFT)
    if data.status not in (NoticeStatus.DRAFT, NoticeStatus.NUMBERED):
        status = str(data.status)
    entry_id = number = None
    if data.number is not None and data.series_code and data.year:
        doc_number = DocNumber(data.series_code, data.year, data.number)
        assert series_id is not None
        entry_id = _free_entry(connection, doc_number, series_id)
        number = doc_number.number
        if status == NoticeStatus.DRAFT:
            status = str(NoticeStatus.NUMBERED)
    row = header_values(data)
    row.update(
        organ_id=organ_id,
        series_id=series_id,
        year=year,
        number=number,
        status=status,
        source_hash=source_hash,
        source_text=source_text,
    )
    notice_id = _inserted(connection, _NEW_NOTICE, row)
    if number is not None:
        if entry_id is not None:  # a reserved number now goes to its notice
            values = {"entry_id": entry_id, "notice": notice_id, "notice_title": data.title}
            connection.execute(_BIND_ENTRY, values)
        else:
            connection.execute(
                _NEW_ENTRY,
                {"series_id": series_id, "year": year, "number": number,
                 "notice_id": notice_id, "title": data.title, "manual": True,
                 "allocated_by": clerk},
            )  # fmt: skip
    write_body(connection, notice_id, data)
    write_activities(connection, notice_id, organ_id, data)
    connection.execute(
        _NEW_REVISION,
        {"notice_id": notice_id, "version": 1, "clerk": clerk, "summary": CREATED, "patch": ""},
    )
    return notice_id


def _organ_id(connection: Connection, name: str) -> int:
    """The organ named ``name``, made with its red header when there is none yet."""
    found = connection.execute(_ORGAN_BY_NAME, {"name": name}).scalar()
    if found is not None:
        return int(found)
    values = {"name": name, "header_text": f"{name}文件"}
    return _inserted(connection, _NEW_ORGAN, values)


def _series_id(connection: Connection, code: str, organ_id: int | None) -> int:
    """The series ``code``, made for the organ when there is none yet; a series without an
    organ becomes the organ's."""
    code = validate_series_code(code)
    found = connection.execute(_SERIES_BY_CODE, {"code": code}).first()
    if found is None:
        values = {"code": code, "organ_id": organ_id}
        return _inserted(connection, _NEW_SERIES, values)
    series_id, owner = found
    if owner is None and organ_id is not None:
        connection.execute(_SERIES_ORGAN, {"series_id": series_id, "organ": organ_id})
    return int(series_id)


def _free_entry(connection: Connection, doc_number: DocNumber, series_id: int) -> int | None:
    """The register entry that reserves ``doc_number`` for no notice yet, None when the number
    is not in the register; ConflictError when it is voided or taken (numbering's rules)."""
    entry = connection.execute(
        _ENTRY,
        {"series_id": series_id, "year": doc_number.year, "number": doc_number.number},
    ).first()
    if entry is None:
        return None
    entry_id, notice_id, voided, void_reason, title = entry
    if voided:
        raise ConflictError(f"文号 {doc_number} 已作废（{void_reason}），不能再用")
    if notice_id is not None:
        owner = f"：{title}" if title else ""
        raise ConflictError(f"文号 {doc_number} 已被占用{owner}")
    return int(entry_id)


def _inserted(connection: Connection, statement: Insert, values: Mapping[str, object]) -> int:
    """The id of the row ``statement`` inserts with ``values``."""
    key = connection.execute(statement, values).inserted_primary_key
    assert key is not None
    return int(key[0])
