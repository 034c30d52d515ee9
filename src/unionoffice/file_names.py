"""File names made from what a clerk typed (a notice's title, a timetable's name).

A title may hold any character, but a file name on Windows may not hold ``\\ / : * ? " < > |``
or control characters, may not end in a dot or a space, and may not be ``CON``, ``NUL``,
``COM1`` … whatever its extension. pathvalidate knows these rules; its Windows rules are
applied on every platform, so a file exported on Linux can be copied to an office PC.
"""

from __future__ import annotations

from pathvalidate import sanitize_filename

# Long enough for 文号 and a long title, short enough to leave room for the folder's path
# under Windows' 260-character limit.
DEFAULT_MAX_CHARS = 80


def safe_file_name(text: str, *, fallback: str, max_chars: int = DEFAULT_MAX_CHARS) -> str:
    """``text`` as a file name (without extension) that Windows and Linux both accept.

    Forbidden characters become ``_``; ``fallback`` is used when nothing usable is left.
    """
    shortened = " ".join(text.split())[:max_chars]  # line breaks and tabs as one space
    name = sanitize_filename(shortened, replacement_text="_", platform="windows")
    name = name.strip(" .")
    if not name.strip("_"):
        return fallback
    return name
