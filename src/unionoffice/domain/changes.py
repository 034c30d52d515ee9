"""What an operation changed, so that each view updates only that and nothing reloads all.

An operation (save a notice, take a number, import files, merge departments) says what it
touched; the application context hands the set to every view; each view asks only about what
it shows. Changes combine with ``|``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    """Which notices, activities and lists an operation changed."""

    # Notices whose header or body changed (title, 文号, status, date, folder …), or new ones.
    notices: frozenset[int] = field(default_factory=frozenset)
    # Notices whose activity plan changed (rows added, removed, edited).
    activities: frozenset[int] = field(default_factory=frozenset)
    # Notices gone from the lists (moved to the 回收站 or purged).
    removed: frozenset[int] = field(default_factory=frozenset)
    # 文号 series and years whose register changed: (机关代字, year).
    numbers: frozenset[tuple[str, int]] = field(default_factory=frozenset)
    departments: bool = False  # the department list or its aliases
    organs: bool = False  # issuing organs, their 机关代字 and defaults
    calendar_days: bool = False  # holidays and 调休 working days
    everything: bool = False  # another database, a restore: read it all again

    @classmethod
    def of_notice(cls, notice_id: int, *, activities: bool = True) -> Changes:
        """A saved notice: its fields, and its plan when ``activities``."""
        ids = frozenset({notice_id})
        return cls(notices=ids, activities=ids if activities else frozenset())

    @classmethod
    def all(cls) -> Changes:
        return cls(everything=True)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            notices=self.notices | other.notices,
            activities=self.activities | other.activities,
            removed=self.removed | other.removed,
            numbers=self.numbers | other.numbers,
            departments=self.departments or other.departments,
            organs=self.organs or other.organs,
            calendar_days=self.calendar_days or other.calendar_days,
            everything=self.everything or other.everything,
        )

    def __bool__(self) -> bool:
        return self != Changes()

    @property
    def listed_notices(self) -> frozenset[int]:
        """Notices whose line in a list (tree, counts) may show something new."""
        return self.notices | self.activities

    @property
    def touches_activities(self) -> bool:
        """Whether lists of activities (全部活动, the calendar) may show something new."""
        return bool(self.activities or self.removed or self.departments or self.everything)

    def touches_notice(self, notice_id: int) -> bool:
        return self.everything or notice_id in (self.notices | self.activities | self.removed)
