"""The award history: years held, multi-year windows, and values computed from them.

The history is the register's list of :class:`~.records.Award` lines (decided by rounds or
imported from a commune's paper records). From it come the inputs a set asks the register to
compute (``years_held_consecutive`` and the like, instead of typed in), and the windows of
earlier multi-year awards: a year counted for one "Tiêu biểu" award cannot be counted again
(MOCST: a family awarded for 2020-2022 cannot be awarded again for 2021-2023).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..format.procedure import Level, Procedure
from .records import Award


@dataclass(frozen=True, slots=True)
class Window:
    """The years an earlier multi-year award counted, and the year it was awarded."""

    level: str
    first: int
    last: int
    awarded: int

    def years(self) -> range:
        """Every year of the window."""
        return range(self.first, self.last + 1)


class History:
    """The award lines of one set, indexed by candidate."""

    def __init__(self, set_id: str, awards: Iterable[Award]) -> None:
        self.set_id = set_id
        self._titles: dict[str, set[int]] = {}
        self._windows: dict[str, list[Window]] = {}
        for award in awards:
            if award.set_id != set_id:
                continue
            if award.title:
                self._titles.setdefault(award.candidate, set()).add(award.year)
            if award.level is not None and award.window is not None:
                window = Window(award.level, award.window[0], award.window[1], award.year)
                self._windows.setdefault(award.candidate, []).append(window)

    def held(self, candidate: str, year: int) -> bool:
        """Whether the candidate held the title in ``year``."""
        return year in self._titles.get(candidate, ())

    def years_before(self, candidate: str, year: int) -> int:
        """Consecutive years immediately before ``year`` in which the title was held."""
        held = self._titles.get(candidate, set())
        n = 0
        while year - n - 1 in held:
            n += 1
        return n

    def windows(self, candidate: str, level: str | None = None) -> list[Window]:
        """Windows of the candidate's earlier multi-year awards (of one level, or all)."""
        found = self._windows.get(candidate, [])
        return [w for w in found if level is None or w.level == level]

    def unused_years_before(self, candidate: str, year: int) -> int:
        """Consecutive years before ``year`` held and not counted by an earlier award's window."""
        used = {y for w in self.windows(candidate) for y in w.years()}
        held = self._titles.get(candidate, set())
        n = 0
        while year - n - 1 in held and year - n - 1 not in used:
            n += 1
        return n

    def overlap(self, candidate: str, level: str, years: range) -> Window | None:
        """An earlier window of ``level`` sharing a year with ``years``, if any."""
        for window in self.windows(candidate, level):
            if window.first <= years[-1] and years[0] <= window.last:
                return window
        return None


def level_window(level: Level, year: int) -> range:
    """The years a level awarded in ``year`` counts."""
    last = year - 1 if level.window_ends == "previous_year" else year
    return range(last - level.years + 1, last + 1)


def register_values(
    procedure: Procedure, history: History, candidates: Sequence[str], year: int
) -> dict[str, dict[str, int]]:
    """The inputs the procedure asks the register for, per candidate."""
    out: dict[str, dict[str, int]] = {}
    for candidate in candidates:
        values: dict[str, int] = {}
        for name, what in procedure.from_register.items():
            if what == "title_years_before":
                values[name] = history.years_before(candidate, year)
            else:
                values[name] = history.unused_years_before(candidate, year)
        out[candidate] = values
    return out


def titles_by_year(awards: Iterable[Award]) -> Mapping[int, int]:
    """How many titles were awarded each year (for summaries)."""
    counts: dict[int, int] = {}
    for award in awards:
        if award.title:
            counts[award.year] = counts.get(award.year, 0) + 1
    return dict(sorted(counts.items()))


__all__ = ["History", "Window", "level_window", "register_values", "titles_by_year"]
