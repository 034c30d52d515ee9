"""An issuing organ (发文机关) as the settings and the editor show it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OrganInfo:
    """An organ with its 标志, defaults, 机关代字 and departments."""

    id: int
    name: str
    header_text: str
    default_recipients: str
    default_distributor: str
    series_codes: tuple[str, ...]
    departments: tuple[str, ...]
