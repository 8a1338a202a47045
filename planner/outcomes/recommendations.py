"""Entering the recommendations an event adopts: add, remove, reorder, and a pasted block of
numbered text read as one recommendation per item."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from planner.errors import PlannerError
from planner.model import Event, Recommendation, Registry, SourceKind
from planner.outcomes.action_plan import iter_actions
from planner.outcomes.references import (
    index_references,
    normalise_reference,
    resolve_reference,
)

__all__ = [
    "PastedItem",
    "add_recommendation",
    "add_recommendations",
    "move_recommendation",
    "parse_numbered",
    "recommendation_rows",
    "remove_recommendation",
]

# How organisers number items: `i.`, `(ii)`, `iii)`, `1.`, `2)`, `a.`, `(b)`, or a bullet.
_ITEM = re.compile(r"^\s*(?:\(?(?P<label>[ivxlc]+|\d{1,3}|[a-z])[.)]\s+|(?P<bullet>[-•*–])\s+)"
                   r"(?P<text>\S.*)$", re.IGNORECASE)


@dataclass(frozen=True)
class PastedItem:
    """One item read from pasted text: its label as typed (none for a bullet), its text."""

    label: str | None
    text: str


def parse_numbered(block: str) -> list[PastedItem]:
    """The items of a pasted block of numbered or bulleted text, one per item; a line that
    starts no item continues the one before; blank lines are ignored.

    Examples
    --------
    >>> parse_numbered("i. Establish referral\\n   mechanisms.\\n(ii) Train.\\n- Map flows")
    [PastedItem(label='i', text='Establish referral mechanisms.'), \
PastedItem(label='ii', text='Train.'), PastedItem(label=None, text='Map flows')]
    """
    items: list[PastedItem] = []
    for line in block.splitlines():
        if not line.strip():
            continue
        found = _ITEM.match(line)
        if found:
            label = found["label"].lower() if found["label"] else None
            items.append(PastedItem(label, found["text"].strip()))
        elif items:
            last = items[-1]
            items[-1] = PastedItem(last.label, f"{last.text} {line.strip()}")
        else:
            items.append(PastedItem(None, line.strip()))
    return items


def _renumbered(recommendations: Sequence[Recommendation]) -> list[Recommendation]:
    # `order` is the authoritative position; parents follow their item to its new place.
    new_order = {rec.order: position for position, rec in enumerate(recommendations, 1)}
    return [rec.model_copy(update={"order": new_order[rec.order],
                                   "parent": new_order.get(rec.parent) if rec.parent else None})
            for rec in recommendations]


def _checked(event: Event, rec: Recommendation, registry: Registry | None) -> None:
    groups = [g.id for g in event.working_groups]
    if rec.working_group is not None and rec.working_group not in groups:
        raise PlannerError(f"unknown working group '{rec.working_group}' of '{event.id}' "
                           f"(known: {', '.join(groups) or 'none'})")
    for org in rec.addressed_to:
        if registry is not None and org not in registry:
            raise PlannerError(registry.unknown_message(org))
    if rec.label and rec.ref in index_references(event.recommendations):
        raise PlannerError(f"'{event.id}' already has a recommendation {rec.ref}; give "
                           "another label")


def add_recommendation(event: Event, *, text: str, section: str | None = None,
                       label: str | None = None, working_group: str | None = None,
                       action_points: Iterable[int] = (), addressed_to: Iterable[str] = (),
                       parent: str | None = None,
                       registry: Registry | None = None) -> Event:
    """A copy of `event` with one more recommendation, after the others of its section (at
    the end when the section is new); `parent` is the reference of the item it belongs to.

    Raises
    ------
    PlannerError
        For empty text, an unknown working group, organisation or parent, an action point
        outside 1–10, or a label its section already uses.

    Examples
    --------
    >>> import datetime as dt
    >>> event = Event(id="x", kind="workshop", title="T", city="C", country="kenya",
    ...               timezone="Africa/Nairobi", start=dt.date(2027, 9, 6),
    ...               end=dt.date(2027, 9, 7))
    >>> event = add_recommendation(event, section="I", label="i", text="Map mixed flows.")
    >>> [(r.order, r.ref) for r in add_recommendation(event, section="I", label="ii",
    ...                                               text="Train.").recommendations]
    [(1, 'I (i)'), (2, 'I (ii)')]
    """
    if not text.strip():
        raise PlannerError("a recommendation needs its text")
    parent_order = _find(event, parent).order if parent else None
    try:
        rec = Recommendation(order=len(event.recommendations) + 1, section=section or None,
                             label=label or None, working_group=working_group or None,
                             action_points=sorted(set(action_points)),
                             addressed_to=list(addressed_to), parent=parent_order,
                             text=" ".join(text.split()), source=SourceKind.EDITOR)
    except ValueError as err:
        raise PlannerError(f"recommendation: {_first_error(err)}") from None
    _checked(event, rec, registry)
    recs = list(event.recommendations)
    after = max((i for i, r in enumerate(recs) if r.section == rec.section), default=len(recs) - 1)
    recs.insert(after + 1, rec)
    return event.model_copy(update={"recommendations": _renumbered(recs)})


def add_recommendations(event: Event, block: str, *, section: str | None = None,
                        working_group: str | None = None,
                        registry: Registry | None = None) -> Event:
    """A copy of `event` with one recommendation per item of a pasted numbered block.

    Examples
    --------
    >>> import datetime as dt
    >>> event = Event(id="x", kind="workshop", title="T", city="C", country="kenya",
    ...               timezone="Africa/Nairobi", start=dt.date(2027, 9, 6),
    ...               end=dt.date(2027, 9, 7))
    >>> [r.ref for r in add_recommendations(event, "i. Map.\\nii. Train.",
    ...                                     section="II").recommendations]
    ['II (i)', 'II (ii)']
    """
    items = parse_numbered(block)
    if not items:
        raise PlannerError("the pasted text holds no item")
    for item in items:
        event = add_recommendation(event, text=item.text, section=section, label=item.label,
                                   working_group=working_group, registry=registry)
    return event


def _find(event: Event, ref: str) -> Recommendation:
    index = index_references(event.recommendations)
    found = resolve_reference(normalise_reference(ref), index) or resolve_reference(ref, index)
    if len(found) == 1:
        return found[0]
    if found:
        orders = ", ".join(f"{ref} #{r.order}" for r in found)
        raise PlannerError(f"'{ref}' names {len(found)} recommendations of '{event.id}'; "
                           f"say which: {orders}")
    known = list(index)
    hint = f" (it has {', '.join(known[:6])}{' …' if len(known) > 6 else ''})" if known else (
        " (it has none yet)")
    raise PlannerError(f"'{event.id}' has no recommendation {ref}{hint}")


def remove_recommendation(event: Event, ref: str) -> Event:
    """A copy of `event` without the recommendation `ref` (and its sub-items); refused while
    its action plan cites it.

    Examples
    --------
    >>> import datetime as dt
    >>> event = Event(id="x", kind="workshop", title="T", city="C", country="kenya",
    ...               timezone="Africa/Nairobi", start=dt.date(2027, 9, 6),
    ...               end=dt.date(2027, 9, 7))
    >>> event = add_recommendations(event, "i. Map.\\nii. Train.", section="I")
    >>> [r.ref for r in remove_recommendation(event, "I (i)").recommendations]
    ['I (ii)']
    """
    gone = _find(event, ref)
    if event.action_plan is not None:
        citing = [p.key for p in iter_actions(event.action_plan)
                  if any(normalise_reference(c) == gone.ref for c in p.action.references)]
        if citing:
            raise PlannerError(f"{gone.ref} is cited by action {', '.join(citing[:3])} of the "
                               "action plan; remove the citation first")
    dropped = {gone.order} | {r.order for r in event.recommendations if r.parent == gone.order}
    kept = [r for r in event.recommendations if r.order not in dropped]
    return event.model_copy(update={"recommendations": _renumbered(kept)})


def move_recommendation(event: Event, ref: str, *, to: int) -> Event:
    """A copy of `event` with recommendation `ref` at position `to` (1 for the first).

    Examples
    --------
    >>> import datetime as dt
    >>> event = Event(id="x", kind="workshop", title="T", city="C", country="kenya",
    ...               timezone="Africa/Nairobi", start=dt.date(2027, 9, 6),
    ...               end=dt.date(2027, 9, 7))
    >>> event = add_recommendations(event, "i. Map.\\nii. Train.", section="I")
    >>> [r.ref for r in move_recommendation(event, "I (ii)", to=1).recommendations]
    ['I (ii)', 'I (i)']
    """
    moving = _find(event, ref)
    count = len(event.recommendations)
    if not 1 <= to <= count:
        raise PlannerError(f"position {to} is outside 1–{count}")
    recs = [r for r in event.recommendations if r.order != moving.order]
    recs.insert(to - 1, moving)
    return event.model_copy(update={"recommendations": _renumbered(recs)})


def recommendation_rows(event: Event) -> list[dict[str, Any]]:
    """One row per recommendation in order: `ref` (as the action plan cites it), `section`,
    `label`, `working_group`, `action_points`, `text`.

    Examples
    --------
    >>> from planner.library import Library
    >>> recommendation_rows(Library.open().load("dar-es-salaam-2010"))[0]["ref"]
    'I (i)'
    """
    return [{"ref": r.ref, "section": r.section or r.section_title or "", "label": r.label or "",
             "working_group": r.working_group or "", "action_points": r.action_points,
             "text": r.text} for r in event.recommendations]


def _first_error(err: ValueError) -> str:
    errors = getattr(err, "errors", None)
    if callable(errors):
        problem = errors(include_url=False)[0]
        where = ".".join(str(p) for p in problem["loc"])
        return f"{where}: {problem['msg']}"
    return str(err)
