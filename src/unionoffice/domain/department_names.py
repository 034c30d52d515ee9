"""Which department of an organ's list a name written in a notice means.

Offices write the same department several ways: the list says 宣教部, a notice from above says
省总宣教部 or 西宁市总工会宣教部. A name is matched to a listed department when it is that
department's name, one of its aliases (kept by the clerk, or left by a merge), or the same once
an organ prefix (省总, 市总工会, the organ's own name …) is taken off both. Nothing else is
matched: 女职工部 never becomes 女职委, and a name that could mean two departments is kept as
written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from unionoffice.domain.notice import NoticeData

# An organ written before a department: 省总, 市总工会, 西宁市总工会, 海东市总, 全总, 总工会.
# The place is at most eight characters and must end in a level (省市州县区盟旗), so 总务处
# keeps its 总.
_ORGAN_PREFIX = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,8}?(?:省|市|州|县|区|盟|旗)总(?:工会)?(?:机关)?|全总|总工会)"
)
_SHORTEST = 2  # what is left after the prefix must still name something (not 部)


def without_organ_prefix(name: str, organs: Iterable[str] = ()) -> str:
    """``name`` with an organ prefix taken off (省总宣教部 → 宣教部); itself when none is, or
    when too little would be left."""
    name = name.strip()
    for organ in sorted((o for o in organs if o), key=len, reverse=True):
        if name.startswith(organ) and len(name) - len(organ) >= _SHORTEST:
            return name[len(organ) :]
    found = _ORGAN_PREFIX.match(name)
    if found and len(name) - found.end() >= _SHORTEST:
        return name[found.end() :]
    return name


@dataclass(frozen=True)
class DepartmentMatcher:
    """An organ's department list with its aliases, answering "which department is this?"."""

    names: tuple[str, ...] = ()
    aliases: Mapping[str, str] = field(default_factory=dict)  # alias -> department name
    organs: tuple[str, ...] = ()  # the organ's own names, taken off like 省总

    def match(self, written: str) -> str | None:
        """The listed department ``written`` means, or None when it is none or unclear."""
        written = written.strip()
        if not written:
            return None
        if written in self.names:
            return written
        if written in self.aliases:
            return self.aliases[written]
        bare = without_organ_prefix(written, self.organs)
        found = {
            department
            for key, department in (
                *((n, n) for n in self.names),
                *self.aliases.items(),
            )
            if without_organ_prefix(key, self.organs) == bare
        }
        return found.pop() if len(found) == 1 else None

    def canonical(self, written: str) -> str:
        """The listed name for ``written``, or ``written`` as it was when none matches."""
        return self.match(written) or written.strip()


@dataclass(frozen=True)
class DepartmentMerge:
    """What a merge of two departments changed, so that it can be undone exactly.

    ``moved``: (activity_departments row id, its name, its department id) before the merge;
    ``dropped``: (activity id, role, position, name) of rows removed because the activity named
    both departments in the same role; ``aliases``: the merged department's own aliases, which
    moved to the kept one.
    """

    organ_id: int
    kept: str
    merged: str
    merged_position: int
    aliases: tuple[str, ...] = ()
    moved: tuple[tuple[int, str, int | None], ...] = ()
    dropped: tuple[tuple[int, str, int, str], ...] = ()
    notice_ids: frozenset[int] = frozenset()

    @property
    def activities_moved(self) -> int:
        return len(self.moved)


def with_listed_departments(
    notice: NoticeData, matcher: DepartmentMatcher
) -> tuple[NoticeData, list[tuple[str, str]]]:
    """A copy of ``notice`` whose 牵头/配合 names are the listed departments they mean, and
    the (written, listed) pairs that were changed, in order of first mention."""
    changed: dict[str, str] = {}

    def listed(names: list[str]) -> list[str]:
        out: list[str] = []
        for name in names:
            found = matcher.match(name)
            if found is not None and found != name.strip():
                changed.setdefault(name.strip(), found)
            out.append(found or name)
        return list(dict.fromkeys(out))

    activities = [
        replace(a, lead=listed(a.lead), cooperating=listed(a.cooperating))
        for a in notice.activities
    ]
    return replace(notice, activities=activities), list(changed.items())
