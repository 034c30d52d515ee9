"""resources/: the icons the code names exist and keep the set's style; the application icon's
bitmaps are made from its SVG; the Linux desktop entry starts the installed program."""

from __future__ import annotations

import ast
import configparser
import re
import tomllib
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtGui import QImage, QImageReader

from unionoffice.gui import assets

GUI = Path(assets.__file__).resolve().parent
RESOURCES = assets.asset_dir("resources")
ROOT = Path(__file__).resolve().parents[2]
SVG = "{http://www.w3.org/2000/svg}"
STROKE, ACCENT = "#37474f", "#c62828"


def icon_names_in_code() -> set[str]:
    """Every icon("name") and icon_name="name" the gui package writes."""
    names: set[str] = set()
    for module in GUI.rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            if isinstance(node.func, ast.Name) and node.func.id == "icon" and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    names.add(first.value)
            for keyword in node.keywords:
                value = keyword.value
                if keyword.arg == "icon_name" and isinstance(value, ast.Constant):
                    names.add(str(value.value))
            # make_action(window, text, slot, shortcut, "name"): the fifth argument
            if (
                isinstance(node.func, ast.Name)
                and node.func.id == "make_action"
                and len(node.args) == 5
                and isinstance(node.args[4], ast.Constant)
            ):
                names.add(str(node.args[4].value))
    names.discard("")
    return names


def test_every_icon_the_code_names_exists_and_every_icon_is_used() -> None:
    files = {path.stem for path in (RESOURCES / "icons").glob("*.svg")}
    used = icon_names_in_code()
    assert len(used) >= 20
    assert used == files, f"missing: {used - files}, unused: {files - used}"


@pytest.mark.parametrize("path", sorted((RESOURCES / "icons").glob("*.svg")), ids=lambda p: p.stem)
def test_icon_keeps_the_style_of_the_set(qapp, path: Path) -> None:
    """24×24, lines of one width with round ends, the slate stroke and one red accent."""
    root = ElementTree.parse(path).getroot()
    assert root.get("viewBox") == "0 0 24 24"
    assert root.get("stroke") == STROKE and root.get("fill") == "none"
    assert root.get("stroke-width") == "1.75" and root.get("stroke-linecap") == "round"
    colours = {e.get("stroke") for e in root.iter() if e.get("stroke")}
    assert colours <= {STROKE, ACCENT}
    assert not {e.get("fill") for e in root.iter(f"{SVG}path") if e.get("fill")}
    assert not [e for e in root.iter() if e.get("stroke-width") not in (None, "1.75")]
    icon = assets.icon(path.stem)
    image = icon.pixmap(24, 24).toImage()
    assert any(image.pixelColor(x, y).alpha() for x in range(24) for y in range(24))


def test_app_icon_bitmaps_are_made_from_its_svg(qapp) -> None:
    """The committed .png and .ico are scripts/make_icons.py's output for the SVG as it is."""
    from PySide6.QtSvg import QSvgRenderer
    from scripts.make_icons import ICO_SIZES, render

    renderer = QSvgRenderer(str(RESOURCES / "unionoffice.svg"))
    assert renderer.isValid()
    png = QImage(str(RESOURCES / "unionoffice.png"))
    assert png.width() == png.height() == 256
    reader = QImageReader(str(RESOURCES / "unionoffice.ico"))
    sizes = []
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        image = reader.read()
        sizes.append(image.width())
        fresh = render(renderer, image.width()).convertToFormat(QImage.Format.Format_ARGB32)
        assert _differing(image.convertToFormat(QImage.Format.Format_ARGB32), fresh) < 0.02
    assert tuple(sizes) == ICO_SIZES
    fresh = render(renderer, 256).convertToFormat(QImage.Format.Format_ARGB32)
    assert _differing(png.convertToFormat(QImage.Format.Format_ARGB32), fresh) < 0.02
    # a red header band at the top, a white page below it
    assert png.pixelColor(128, 40).name() == ACCENT
    assert png.pixelColor(128, 124).name() == "#ffffff"


def _differing(a: QImage, b: QImage) -> float:
    """The share of pixels differing by more than a little (antialiasing may vary)."""
    assert a.size() == b.size()
    changed = 0
    for y in range(a.height()):
        for x in range(a.width()):
            p, q = a.pixelColor(x, y), b.pixelColor(x, y)
            if max(abs(p.red() - q.red()), abs(p.alpha() - q.alpha())) > 24:
                changed += 1
    return changed / (a.width() * a.height())


def test_desktop_entry_starts_the_installed_window_with_its_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(RESOURCES / "unionoffice.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert section["Exec"].split()[0] in project["gui-scripts"]
    assert section["Icon"] == assets.APP_ICON and (RESOURCES / f"{assets.APP_ICON}.png").is_file()
    assert section["Name[zh_CN]"] == "工会公文助手" and section["Type"] == "Application"


def test_licence_of_the_resources_is_named() -> None:
    readme = (RESOURCES / "README.md").read_text(encoding="utf-8")
    assert re.search(r"## Licence\s+Every file here was drawn for UnionOffice", readme)
    assert "MIT" in readme


def test_packaging_ships_ui_and_resources() -> None:
    """The wheel (setup.py) and the bundle (the spec) carry both folders as package data."""
    setup = (ROOT / "setup.py").read_text(encoding="utf-8")
    assert '"ui": ("*.ui",)' in setup and '"resources":' in setup
    spec = (ROOT / "packaging" / "unionoffice.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "ui"), "unionoffice/ui")' in spec
    assert '(str(ROOT / "resources"), "unionoffice/resources")' in spec
    assert 'ROOT / "resources" / ("unionoffice.ico"' in spec
