"""The application icon's bitmaps, rendered from resources/unionoffice.svg:

    .venv/bin/python scripts/make_icons.py

- resources/unionoffice.png: 256×256, for the Linux .desktop entry and the bundle;
- resources/unionoffice.ico: 16 to 256 pixels, for the Windows .exe (PyInstaller).

The outputs are committed (a checkout, the wheel and packaging/build use them as they are);
run this after changing the SVG. Qt's SVG renderer draws each size and Qt's PNG writer encodes
it; the .ico container is written here because Qt's ICO writer stores only one size, and
Windows picks the size it needs from the file (16 in lists, 32 on the desktop, 256 in tiles).
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_SIZE = 256


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """The SVG drawn on a transparent square of ``size`` pixels."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, b"PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: list[QImage]) -> bytes:
    """An ICO file holding each image as PNG (read by Windows Vista and later)."""
    pngs = [png_bytes(image) for image in images]
    header = struct.pack("<HHH", 0, 1, len(images))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(images)
    entries = b""
    for image, png in zip(images, pngs, strict=True):
        side = image.width() % 256  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
    return header + entries + b"".join(pngs)


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    source = RESOURCES / "unionoffice.svg"
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        print(f"cannot read {source}", file=sys.stderr)
        return 1
    png = RESOURCES / "unionoffice.png"
    png.write_bytes(png_bytes(render(renderer, PNG_SIZE)))
    ico = RESOURCES / "unionoffice.ico"
    ico.write_bytes(ico_bytes([render(renderer, size) for size in ICO_SIZES]))
    for path in (png, ico):
        print(f"{path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
