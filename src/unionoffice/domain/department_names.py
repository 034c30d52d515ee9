"""Which department of an organ's list a name written in a notice means.

Offices write the same department several ways: the list says 宣教部, a notice of the same
office says 省总宣教部 or 青海省总工会宣教部. A name is matched to a listed department when it
is that department's name, one of its aliases (kept by the clerk, or left by a merge), or the
same once the organ's own prefix (its name, 青海省总工会, 省总 …) is taken off both. Nothing
else is matched: 各市总工会宣教部 and 市总宣教部 name other bodies' departments, 女职工部 never
becomes 女职委, and a name that could mean two departments is kept as written.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from unionoffice.domain.notice import NoticeData

# A 总工会 and its place: 青海省总工会 -> (青海省, 省); 西宁市总工会办公室 -> (西宁市, 市).
_UNION = re.compile(r"^(?P<place>[\u4e00-\u9fff]{0,8}?(?P<level>[省市州县区盟旗]))总工会")
_SHORTEST = 2  # what is left after the prefix must still name something (not 部)


def organ_prefixes(organs: Iterable[str]) -> tuple[str, ...]:
    """How an organ writes itself before its departments, longest first: its names, and for
    a 总工会 its place with 总工会 or 总 and the short forms 省总工会, 省总 (市总 …)."""
    found: set[str] = set()
    for organ in (o.strip() for o in organs):
        if not organ:
            continue
        found.add(organ)
        union = _UNION.match(organ)
        if union:
            place, level = union["place"], union["level"]
            found |= {f"{place}总工会", f"{place}总", f"{level}总工会", f"{level}总"}
        if organ.startswith("中华全国总工会"):
            found |= {"中华全国总工会", "全总"}
    return tuple(sorted(found, key=lambda p: (-len(p), p)))


def without_organ_prefix(name: str, prefixes: Iterable[str]) -> str:
    """``name`` with the first of ``prefixes`` it starts with taken off (省总宣教部 → 宣教部);
    itself when none is, or when too little would be left."""
    name = name.strip()
    for prefix in prefixes:
        if prefix and name.startswith(prefix) and len(name) - len(prefix) >= _SHORTEST:
            return name[len(prefix) :]
    return name


@dataclass(frozen=True)
class DepartmentMatcher:
    """An organ's department list with its aliases, answering "which department is this?"."""

    names: tuple[str, ...] = ()
    aliases: Mapping[str, str] = field(default_factory=dict)  # alias -> department name
    organs: tuple[str, ...] = ()  # the organ's own names (青海省总工会): 省总 … are taken off

    @functools.cached_property
    def prefixes(self) -> tuple[str, ...]:
        return organ_prefixes(self.organs)

    def match(self, written: str) -> str | None:
        """The listed department ``written`` means, or None when it is none or unclear."""
        written = written.strip()
        if not written:
            return None
        if written in self.names:
            return written
        if written in self.aliases:
            return self.aliases[written]
        bare = without_organ_prefix(written, self.prefixes)
        found = {
            department
            for key, department in (
                *((n, n) for n in self.names),
                *self.aliases.items(),
            )
            if without_organ_prefix(key, self.prefixes) == bare
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
