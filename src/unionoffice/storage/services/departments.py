"""A department's aliases, merging two departments of one organ and undoing a merge.

A merge is one transaction: the activities' 牵头/配合 links to the merged department (and the
unlinked names written exactly like it on the organ's notices) move to the kept one, its name
and aliases become aliases of the kept one, and it leaves the list. Updating the links' names
marks their notices for notice_search_texts (migration 0007), so search stays right.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.orm import Session

from unionoffice.domain.department_names import DepartmentMatcher, DepartmentMerge
from unionoffice.domain.errors import ConflictError, NotFoundError
from unionoffice.storage.database import Database
from unionoffice.storage.models import (
    Activity,
    ActivityDepartment,
    Department,
    DepartmentAlias,
    Notice,
    Organ,
)
from unionoffice.storage.services.office_setup import NAME_MAX
from unionoffice.storage.services.organs import OrganService

_CHUNK = 500  # ids per IN (...): well under every database's limit of parameters


class DepartmentService:
    """Aliases and merges of the department master lists."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- aliases ------------------------------------------------------------------------------

    def aliases(self, organ_id: int, department: str) -> list[str]:
        with self.db.read_session() as session:
            found = _department(session, organ_id, department)
            return [alias.name for alias in found.aliases]

    def set_aliases(self, organ_id: int, department: str, aliases: Iterable[str]) -> list[str]:
        """Replace the department's aliases; a name that is another department's (or its
        alias) is refused, since imports could not tell which one it means. The aliases kept."""
        wanted = list(dict.fromkeys(a.strip() for a in aliases if a.strip()))
        with OrganService._writing("部门别名"), self.db.session() as session:
            found = _department(session, organ_id, department)
            for name in wanted:
                if len(name) > NAME_MAX:
                    raise ConflictError(f"别名“{name[:20]}…”过长（最多 {NAME_MAX} 个字）")
                if name == found.name:
                    raise ConflictError(f"“{name}”就是部门本身的名称，无需作为别名")
                owner = _owner_of(session, found.organ_id, name, besides=found.id)
                if owner is not None:
                    raise ConflictError(f"“{name}”已是部门“{owner}”的名称或别名")
            found.aliases = [a for a in found.aliases if a.name in wanted]
            have = {a.name for a in found.aliases}
            found.aliases.extend(DepartmentAlias(name=n) for n in wanted if n not in have)
            session.flush()
            return [a.name for a in found.aliases]

    def matcher_of(self, organ_name: str) -> DepartmentMatcher:
        """The department list and aliases of the organ named ``organ_name`` (empty without)."""
        with self.db.read_session() as session:
            organ = session.scalar(select(Organ).where(Organ.name == organ_name))
            if organ is None:
                return DepartmentMatcher()
            return _matcher(session, organ)

    # -- merging ------------------------------------------------------------------------------

    def links(self, organ_id: int, department: str) -> int:
        """How many 牵头/配合 entries of activities name the department (what a merge moves)."""
        with self.db.read_session() as session:
            found = _department(session, organ_id, department)
            return len(session.execute(_links_of(found)).all())

    def merge(self, organ_id: int, merged: str, kept: str) -> DepartmentMerge:
        """Merge department ``merged`` into ``kept`` (one transaction); what to undo it with."""
        with OrganService._writing("部门"), self.db.session() as session:
            gone = _department(session, organ_id, merged)
            into = _department(session, organ_id, kept)
            if gone.id == into.id:
                raise ConflictError("请选择另一个部门作为合并后保留的部门")
            rows = session.execute(_links_of(gone)).all()
            kept_pairs: set[tuple[int, str]] = set()
            for ids in _chunks(sorted({r.activity_id for r in rows})):
                kept_pairs.update(
                    (activity_id, role)
                    for activity_id, role in session.execute(
                        select(ActivityDepartment.activity_id, ActivityDepartment.role).where(
                            ActivityDepartment.activity_id.in_(ids),
                            or_(
                                ActivityDepartment.department_id == into.id,
                                ActivityDepartment.name == into.name,
                            ),
                        )
                    )
                )
            moved = [r for r in rows if (r.activity_id, r.role) not in kept_pairs]
            dropped = [r for r in rows if (r.activity_id, r.role) in kept_pairs]
            for ids in _chunks([r.id for r in moved]):
                session.execute(
                    update(ActivityDepartment)
                    .where(ActivityDepartment.id.in_(ids))
                    .values(name=into.name, department_id=into.id)
                )
            for ids in _chunks([r.id for r in dropped]):
                session.execute(delete(ActivityDepartment).where(ActivityDepartment.id.in_(ids)))
            own_aliases = tuple(a.name for a in gone.aliases)
            have = {a.name for a in into.aliases}
            into.aliases.extend(
                DepartmentAlias(name=name)
                for name in dict.fromkeys((gone.name, *own_aliases))
                if name not in have and name != into.name
            )
            record = DepartmentMerge(
                organ_id=organ_id,
                kept=into.name,
                merged=gone.name,
                merged_position=gone.position,
                aliases=own_aliases,
                moved=tuple((r.id, r.name, r.department_id) for r in moved),
                dropped=tuple((r.activity_id, r.role, r.position, r.name) for r in dropped),
                notice_ids=frozenset(r.notice_id for r in rows),
            )
            organ = into.organ
            session.delete(gone)
            session.flush()
            if organ is not None:
                session.expire(organ, ["departments"])
                _renumber(organ.departments)
            session.flush()
            return record

    def undo_merge(self, merge: DepartmentMerge) -> None:
        """Put the merged department back as it was, with its links, aliases and place.

        Links of activities rewritten since the merge (a plan saved again) are left as they
        are now: the merge is undone for what it still holds."""
        with OrganService._writing("部门"), self.db.session() as session:
            into = _department(session, merge.organ_id, merge.kept)
            organ = into.organ
            if any(d.name == merge.merged for d in (organ.departments if organ else [])):
                raise ConflictError(f"部门“{merge.merged}”已在列表中，无法撤销合并")
            restored_names = {merge.merged, *merge.aliases}
            into.aliases = [a for a in into.aliases if a.name not in restored_names]
            session.flush()
            back = Department(organ=organ, name=merge.merged, position=merge.merged_position)
            back.aliases = [DepartmentAlias(name=name) for name in merge.aliases]
            session.add(back)
            session.flush()
            if organ is not None:
                ordered = [d for d in organ.departments if d is not back]
                ordered.insert(min(merge.merged_position, len(ordered)), back)
                _renumber(ordered)
            for row_id, name, department_id in merge.moved:
                session.execute(
                    update(ActivityDepartment)
                    .where(
                        ActivityDepartment.id == row_id,
                        ActivityDepartment.department_id == into.id,
                    )
                    .values(name=name, department_id=back.id if department_id else None)
                )
            wanted = {a for a, _role, _position, _name in merge.dropped}
            existing = (
                set(session.scalars(select(Activity.id).where(Activity.id.in_(wanted))))
                if wanted
                else set()
            )
            taken = (
                {
                    tuple(row)
                    for row in session.execute(
                        select(
                            ActivityDepartment.activity_id,
                            ActivityDepartment.role,
                            ActivityDepartment.position,
                        ).where(ActivityDepartment.activity_id.in_(existing))
                    )
                }
                if existing
                else set()
            )
            rows = [
                {"activity_id": a, "role": role, "position": position, "name": name,
                 "department_id": back.id}
                for a, role, position, name in merge.dropped
                if a in existing and (a, role, position) not in taken
            ]  # fmt: skip
            if rows:
                session.execute(insert(ActivityDepartment), rows)
            session.flush()


