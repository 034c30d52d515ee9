"""The console as Windows gives it: legacy code pages, no console at all, no wildcards.

- Output piped or redirected on Windows is encoded in the ANSI code page (cp936 on Chinese
  Windows, cp1252 on English Windows), which cannot hold every character a notice may carry
  (•, ✓, rare characters of names such as 𠀀): human-readable output replaces what the
  encoding cannot hold instead of failing halfway, and JSON is always written as UTF-8 bytes,
  since it is read by programs.
- The windowed entry points (``unionoffice-gui``, ``pythonw``, ``UnionOffice.exe``) have no
  console: ``sys.stdout`` and ``sys.stderr`` are None, and whatever a command would print goes
  nowhere instead of raising.
- cmd.exe and PowerShell hand ``*.docx`` to the program as typed; the program expands it.
"""

from __future__ import annotations

import codecs
import glob
import io
import sys
from collections.abc import Iterable
from typing import TextIO

# Whether the shell leaves wildcards to the program (tests play Windows by setting it).
SHELL_LEAVES_WILDCARDS = sys.platform == "win32"
_WILDCARDS = ("*", "?")
_UNICODE_ENCODINGS = {"utf-8", "utf-16", "utf-32", "utf-8-sig", "gb18030"}


class Discard(io.StringIO):
    """Where output goes when there is no console: accepted and forgotten."""

    def write(self, text: str) -> int:
        return len(text)


def usable_stream(stream: TextIO | None) -> TextIO:
    """``stream`` ready for any character; a sink that forgets everything when it is None.

    A stream whose encoding cannot hold every character is switched to replacing what it
    cannot encode (``?``) rather than raising UnicodeEncodeError.
    """
    if stream is None:
        return Discard()
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        name = encoding
    reconfigure = getattr(stream, "reconfigure", None)
    strict = getattr(stream, "errors", "strict") == "strict"
    if name not in _UNICODE_ENCODINGS and reconfigure is not None and strict:
        reconfigure(errors="replace")
    return stream


def prepare_standard_streams() -> None:
    """Make sys.stdout and sys.stderr safe for Chinese before anything is printed (argparse
    prints help and usage errors to them directly)."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            usable_stream(stream)


def write_utf8(stream: TextIO, text: str) -> None:
    """``text`` as UTF-8 bytes whatever the stream's encoding (for JSON)."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # an in-memory stream (tests) or the discarding sink: text is text
        stream.write(text)
        return
    stream.flush()  # what was printed before comes first
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def expand_wildcards(arguments: Iterable[str]) -> list[str]:
    """``*.docx`` and ``通知?.txt`` expanded as a Unix shell would, where the shell does not.

    A pattern that matches nothing stays as typed, so that the command says it is missing;
    Word's ``~$`` owner files are never included. ``[`` is an ordinary character in Windows
    file names and is matched as itself.
    """
    arguments = list(arguments)
    if not SHELL_LEAVES_WILDCARDS:
        return arguments
    expanded: list[str] = []
    for argument in arguments:
        if not any(wildcard in argument for wildcard in _WILDCARDS):
            expanded.append(argument)
            continue
        pattern = argument.replace("[", "[[]")
        matches = sorted(
            path
            for path in glob.glob(pattern)
            if not path.replace("\\", "/").rsplit("/", 1)[-1].startswith("~$")
        )
        expanded.extend(matches or [argument])
    return expanded
