"""The document's font table with alternates, so a PC without the GB fonts substitutes well.

Word (and WPS) take a missing font's w:altName, then its panose and charset, to choose a
stand-in: 方正小标宋简体 → 华文中宋 → 宋体, 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体. Without
these entries a PC lacking 方正小标宋简体 shows the title in whatever Word guesses.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document
from lxml import etree

from unionoffice.exporting.docx.options import FontSet

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CJK_PANOSE = "02010609060101010101"  # the GB 仿宋/楷体/黑体 faces' class
# python-docx's blank document lists Japanese fonts; a Chinese notice needs none of them.
_DROPPED = {"ＭＳ 明朝", "ＭＳ ゴシック", "MS Mincho", "MS Gothic"}


@dataclass(frozen=True)
class FontEntry:
    name: str
    alternate: str = ""
    panose: str = ""
    charset: str = "86"  # GB2312
    family: str = "modern"
    pitch: str = "fixed"


# Windows names first; each alternate is tried when the font before it is missing.
FONTS = (
    FontEntry("方正小标宋简体", "华文中宋", family="script", pitch="default"),
    FontEntry("华文中宋", "宋体", "02010600040101010101", family="auto", pitch="variable"),
    FontEntry("宋体", "SimSun", "02010600030101010101", family="auto", pitch="variable"),
    FontEntry("仿宋_GB2312", "仿宋"),
    FontEntry("仿宋", "FangSong", _CJK_PANOSE),
    FontEntry("楷体_GB2312", "楷体"),
    FontEntry("楷体", "KaiTi", _CJK_PANOSE),
    FontEntry("黑体", "SimHei", _CJK_PANOSE),
    FontEntry(
        "Times New Roman", "", "02020603050405020304", charset="00", family="roman",
        pitch="variable",
    ),
)


def _entry_element(entry: FontEntry) -> etree._Element:
    font = etree.Element(f"{{{_W}}}font", {f"{{{_W}}}name": entry.name})
    if entry.alternate:
        etree.SubElement(font, f"{{{_W}}}altName", {f"{{{_W}}}val": entry.alternate})
    if entry.panose:
        etree.SubElement(font, f"{{{_W}}}panose1", {f"{{{_W}}}val": entry.panose})
    for tag, value in (("charset", entry.charset), ("family", entry.family)):
        etree.SubElement(font, f"{{{_W}}}{tag}", {f"{{{_W}}}val": value})
    etree.SubElement(font, f"{{{_W}}}pitch", {f"{{{_W}}}val": entry.pitch})
    return font


def entries_for(fonts: FontSet) -> list[FontEntry]:
    """The entries for the fonts a template names, with their alternates' own entries."""
    known = {entry.name: entry for entry in FONTS}
    wanted = [fonts.body, fonts.heading1, fonts.heading2, fonts.title, fonts.page_number]
    wanted.append(fonts.ascii or "Times New Roman")
    result: dict[str, FontEntry] = {}
    for name in wanted:
        while name and name not in result:
            entry = known.get(name, FontEntry(name))
            result[name] = entry
            name = entry.alternate if entry.alternate in known else ""
    return list(result.values())


def write_font_table(document: Document, fonts: FontSet) -> None:
    """Replace the entries of the fonts ``fonts`` names (and drop python-docx's Japanese
    ones); a template's other fonts stay listed."""
    part = next(
        (r.target_part for r in document.part.rels.values() if r.reltype.endswith("/fontTable")),
        None,
    )
    if part is None:
        return
    root = etree.fromstring(part.blob)
    entries = entries_for(fonts)
    names = {entry.name for entry in entries} | _DROPPED
    for font in root.findall(f"{{{_W}}}font"):
        if font.get(f"{{{_W}}}name") in names:
            root.remove(font)
    for entry in entries:
        root.append(_entry_element(entry))
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
