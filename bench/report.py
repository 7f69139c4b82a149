"""Report rows and the plain-text table they print as."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Row:
    """One measured figure. `ratio` compares it with the section's same-run baseline (1.0 = same)."""

    section: str
    metric: str
    value: float
    unit: str
    ratio: float | None = None
    target: str = ""
    ok: bool | None = None  # None: no target
    note: str = ""
    floor: str = ""  # what `ratio` divides by, for a headline figure (README's performance table)

    @property
    def shown(self) -> str:
        if self.unit == "rows/s":
            return f"{self.value:,.0f}"
        if self.unit in ("", "rows", "customers", "queries"):
            return f"{self.value:,.0f}"
        if self.unit == "MB":
            return f"{self.value:,.1f}"
        if self.unit in ("ms",) and self.value < 10:
            return f"{self.value:.2f}"
        return f"{self.value:,.1f}"


def timing(section: str, metric: str, seconds: float, baseline: float | None = None, *, target_ms: float | None = None,
           note: str = "") -> Row:
    ms = seconds * 1000
    return Row(section, metric, ms, "ms", ratio=(seconds / baseline) if baseline else None,
               target=f"< {target_ms:g} ms" if target_ms is not None else "",
               ok=(ms < target_ms) if target_ms is not None else None, note=note)


def render(rows: Iterable[Row]) -> str:
    rows = list(rows)
    header = ("metric", "value", "unit", "x base", "target", "", "note")
    table = [header]
    sections: list[tuple[str, list[tuple[str, ...]]]] = []
    for row in rows:
        if not sections or sections[-1][0] != row.section:
            sections.append((row.section, []))
        sections[-1][1].append((
            row.metric, row.shown, row.unit, f"{row.ratio:.2f}" if row.ratio is not None else "",
            row.target, {True: "ok", False: "MISS", None: ""}[row.ok], row.note,
        ))
    for _, lines in sections:
        table.extend(lines)
    widths = [max(len(str(line[i])) for line in table) for i in range(len(header))]

    def fmt(line: tuple[str, ...]) -> str:
        cells = [str(line[0]).ljust(widths[0]), str(line[1]).rjust(widths[1])]
        cells += [str(cell).ljust(width) for cell, width in zip(line[2:], widths[2:], strict=True)]
        return "  ".join(cells).rstrip()

    out = [fmt(header), "-" * len(fmt(header))]
    for section, lines in sections:
        out.append(f"[{section}]")
        out.extend(fmt(line) for line in lines)
    return "\n".join(out)


def headline_table(rows: Iterable[Row]) -> str:
    """The README's performance table: every row that names its floor, with the ratio and the target."""
    lines = ["| figure | value | floor | x floor | target | |", "|---|---:|---|---:|---|---|"]
    for row in rows:
        if not row.floor:
            continue
        ratio = f"{row.ratio:.2f}" if row.ratio is not None else ""
        verdict = {True: "ok", False: "MISS", None: ""}[row.ok]
        lines.append(f"| {row.metric.strip()} | {row.shown} {row.unit} | {row.floor} | {ratio} | {row.target} "
                     f"| {verdict} |")
    return "\n".join(lines)


README_START, README_END = "<!-- bench:start -->", "<!-- bench:end -->"


def write_readme_table(readme: Path, rows: Iterable[Row], heading: str) -> None:
    """Replace the text between the README's bench markers with `heading` and the headline table."""
    text = readme.read_text(encoding="utf-8")
    start, end = text.index(README_START) + len(README_START), text.index(README_END)
    readme.write_text(f"{text[:start]}\n{heading}\n\n{headline_table(rows)}\n{text[end:]}", encoding="utf-8")


def median_seconds(call: Callable[[], object], repeats: int) -> float:
    """Median seconds of `repeats` calls after one untimed warm-up call."""
    call()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
