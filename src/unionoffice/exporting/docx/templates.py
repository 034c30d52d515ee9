"""Finding and opening notice templates: the shipped ones and the clerk's own.

Shipped templates live in the checkout's top-level ``templates/`` folder; the wheel and the
PyInstaller bundle carry them as ``unionoffice/templates`` package data (read with
importlib.resources), so an installed or frozen program finds them there and a checkout finds
them at the top. The clerk's folder is ``templates`` in the user data directory; a file there
with the same name as a shipped one takes its place. A template's name is its file name
without ``.docx``/``.dotx``; a path to a file works as well.

A template's settings are lines in its document properties' comments (Word: 文件 → 信息 →
属性 → 备注), e.g. ``活动方案：表格``, ``署名：不盖章``, ``印发栏：无``.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import docx
from docx.document import Document
from platformdirs import user_data_path

from unionoffice.exporting.docx.errors import TemplateError
from unionoffice.exporting.docx.options import PlanLayout, SignatureLayout
from unionoffice.exporting.docx.page_setup import apply_page_geometry
from unionoffice.output_files import expand_home

APP_NAME = "UnionOffice"  # the same folder as the database (storage.locations.APP_NAME)
DEFAULT_TEMPLATE = "文件式"
TEMPLATE_SUFFIXES = (".docx", ".dotx")
_DOTX_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_DOCX_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


@dataclass(frozen=True)
class TemplateInfo:
    """A template file and where it comes from."""

    name: str
    path: Path
    shipped: bool


@dataclass(frozen=True)
class TemplateSettings:
    """Choices a template makes beyond its styles and page setup."""

    plan_layout: PlanLayout = PlanLayout.PARAGRAPHS
    signature: SignatureLayout = SignatureLayout.SEALED
    distributor_line: bool = True  # 版记 ends with 印发机关 and 印发日期 (not in 信函式)


@dataclass
class LoadedTemplate:
    """An opened template: its document (to be filled) and its settings."""

    info: TemplateInfo
    document: Document
    settings: TemplateSettings


def shipped_template_dir() -> Path:
    """The folder of the templates that come with the program: installed, else the checkout's."""
    installed = Path(str(resources.files("unionoffice"))) / "templates"
    return installed if installed.is_dir() else checkout_template_dir()


def checkout_template_dir() -> Path:
    """templates/ at the top of a source checkout, where build_templates writes them."""
    return Path(__file__).resolve().parents[4] / "templates"


def user_template_dir() -> Path:
    """The clerk's own template folder (may not exist yet)."""
    return user_data_path(APP_NAME, appauthor=False) / "templates"


def available_templates(user_dir: Path | None = None) -> list[TemplateInfo]:
    """Shipped templates, then the clerk's; a clerk's template replaces a shipped namesake."""
    found: dict[str, TemplateInfo] = {}
    for folder, shipped in (
        (shipped_template_dir(), True),
        (user_dir or user_template_dir(), False),
    ):
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() in TEMPLATE_SUFFIXES and not path.name.startswith("~$"):
                found[path.stem] = TemplateInfo(path.stem, path, shipped)
    return list(found.values())


def find_template(name: str | None = None, user_dir: Path | None = None) -> TemplateInfo:
    """The template called ``name`` (default 文件式), or the file ``name`` points to."""
    wanted = (name or DEFAULT_TEMPLATE).strip()
    candidate = expand_home(wanted)
    if candidate.suffix.lower() in TEMPLATE_SUFFIXES or candidate.parent != Path("."):
        if candidate.is_file():
            return TemplateInfo(candidate.stem, candidate, False)
        raise TemplateError(f"找不到模板文件“{candidate}”")
    templates = available_templates(user_dir)
    for info in templates:
        if info.name == wanted:
            return info
    names = "、".join(t.name for t in templates) or "（无）"
    raise TemplateError(f"找不到模板“{wanted}”。可用的模板：{names}")


def load_template(info: TemplateInfo) -> LoadedTemplate:
    """Open a template, raising TemplateError that names it when the file is not a usable .docx."""
    try:
        data = info.path.read_bytes()
    except OSError as exc:
        raise TemplateError(f"模板“{info.name}”（{info.path}）无法读取：{exc.strerror}") from exc
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TemplateError(
            f"模板“{info.name}”（{info.path}）不是 .docx 格式的 Word 文档（可能是旧的 .doc "
            "格式或文件已损坏）。请在 Word 或 WPS 中打开并另存为 .docx"
        )
    try:
        document = docx.Document(io.BytesIO(_as_document_package(data)))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors …
        raise TemplateError(
            f"模板“{info.name}”（{info.path}）已损坏，无法作为 Word 文档打开（{exc}）。"
            "请在 Word 或 WPS 中打开并另存为 .docx，或改用其他模板"
        ) from exc
    if len(document.sections) == 0:
        # A template saved without page settings (some converters drop them): give it the
        # GB/T 9704 page rather than refuse it.
        document.element.body.get_or_add_sectPr()
        apply_page_geometry(document)
    settings = parse_settings(document.core_properties.comments or "", info.name)
    return LoadedTemplate(info, document, settings)


def _as_document_package(data: bytes) -> bytes:
    """A .dotx is a .docx with another content type; relabel it so python-docx opens it."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        types = (
            source.read("[Content_Types].xml")
            if "[Content_Types].xml" in source.namelist()
            else b""
        )
        if _DOTX_TYPE not in types:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                content = source.read(item.filename)
                if item.filename == "[Content_Types].xml":
                    content = content.replace(_DOTX_TYPE, _DOCX_TYPE)
                target.writestr(item, content)
        return out.getvalue()


_SETTING_LINE = re.compile(r"^\s*(?P<key>[^:：]+?)\s*[:：]\s*(?P<value>.*?)\s*$")
_CHOICES: dict[str, dict[str, object]] = {
    "活动方案": {"段落": PlanLayout.PARAGRAPHS, "表格": PlanLayout.TABLE},
    "署名": {
        "盖章": SignatureLayout.SEALED,
        "不盖章": SignatureLayout.UNSEALED,
        "无": SignatureLayout.NONE,
    },
    "印发栏": {"有": True, "无": False},
}
_FIELDS = {"活动方案": "plan_layout", "署名": "signature", "印发栏": "distributor_line"}


def parse_settings(text: str, template_name: str) -> TemplateSettings:
    """Read ``键：值`` lines; other lines are ignored, an unknown value is an error."""
    values: dict[str, object] = {}
    for line in text.splitlines():
        match = _SETTING_LINE.match(line)
        if not match or match["key"] not in _CHOICES:
            continue
        choices = _CHOICES[match["key"]]
        if match["value"] not in choices:
            raise TemplateError(
                f"模板“{template_name}”的设置“{line.strip()}”无法识别，"
                f"“{match['key']}”可以是：{'、'.join(choices)}"
            )
        values[_FIELDS[match["key"]]] = choices[match["value"]]
    return TemplateSettings(**values)  # type: ignore[arg-type]


def format_settings(settings: TemplateSettings) -> str:
    """The comment text that ``parse_settings`` reads back as ``settings``."""
    lines = []
    for key, field_name in _FIELDS.items():
        value = getattr(settings, field_name)
        label = next(k for k, v in _CHOICES[key].items() if v == value)
        lines.append(f"{key}：{label}")
    return "\n".join(lines)
