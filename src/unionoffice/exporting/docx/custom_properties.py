"""Custom document properties (docProps/custom.xml): the notice's identity in its Word file.

An exported notice carries its id, its version and its 文号 as custom properties (文件 → 属性
→ 自定义 in Word, not visible in the text), so importing the file after a leader edited it
finds the notice again instead of making a new one. python-docx reads and writes only the core
properties, so the part is written here as the OPC spec has it: a part of content type
``custom-properties+xml`` related from the package with its own relationship type.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part

PARTNAME = "/docProps/custom.xml"
PROPERTIES_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VTYPES_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
# The format id every custom property carries (the spec's FMTID_UserDefinedProperties).
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"

NOTICE_ID = "UnionOffice.NoticeId"
NOTICE_VERSION = "UnionOffice.NoticeVersion"
DOC_NUMBER = "UnionOffice.DocNumber"
PLAN_LAYOUT = "UnionOffice.PlanLayout"


@dataclass(frozen=True)
class ExportIdentity:
    """Which notice, at which version, a Word file was exported from."""

    notice_id: int
    version: int
    doc_number: str | None = None
    plan_layout: str = ""  # how the activities were written (PlanLayout), to read them back

    def to_properties(self) -> dict[str, int | str]:
        values: dict[str, int | str] = {NOTICE_ID: self.notice_id, NOTICE_VERSION: self.version}
        if self.doc_number:
            values[DOC_NUMBER] = self.doc_number
        if self.plan_layout:
            values[PLAN_LAYOUT] = self.plan_layout
        return values

    @classmethod
    def from_properties(cls, values: dict[str, str]) -> ExportIdentity | None:
        """The identity a file's properties name; None when they name none (or a damaged one)."""
        try:
            notice_id, version = int(values[NOTICE_ID]), int(values[NOTICE_VERSION])
        except (KeyError, ValueError):
            return None
        if notice_id <= 0 or version <= 0:
            return None
        return cls(notice_id, version, values.get(DOC_NUMBER) or None, values.get(PLAN_LAYOUT, ""))


def set_custom_properties(document: Any, values: dict[str, int | str]) -> None:
    """Write ``values`` as the document's custom properties (replacing any it had)."""
    package = document.part.package
    blob = custom_properties_xml(values)
    try:
        part = package.part_related_by(RT.CUSTOM_PROPERTIES)
    except KeyError:
        part = Part(PackURI(PARTNAME), CT.OFC_CUSTOM_PROPERTIES, blob, package)
        package.relate_to(part, RT.CUSTOM_PROPERTIES)
    else:
        part._blob = blob


def custom_properties_xml(values: dict[str, int | str]) -> bytes:
    """The custom.xml part for ``values``: integers as ``vt:i4``, the rest as ``vt:lpwstr``."""
    items = []
    for pid, (name, value) in enumerate(values.items(), start=2):  # pid 0 and 1 are reserved
        if isinstance(value, int) and not isinstance(value, bool):
            typed = f"<vt:i4>{value}</vt:i4>"
        else:
            typed = f"<vt:lpwstr>{escape(str(value))}</vt:lpwstr>"
        items.append(
            f'<property fmtid="{_FMTID}" pid="{pid}" name="{escape(name, {chr(34): "&quot;"})}">'
            f"{typed}</property>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{PROPERTIES_NS}" xmlns:vt="{VTYPES_NS}">{"".join(items)}</Properties>'
    ).encode()


def read_custom_properties(document: Any) -> dict[str, str]:
    """The document's custom properties as text, by name; {} when it has none."""
    from docx.oxml.parser import parse_xml

    try:
        part = document.part.package.part_related_by(RT.CUSTOM_PROPERTIES)
    except KeyError:
        return {}
    try:
        root = parse_xml(part.blob)
    except Exception:  # a damaged part only loses the identity, not the import
        return {}
    values: dict[str, str] = {}
    for prop in root.iterchildren(f"{{{PROPERTIES_NS}}}property"):
        name = prop.get("name")
        if name and len(prop):
            values[name] = (prop[0].text or "").strip()
    return values