def _department(session: Session, organ_id: int, name: str) -> Department:
    found = session.scalar(
        select(Department).where(Department.organ_id == organ_id, Department.name == name)
    )
    if found is None:
        raise NotFoundError(f"部门“{name}”不在部门列表中（可能已被其他用户修改）")
    return found


def _links_of(department: Department):  # type: ignore[no-untyped-def]
    """The 牵头/配合 rows a merge of ``department`` moves: those linked to it, and those
    written with its name but linked to nothing, on notices of its organ or of none."""
    written = (
        (ActivityDepartment.department_id.is_(None))
        & (ActivityDepartment.name == department.name)
        & or_(Notice.organ_id == department.organ_id, Notice.organ_id.is_(None))
    )
    return (
        select(
            ActivityDepartment.id,
            ActivityDepartment.activity_id,
            ActivityDepartment.role,
            ActivityDepartment.position,
            ActivityDepartment.name,
            ActivityDepartment.department_id,
            Activity.notice_id,
        )
        .join(Activity, Activity.id == ActivityDepartment.activity_id)
        .join(Notice, Notice.id == Activity.notice_id)
        .where(or_(ActivityDepartment.department_id == department.id, written))
        .order_by(ActivityDepartment.id)
    )


def _owner_of(session: Session, organ_id: int | None, name: str, *, besides: int) -> str | None:
    """The department of the organ whose name or alias ``name`` is, other than ``besides``."""
    same_organ = Department.organ_id == organ_id
    owner = session.scalar(
        select(Department.name).where(same_organ, Department.name == name, Department.id != besides)
    )
    if owner is None:
        owner = session.scalar(
            select(Department.name)
            .join(DepartmentAlias, DepartmentAlias.department_id == Department.id)
            .where(same_organ, DepartmentAlias.name == name, Department.id != besides)
        )
    return owner


def _matcher(session: Session, organ: Organ) -> DepartmentMatcher:
    names = tuple(d.name for d in organ.departments)
    aliases = {
        alias: department
        for alias, department in session.execute(
            select(DepartmentAlias.name, Department.name)
            .join(Department, Department.id == DepartmentAlias.department_id)
            .where(Department.organ_id == organ.id)
        )
    }
    return DepartmentMatcher(names, aliases, _organ_names(organ))


def _organ_names(organ: Organ) -> tuple[str, ...]:
    """The organ's own name and the 标志's, as they may be written before a department."""
    header = organ.header_text.removesuffix("文件")
    return tuple(n for n in dict.fromkeys((organ.name, header)) if n)


def _renumber(departments: Sequence[Department]) -> None:
    for position, department in enumerate(departments):
        department.position = position


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]
