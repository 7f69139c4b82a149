"""Which field each column feeds: its header and its values scored together (evidence.py says what
the values look like), one column per one-value field, a second company name in another script as
the customer's other name. The header side (synonyms, the header row) is headers.py.
"""

from __future__ import annotations

from collections.abc import Sequence

from trade_crm.domain.duplicates.matching import looks_like_company
from trade_crm.exchange.importing.layout.evidence import (
    STRICT,
    SUPPORTS,
    ColumnEvidence,
    Evidence,
    column_evidence,
    sample_values,
)
from trade_crm.exchange.importing.layout.header_synonyms import LAYOUTS, NO_CONTENT_CLAIM
from trade_crm.exchange.importing.layout.headers import ColumnMapping, fold_header, header_match

# Content alone claims a column for a field when this share of its values has the shape; a person's
# name shape only where the column has no header (a "Hall A" or "New York" column is not people).
_CLAIM = {"email": 0.5, "website": 0.6, "phone": 0.6, "country": 0.6, "company": 0.3, "person": 0.6}
_UNIQUE = ("company", "contact_name", "country", "city", "website")
_SHOWN = 0.5  # evidence that does not support the column's field is shown from this share up
_SALUTATIONS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "madam", "mx", "herr", "frau",
                          "先生", "女士", "小姐", "prefix"})


def _content_target(values: list[str], header_blank: bool) -> str | None:
    filled = [v.strip() for v in values if v and v.strip()]
    if not filled:
        return None
    share = lambda test: sum(1 for v in filled if test(v)) / len(filled)  # noqa: E731
    if share(lambda v: v.casefold().rstrip(".") in _SALUTATIONS) >= 0.8:
        return "notes"  # "Title" holding Mr./Mrs. is a salutation, not a job title
    if header_blank and len(filled) >= 3 and all(v.isdigit() for v in filled):
        numbers = [int(v) for v in filled]
        if numbers == list(range(numbers[0], numbers[0] + len(numbers))):
            return "ignore"  # a running row number (a pandas index, 序号)
    return None


def _no_claim(header: str) -> bool:
    folded = fold_header(header)
    return any(w in NO_CONTENT_CLAIM for w in folded.split()) or any(
        w in folded for w in NO_CONTENT_CLAIM if not w.isascii())


def _choose(header_target: str | None, weight: float, evidence: ColumnEvidence,
            blank: bool) -> tuple[str | None, str]:
    """The field with the highest score, header and values together, and where it came from.

    The header counts `weight` (1.0, or 0.9 when read through brackets or plurals) plus the share of
    the values that fit it; a shape claims a column by itself past its _CLAIM share, strict shapes
    (email, web address, phone) with 1.5 times their share, so 80% emails under "Name" are emails.
    A tie keeps the header."""
    scores: dict[str, float] = {}
    if header_target is not None:
        scores[header_target] = weight + evidence.support(header_target)
    for kind, fields in SUPPORTS.items():
        share = evidence.share(kind)
        if share < _CLAIM[kind] or (kind == "person" and not blank) or any(f in scores for f in fields):
            continue
        scores[fields[0]] = share * (1.5 if kind in STRICT else 1.0)
    if not scores:
        return None, "default"
    best = max(scores, key=lambda f: (scores[f], f == header_target))
    return best, ("auto" if best == header_target else "content")


def _evidence_for(target: str, evidence: ColumnEvidence) -> Evidence | None:
    """What the mapping page shows beside the column: the shape that fits its field, else a strong other one."""
    kinds = [k for k, fields in SUPPORTS.items() if target in fields]
    found = evidence.strongest(kinds)
    if found is None and (other := evidence.strongest()) is not None and other.share >= _SHOWN:
        found = other
    return found


def auto_map(headers: Sequence[str], samples: Sequence[Sequence[str]], *, blank: Sequence[bool] = (),
             unmapped: str = "notes") -> tuple[ColumnMapping, ...]:
    """Map every column by its header and what it holds (a sample of its values); the rest go to `unmapped`."""
    folded = {fold_header(h) for h in headers}
    overrides: dict[str, str] = {}
    for required, layout in LAYOUTS:
        if required <= folded:
            overrides.update(layout)
    out, evidences = [], []
    for index, header in enumerate(headers):
        values = sample_values(samples, index)
        evidence = column_evidence(values)
        evidences.append(evidence)
        is_blank = blank[index] if index < len(blank) else not header.strip()
        target, origin = overrides.get(fold_header(header)), "layout"
        if target is None:
            header_target, weight = (None, 0.0) if is_blank else header_match(header)
            if _no_claim(header):  # the header's word stands, the values claim nothing
                target, origin = header_target, "auto"
            else:
                target, origin = _choose(header_target, weight, evidence, is_blank)
        sniffed = _content_target(values, is_blank)
        if sniffed and (target is None or (target == "title" and sniffed == "notes")):
            target, origin = sniffed, "content"
        if target is None:
            target, origin = unmapped, "default"
        out.append(ColumnMapping(index, header, target, origin=origin, evidence=_evidence_for(target, evidence)))
    out = _one_column_per_field(out, evidences, unmapped)
    return _company_in_name_column(out, samples)


def _one_column_per_field(columns: list[ColumnMapping], evidences: list[ColumnEvidence],
                          unmapped: str) -> list[ColumnMapping]:
    """A field that takes one value keeps its best column. A second company name in another script
    ("公司名称" beside "Company Name (English)") becomes the other name; a second column claimed by its
    values alone goes back to `unmapped`; a second one named by its header stays (the cleaner keeps
    its value in the notes)."""
    for target in _UNIQUE:
        claimed = [c for c in columns if c.target == target]
        if len(claimed) < 2:
            continue
        keep = max(claimed, key=lambda c: (c.origin != "content", evidences[c.index].support(target),
                                           -c.index))
        script = evidences[keep.index].script
        for column in claimed:
            if column is keep:
                continue
            other = evidences[column.index].script
            if target == "company" and script and other and other != script and not any(
                    c.target == "alt_name" for c in columns):
                columns[column.index] = _retarget(column, "alt_name")
            elif column.origin == "content":
                columns[column.index] = _retarget(column, unmapped, "default")
    return columns


def _retarget(column: ColumnMapping, target: str, origin: str | None = None) -> ColumnMapping:
    return ColumnMapping(column.index, column.header, target, column.custom_name, origin or column.origin,
                         column.evidence)


def _company_in_name_column(columns: list[ColumnMapping], samples) -> tuple[ColumnMapping, ...]:
    """An exhibitor list's "Name" is the company: with no company column, a name column whose values
    carry legal forms (GmbH, Ltd., 有限公司) feeds the company."""
    if any(c.target == "company" for c in columns):
        return tuple(columns)
    for position, column in enumerate(columns):
        if column.target != "contact_name":
            continue
        values = [row[column.index] for row in samples if column.index < len(row) and row[column.index].strip()]
        if values and sum(looks_like_company(v) for v in values) >= 0.3 * len(values):
            columns[position] = _retarget(column, "company", "content")
            break
    return tuple(columns)


