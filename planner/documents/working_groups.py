"""Working-group agendas and guidance notes: one section per group, from the record."""

from __future__ import annotations

import re
from typing import Any

from planner.documents.programme import (
    BLOCK_STARTS,
    minutes,
    report_back_after,
    session_block,
    slot_of,
    wording_of_slot,
)
from planner.documents.wording import (
    Context,
    frame,
    join_names,
    keep_rows,
    name_of,
    point_label,
    word_speaker,
)
from planner.errors import PlannerError
from planner.language import _, in_language, items_in_language
from planner.model import NOT_COMING, Event, Registry, Session, WorkingGroup, normalise_name

__all__ = [
    "findings_on",
    "pick_groups",
    "running_order",
    "working_groups_context",
]

#: Minutes for the fixed steps of a group's running order.
OPENING, PRESENTATION, DRAFTING = 10, 20, 30
DEFAULT_LENGTH = 180
# Words too common in this field to tell one theme from another.
_COMMON = frozenset({
    "refugee", "refugees", "migration", "migrants", "migrant", "mixed", "movements", "movement",
    "protection", "people", "persons", "national", "regional", "international", "ensuring",
    "enhancing", "including", "countries", "country", "their", "which", "other", "within",
    "while", "between"})
_WORD = re.compile(r"[^\W\d_]{5,}")


def _clock(value: int) -> str:
    return f"{value // 60 % 24:02d}:{value % 60:02d}"


def _stems(text: str) -> set[str]:
    return {w[:6] for w in (m.lower() for m in _WORD.findall(text)) if w not in _COMMON}


def findings_on(group: WorkingGroup, event: Event, registry: Registry) -> list[str]:
    """National-consultation findings on a group's theme, each with its country.

    The record does not tag findings with themes; a finding is taken to be on a
    theme when it shares a distinctive word (six-letter stem) with the group's
    title or scope.
    """
    theme = _stems(f"{group.title} {group.scope or ''}")
    return [f"{name_of(c.country, registry)}: {finding}"
            for c in event.preparation.national_consultations
            for finding in c.findings if theme & _stems(finding)]


def running_order(group: WorkingGroup, slot: Session | None,
                  report_back: str) -> tuple[list[dict[str, str]], bool]:
    """The running order of a group's meeting, and whether its times are indicative.

    Clock times come from the slot. A slot without clock times gets durations only
    (three hours in all), never clock times the programme does not give.

    Examples
    --------
    >>> group = WorkingGroup(id="entry", title="Entry", sources=["editor"],
    ...                      guiding_questions=["Who is at the border?"])
    >>> steps, indicative = running_order(group, None, "Day 2, 09:00")
    >>> [s["time"] for s in steps], indicative
    (['10 min', '20 min', '120 min', '30 min', 'Day 2, 09:00'], True)
    """
    indicative = slot is None or slot.start is None
    start = minutes(slot.start if slot and slot.start else
                    BLOCK_STARTS[session_block(slot)] if slot else "09:00")
    length = (minutes(slot.end) - start) if slot and slot.start and slot.end else DEFAULT_LENGTH
    questions = items_in_language(group, "guiding_questions") or [_("the group's theme")]
    discussion = max(length - OPENING - PRESENTATION - DRAFTING, 10 * len(questions))
    share = discussion // len(questions)
    steps = [(_("Opening by the chair"), OPENING), (_("Thematic presentation"), PRESENTATION)]
    steps += [(_("Discussion: {question}").format(question=q), share) for q in questions]
    steps.append((_("Drafting of recommendations"), DRAFTING))
    order, clock = [], start
    for title, duration in steps:
        order.append({"time": _("{minutes} min").format(minutes=duration) if indicative else
                      f"{_clock(clock)}–{_clock(clock + duration)}", "item": title})
        clock += duration
    order.append({"time": report_back, "item": _("Report-back in plenary by the rapporteurs")})
    return order, indicative


def pick_groups(event: Event, group_id: str | None) -> list[WorkingGroup]:
    """The groups that get an agenda, or the one asked for by id.

    When the programme's working-group sessions name groups, only those meet: a group
    only a report names (or one no round schedules) gets no agenda. A programme that
    schedules no group leaves every group its agenda.
    """
    if group_id is None:
        scheduled = {g for s in event.sessions if s.kind == "working-groups"
                     for g in s.working_groups}
        return [g for g in event.working_groups if g.id in scheduled or not scheduled]
    chosen = [g for g in event.working_groups if g.id == group_id]
    if not chosen:
        known = ", ".join(g.id for g in event.working_groups) or "none"
        raise PlannerError(f"no working group '{group_id}' in {event.id} (known: {known})")
    return chosen


def _members(group: WorkingGroup, event: Event, registry: Registry, *,
             public: bool) -> list[str]:
    # The public variant names only those who consented to be listed, as the public list.
    members = sorted((p for p in event.participants
                      if group.id in p.working_groups and p.status not in NOT_COMING
                      and (p.consent_to_publish or not public)),
                     key=lambda p: (normalise_name(p.last_name),
                                    normalise_name(p.first_name or "")))
    return [f"{p.name} ({name_of(p.organisation or p.country, registry)})"
            if p.organisation or p.country else p.name for p in members]


def _describe(group: WorkingGroup, event: Event, registry: Registry, *,
              public: bool) -> dict[str, Any]:
    slot = slot_of(event, group)
    back = report_back_after(event, slot)
    order, indicative = running_order(group, slot, wording_of_slot(event, back))
    return {
        "id": group.id, "title": in_language(group, "title"), "round": group.round,
        "scope": in_language(group, "scope"), "guidance": in_language(group, "guidance"),
        "action_points": [point_label(n) for n in group.action_points],
        "slot": wording_of_slot(event, slot), "room": slot.room or "" if slot else "",
        "report_back": wording_of_slot(event, back),
        "chair": join_names(word_speaker(s, registry, under="chair") for s in group.chair)
        or _("to be designated (a State representative)"),
        "rapporteurs": join_names(word_speaker(s, registry, under="rapporteur")
                                  for s in group.rapporteurs)
        or _("to be designated (two, from the co-organising agencies)"),
        "members": _members(group, event, registry, public=public),
        "questions": items_in_language(group, "guiding_questions"),
        "running_order": keep_rows(order), "indicative": indicative,
        "expected_output": _("Recommendations on “{title}”, drafted by the rapporteurs for "
                             "the report-back in plenary and the outcome document.").format(
                                 title=in_language(group, "title")),
        "findings": findings_on(group, event, registry),
    }


def working_groups_context(event: Event, *, registry: Registry,
                           group: str | None = None, public: bool = False) -> Context:
    """Each group's agenda and guidance note; `group` keeps one group alone; `public`
    lists only the members who consented to be listed.

    Examples
    --------
    >>> from planner.library import Library
    >>> library = Library.open()
    >>> ctx = working_groups_context(library.load("manila-2010"), registry=library.registry)
    >>> ctx["groups"][0]["slot"][:31], ctx["groups"][0]["indicative"]
    ('Day 1 – Monday 22 November 2010', False)
    """
    groups = [_describe(g, event, registry, public=public) for g in pick_groups(event, group)]
    return frame("working-groups", event, registry) | {"groups": groups}
