"""发文机关, 文号 series and the department master list."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from unionoffice.domain.doc_number import validate_series_code
from unionoffice.domain.errors import ConflictError, NotFoundError
from unionoffice.domain.organs import OrganInfo
from unionoffice.storage.database import Database
from unionoffice.storage.models import Department, DocNumberSeries, Organ
from unionoffice.storage.services.office_setup import (
    NAME_MAX,
    clean_organ_fields,
    clean_series_code,
)


def find_or_create_organ(session: Session, name: str) -> tuple[Organ, bool]:
    organ = session.scalar(select(Organ).where(Organ.name == name))
    if organ is not None:
        return organ, False
    organ = Organ(name=name, header_text=f"{name}文件")
    session.add(organ)
    session.flush()
    return organ, True


def find_or_create_series(
    session: Session, code: str, organ: Organ | None = None
) -> tuple[DocNumberSeries, bool]:
    code = validate_series_code(code)
    series = session.scalar(select(DocNumberSeries).where(DocNumberSeries.code == code))
    if series is not None:
        if series.organ is None and organ is not None:
            series.organ = organ
        return series, False
    series = DocNumberSeries(code=code, organ=organ)
    session.add(series)
    session.flush()
    return series, True


def find_or_create_department(session: Session, organ: Organ | None, name: str) -> Department:
    query = select(Department).where(Department.name == name)
    query = query.where(
        Department.organ_id == organ.id if organ is not None else Department.organ_id.is_(None)
    )
    department = session.scalar(query)
    if department is None:
        count = len(organ.departments) if organ is not None else 0
        department = Department(organ=organ, name=name, position=count)
        session.add(department)
        session.flush()
    return department


class OrganService:
    """Reads and changes the reference data a clerk sets up once: organs, series, departments."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def create_organ(
        self,
        name: str,
        *,
        header_text: str = "",
        default_recipients: str = "",
        default_distributor: str = "",
        series_codes: list[str] | None = None,
        departments: list[str] | None = None,
    ) -> int:
        name = name.strip()
        if not name:
            raise ConflictError("发文机关名称不能为空")
        with self.db.session() as session:
            if session.scalar(select(Organ.id).where(Organ.name == name)) is not None:
                raise ConflictError(f"发文机关“{name}”已存在")
            organ = Organ(
                name=name,
                header_text=header_text or f"{name}文件",
                default_recipients=default_recipients,
                default_distributor=default_distributor or name,
            )
            session.add(organ)
            session.flush()
            for code in series_codes or []:
                series, created = find_or_create_series(session, code, organ)
                if not created and series.organ is not organ:
                    raise ConflictError(f"机关代字“{code}”已属于其他发文机关")
            for position, department in enumerate(departments or []):
                session.add(Department(organ=organ, name=department, position=position))
            return organ.id

    def organs(self) -> list[OrganInfo]:
        with self.db.read_session() as session:
            organs = session.scalars(select(Organ).order_by(Organ.id)).all()
            return [_organ_info(organ) for organ in organs]

    def organ(self, organ_id: int) -> OrganInfo:
        with self.db.read_session() as session:
            organ = session.get(Organ, organ_id)
            if organ is None:
                raise NotFoundError(f"没有编号为 {organ_id} 的发文机关")
            return _organ_info(organ)

    def department_names(self, organ_id: int | None = None) -> list[str]:
        """The master list, in the organ's order; all organs' when organ_id is None."""
        with self.db.read_session() as session:
            query = select(Department.name).order_by(Department.organ_id, Department.position)
            if organ_id is not None:
                query = query.where(Department.organ_id == organ_id)
            return list(dict.fromkeys(session.scalars(query)))

    def department_names_of(self, organ_name: str) -> list[str]:
        """The master list of the organ named ``organ_name``, in order (empty without one)."""
        query = (
            select(Department.name)
            .join(Organ, Department.organ_id == Organ.id)
            .where(Organ.name == organ_name)
            .order_by(Department.position)
        )
        with self.db.read_session() as session:
            return list(session.scalars(query))

    def add_department(self, organ_id: int, name: str) -> None:
        """Add a department at the end of the organ's list; a name already there is kept."""
        name = _clean_department_name(name)
        with self._writing("部门"), self.db.session() as session:
            organ = _get_organ(session, organ_id)
            find_or_create_department(session, organ, name)

    def update_organ(
        self,
        organ_id: int,
        *,
        name: str,
        header_text: str,
        default_recipients: str,
        default_distributor: str,
    ) -> OrganInfo:
        """Change an organ's name, 发文机关标志, default 主送机关 and 印发机关 together.

        Notices already written keep the texts they carry; only new ones take the defaults.
        """
        name, header_text, recipients, distributor = clean_organ_fields(
            name, header_text, default_recipients, default_distributor
        )
        with self._writing("发文机关"), self.db.session() as session:
            organ = _get_organ(session, organ_id)
            clash = session.scalar(select(Organ.id).where(Organ.name == name, Organ.id != organ_id))
            if clash is not None:
                raise ConflictError(f"发文机关“{name}”已存在")
            organ.name = name
            organ.header_text = header_text
            organ.default_recipients = recipients
            organ.default_distributor = distributor
            session.flush()
            return _organ_info(organ)

    def add_series(self, organ_id: int, code: str) -> str:
        """A new 机关代字 (文号 series) of the organ; the code as stored."""
        code = clean_series_code(code)
        with self._writing("机关代字"), self.db.session() as session:
            organ = _get_organ(session, organ_id)
            series = session.scalar(select(DocNumberSeries).where(DocNumberSeries.code == code))
            if series is not None:
                if series.organ is organ:
                    raise ConflictError(f"机关代字“{code}”已在本发文机关的列表中")
                if series.organ is not None:
                    raise ConflictError(f"机关代字“{code}”已属于发文机关“{series.organ.name}”")
                series.organ = organ  # used before without an organ: it is this one's now
            else:
                session.add(DocNumberSeries(code=code, organ=organ))
            session.flush()
            return code

    def rename_department(self, organ_id: int, old_name: str, new_name: str) -> None:
        """Rename an entry of the master list; activities keep the names they were given."""
        new_name = _clean_department_name(new_name)
        with self._writing("部门"), self.db.session() as session:
            organ = _get_organ(session, organ_id)
            department = _get_department(organ, old_name)
            if new_name == department.name:
                return
            if any(d.name == new_name for d in organ.departments):
                raise ConflictError(f"部门“{new_name}”已在列表中")
            department.name = new_name
            session.flush()

    def remove_department(self, organ_id: int, name: str) -> None:
        """Take a department off the master list; activities naming it keep the name."""
        with self._writing("部门"), self.db.session() as session:
            organ = _get_organ(session, organ_id)
            department = _get_department(organ, name)
            remaining = [d for d in organ.departments if d is not department]
            session.delete(department)
            session.flush()
            _renumber(remaining)
            session.flush()

    def move_department(self, organ_id: int, name: str, offset: int) -> int:
        """Move a department up (offset < 0) or down the list; its new index."""
        with self._writing("部门"), self.db.session() as session:
            organ = _get_organ(session, organ_id)
            department = _get_department(organ, name)
            ordered = list(organ.departments)
            index = ordered.index(department)
            target = min(max(index + offset, 0), len(ordered) - 1)
            ordered.insert(target, ordered.pop(index))
            _renumber(ordered)
            session.flush()
            return target

    @staticmethod
    @contextmanager
    def _writing(what: str) -> Iterator[None]:
        """A unique constraint hit by another clerk's change is a plain conflict to the clerk."""
        try:
            yield
        except IntegrityError:
            raise ConflictError(
                f"{what}刚被其他用户修改，数据库未作修改；请关闭设置后重新打开查看"
            ) from None

    def series_codes(self) -> list[str]:
        with self.db.read_session() as session:
            return list(session.scalars(select(DocNumberSeries.code).order_by(DocNumberSeries.id)))


def _get_organ(session: Session, organ_id: int) -> Organ:
    organ = session.get(Organ, organ_id)
    if organ is None:
        raise NotFoundError(f"没有编号为 {organ_id} 的发文机关（可能已被其他用户删除）")
    return organ


def _get_department(organ: Organ, name: str) -> Department:
    for department in organ.departments:
        if department.name == name:
            return department
    raise NotFoundError(f"部门“{name}”不在“{organ.name}”的部门列表中")


def _clean_department_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise ConflictError("部门名称不能为空")
    if len(name) > NAME_MAX:
        raise ConflictError(f"部门名称过长（最多 {NAME_MAX} 个字）")
    return name


def _renumber(departments: list[Department]) -> None:
    for position, department in enumerate(departments):
        department.position = position


def _organ_info(organ: Organ) -> OrganInfo:
    return OrganInfo(
        id=organ.id,
        name=organ.name,
        header_text=organ.header_text,
        default_recipients=organ.default_recipients,
        default_distributor=organ.default_distributor,
        series_codes=tuple(s.code for s in organ.series),
        departments=tuple(d.name for d in organ.departments),
    )
