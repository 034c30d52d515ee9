"""发文机关, 文号 series and the department master list."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from unionoffice.domain.doc_number import validate_series_code
from unionoffice.domain.errors import ConflictError, NotFoundError
from unionoffice.storage.database import Database
from unionoffice.storage.models import Department, DocNumberSeries, Organ


@dataclass(frozen=True)
class OrganInfo:
    id: int
    name: str
    header_text: str
    default_recipients: str
    default_distributor: str
    series_codes: tuple[str, ...]
    departments: tuple[str, ...]


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

    def add_department(self, organ_id: int, name: str) -> None:
        name = name.strip()
        if not name:
            raise ConflictError("部门名称不能为空")
        with self.db.session() as session:
            organ = session.get(Organ, organ_id)
            if organ is None:
                raise NotFoundError(f"没有编号为 {organ_id} 的发文机关")
            find_or_create_department(session, organ, name)

    def series_codes(self) -> list[str]:
        with self.db.read_session() as session:
            return list(session.scalars(select(DocNumberSeries.code).order_by(DocNumberSeries.id)))


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
