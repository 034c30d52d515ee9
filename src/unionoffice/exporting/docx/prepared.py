"""A template opened and prepared once, then copied for each notice.

What an export does to a template before any notice is in it — the role styles and fonts, the
font table, the runs' own fonts cleared — is the same for every notice, so it is done once per
template file and font choice; the result is kept as the parts a saved copy has. Each export
builds its document from those parts without reading the file again. The styles part, by far
the largest, is parsed only if something reads it, and goes into the saved file from its
compressed form made at the first save. A template changed on disk is prepared again.
"""

from __future__ import annotations

import copy
import io
import threading
import weakref
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import IO, Any

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.oxml import serialize_part_xml
from docx.opc.package import Unmarshaller
from docx.opc.part import Part, PartFactory
from docx.opc.pkgreader import PackageReader
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.package import Package
from docx.parts.styles import StylesPart

from unionoffice.exporting.docx import ooxml
from unionoffice.exporting.docx.font_table import write_font_table
from unionoffice.exporting.docx.options import FontSet
from unionoffice.exporting.docx.package_writer import Compressed, compress, save_package
from unionoffice.exporting.docx.placeholders import iter_all_paragraphs
from unionoffice.exporting.docx.styles import Role, ensure_styles, style_ids
from unionoffice.exporting.docx.template_geometry import Styles
from unionoffice.exporting.docx.templates import TemplateInfo, TemplateSettings, load_template

CACHED_TEMPLATES = 4  # an office uses one or two; each keeps about 1 MB of parts


@dataclass
class PreparedTemplate:
    """A template's parts ready to be filled, and what the export reads of its styles."""

    info: TemplateInfo
    settings: TemplateSettings
    style_ids: dict[Role, str]
    geometry: Styles  # the paragraph styles' spacing, for where the body starts
    letterhead_size_pt: float | None  # the 发文机关标志 style's size
    _reader: PackageReader
    _blobs: dict[str, bytes]  # each part's bytes by member name, as the template gives them
    _compressed: dict[str, Compressed] = field(default_factory=dict)

    def open(self) -> Document:
        """A new document with the prepared template's content, to fill with one notice."""
        package = Package()
        Unmarshaller.unmarshal(self._reader, package, _part_factory)
        _origins[package] = self
        document: Document = package.main_document_part.document
        return document

    def compressed(self, name: str, blob: bytes) -> Compressed | None:
        """The compressed form of part ``name`` when ``blob`` is the template's own bytes."""
        if self._blobs.get(name) is not blob:
            return None
        found = self._compressed.get(name)
        if found is None:
            found = self._compressed[name] = compress(blob)
        return found


def save_document(document: Document, stream: IO[bytes]) -> None:
    """Save ``document`` as python-docx does; one opened from a prepared template is written
    with the template's unchanged parts as they were compressed once."""
    template = _origins.get(document.part.package)
    if template is None:
        document.save(stream)
    else:
        save_package(document, stream, template.compressed)


_origins: weakref.WeakKeyDictionary[Any, PreparedTemplate] = weakref.WeakKeyDictionary()
_cache: OrderedDict[tuple[object, ...], PreparedTemplate] = OrderedDict()
_lock = threading.Lock()


def prepared_template(info: TemplateInfo, fonts: FontSet | None = None) -> PreparedTemplate:
    """The template ``info`` prepared for ``fonts`` (None: its own), from the cache while its
    file is unchanged; raises TemplateError as load_template does."""
    try:
        stat = info.path.stat()
        key: tuple[object, ...] = (
            str(info.path.resolve()), info.name, stat.st_mtime_ns, stat.st_size, fonts
        )  # fmt: skip
    except OSError:
        return _prepare(info, fonts)  # load_template names the problem
    with _lock:
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
            return found
    prepared = _prepare(info, fonts)
    with _lock:
        _cache[key] = prepared
        while len(_cache) > CACHED_TEMPLATES:
            _cache.popitem(last=False)
    return prepared


def _prepare(info: TemplateInfo, fonts: FontSet | None) -> PreparedTemplate:
    template = load_template(info)
    document = template.document
    ensure_styles(document, fonts)
    write_font_table(document, fonts or template_fonts(document))
    if fonts is not None:
        clear_run_fonts(document)
    size = document.styles[Role.LETTERHEAD.value].font.size
    content = io.BytesIO()
    document.save(content)
    reader = PackageReader.from_file(content)
    blobs = {str(partname.membername): blob for partname, _ct, _rt, blob in reader.iter_sparts()}
    return PreparedTemplate(
        info=info,
        settings=template.settings,
        style_ids=style_ids(document),
        geometry=_detached(Styles(document)),
        letterhead_size_pt=size.pt if size else None,
        _reader=reader,
        _blobs=blobs,
    )


def template_fonts(document: Document) -> FontSet:
    """The fonts a template's styles name, to list with their alternates."""
    chosen = {}
    for key, role in (("body", Role.BODY), ("heading1", Role.HEADING1),
                      ("heading2", Role.HEADING2), ("title", Role.TITLE),
                      ("page_number", Role.PAGE_NUMBER)):  # fmt: skip
        east_asia, latin = ooxml.run_fonts(document.styles[role.value].element.rPr)
        if east_asia:
            chosen[key] = east_asia
        if key == "body" and latin:
            chosen["ascii"] = latin
    return FontSet(**chosen)


def clear_run_fonts(document: Document) -> None:
    """Fonts the template's runs name themselves give way to the styles the export sets."""
    for paragraph in iter_all_paragraphs(document):
        for run in paragraph.runs:
            rpr = run._r.rPr
            fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
            if rpr is not None and fonts is not None:
                rpr.remove(fonts)


def _detached(styles: Styles) -> Styles:
    """``styles`` reading its own copies of the paragraph properties it needs, so the
    template's whole styles part need not be kept."""
    kept = {qn("w:pPr"), qn("w:basedOn")}
    by_id = {}
    for style_id, element in styles._by_id.items():
        twin = copy.deepcopy(element)
        for child in list(twin):
            if child.tag not in kept:
                twin.remove(child)
        by_id[style_id] = twin
    detached = copy.copy(styles)
    detached._by_id = by_id
    detached._default = copy.deepcopy(styles._default) if styles._default is not None else None
    normal = styles._normal
    detached._normal = by_id.get(normal.get(qn("w:styleId"))) if normal is not None else None
    return detached


class _TemplateStylesPart(StylesPart):
    """The styles part as the prepared template has it: parsed when first read, written as
    the template's bytes while it never was."""

    def __init__(self, partname: Any, content_type: str, blob: bytes, package: Any) -> None:
        Part.__init__(self, partname, content_type, blob, package)
        self._parsed: Any = None

    @property  # type: ignore[override]
    def _element(self) -> Any:
        if self._parsed is None:
            self._parsed = parse_xml(self._blob or b"")
        return self._parsed

    @_element.setter
    def _element(self, element: Any) -> None:
        self._parsed = element

    @property
    def blob(self) -> bytes:
        if self._parsed is None:
            return self._blob or b""
        return serialize_part_xml(self._parsed)

    @classmethod
    def load(cls, partname: Any, content_type: str, blob: bytes, package: Any) -> StylesPart:
        return cls(partname, content_type, blob, package)


def _part_factory(
    partname: Any, content_type: str, reltype: str, blob: bytes, package: Any
) -> Part:
    if content_type == CT.WML_STYLES:
        return _TemplateStylesPart.load(partname, content_type, blob, package)
    part: Part = PartFactory(partname, content_type, reltype, blob, package)  # type: ignore[assignment]
    return part
