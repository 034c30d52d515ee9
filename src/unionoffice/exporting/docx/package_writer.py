"""Saving a document's package as python-docx does, with a template's unchanged parts
compressed once.

A notice changes its document, headers and properties; the template's styles (hundreds of
kilobytes), theme and thumbnail go into every file as they are. python-docx compresses them
again on each save; here a part whose bytes are the very bytes the template gave is written
from its compressed form kept with the template. The zip holds the same parts in the same
order with the same content as python-docx's, deflated at zlib's default level.
"""

from __future__ import annotations

import struct
import time
import zlib
from collections.abc import Callable
from typing import IO, Any

from docx.opc.pkgwriter import PackageWriter

# A compressed part: its crc32, its size and its raw deflate stream.
Compressed = tuple[int, int, bytes]
# The compressed form of a template's unchanged part by member name, or None when the bytes
# given are not the template's own.
CompressedLookup = Callable[[str, bytes], Compressed | None]

_LIMIT = 0xFFFF_FFFF  # beyond it a zip needs ZIP64, which this writer does not write
_VERSION = 20  # deflate
_UNIX = 3 << 8  # "made by" Unix, as zipfile writes on Linux and macOS
_FILE_ATTRIBUTES = 0o600 << 16  # rw------- as zipfile gives a member written from bytes


def compress(data: bytes) -> Compressed:
    """``data`` deflated as zipfile does (zlib's default level, raw stream)."""
    deflate = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return zlib.crc32(data), len(data), deflate.compress(data) + deflate.flush()


def save_package(document: Any, stream: IO[bytes], unchanged: CompressedLookup) -> None:
    """Write ``document``'s package to ``stream`` as python-docx's ``save`` would."""
    package = document.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    writer: Any = _ZipWriter(stream, unchanged)
    # python-docx's own steps (PackageWriter.write), with this writer in place of its zip
    PackageWriter._write_content_types_stream(writer, parts)
    PackageWriter._write_pkg_rels(writer, package.rels)
    PackageWriter._write_parts(writer, parts)
    writer.close()


class _ZipWriter:
    """The PhysPkgWriter interface python-docx writes through: ``write`` and ``close``."""

    def __init__(self, stream: IO[bytes], unchanged: CompressedLookup) -> None:
        self._stream = stream
        self._unchanged = unchanged
        self._central: list[bytes] = []
        self._offset = 0
        now = time.localtime(time.time())
        self._time = now.tm_hour << 11 | now.tm_min << 5 | now.tm_sec // 2
        self._date = (now.tm_year - 1980) << 9 | now.tm_mon << 5 | now.tm_mday

    def write(self, pack_uri: Any, blob: bytes) -> None:
        name = str(pack_uri.membername)
        crc, size, data = self._unchanged(name, blob) or compress(blob)
        if max(size, len(data), self._offset) >= _LIMIT:
            raise ValueError(f"{name}: too large for a zip without ZIP64")
        encoded = name.encode("utf-8")
        flags = 0 if encoded.isascii() else 0x800  # the name in UTF-8
        fields = (_VERSION, flags, 8, self._time, self._date, crc, len(data), size, len(encoded))
        header = struct.pack("<4s5HL2L2H", b"PK\x03\x04", *fields, 0)
        self._central.append(
            struct.pack("<4s6HL2L5HLL", b"PK\x01\x02", _UNIX | _VERSION, *fields, 0, 0, 0, 0,
                        _FILE_ATTRIBUTES, self._offset) + encoded
        )  # fmt: skip
        self._stream.write(header + encoded)
        self._stream.write(data)
        self._offset += len(header) + len(encoded) + len(data)

    def close(self) -> None:
        directory = b"".join(self._central)
        count = len(self._central)
        self._stream.write(directory)
        self._stream.write(
            struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(directory),
                        self._offset, 0)
        )  # fmt: skip
