"""Why each group's chair and rapporteurs were picked, in the organisers' words."""

from __future__ import annotations

from planner.groups.assign.candidates import Candidates, is_kept
from planner.groups.assign.explain import Voice
from planner.groups.assign.placing import Plan
from planner.groups.leaders import chair_state, staff_level
from planner.model import (
    Event,
    Participant,
    ParticipantRole,
    Registry,
    Speaker,
    StaffLevel,
    WorkingGroup,
)

__all__ = ["explain_leaders"]

_LEVEL = {StaffLevel.HEAD: "head level", StaffLevel.SENIOR: "senior level",
          StaffLevel.PROFESSIONAL: "professional level", StaffLevel.SUPPORT: "support level"}


def _name(registry: Registry, org_id: str | None) -> str:
    return registry[org_id].display_name if org_id and org_id in registry else org_id or ""


class _Reasons:
    def __init__(self, event: Event, candidates: Candidates, plan: Plan,
                 registry: Registry) -> None:
        self.event, self.candidates, self.plan, self.registry = event, candidates, plan, registry
        self.people = {p.id: p for p in event.participants}
        self.index = {p.id: i for i, p in enumerate(candidates.people)}

    def _wish(self, person: Participant, g: int) -> list[str]:
        i = self.index.get(person.id)
        who = self.candidates.people[i] if i is not None else None
        ranked = who.ranked.get(self.candidates.groups[g].round, []) if who else []
        return [f"{Voice(person).possessive} first choice"] if ranked[:1] == [g] else []

    def _before(self, person: Participant, g: int, role: str) -> list[str]:
        i = self.index.get(person.id)
        who = self.candidates.people[i] if i is not None else None
        earlier = who.earlier_roles.get(self.candidates.groups[g].round) if who else None
        verb = "chaired" if role == "chair" else "reported"
        return [f"{verb} it before"] if earlier == (g, role) else []

    def _fixed(self, speaker: Speaker, group: WorkingGroup) -> str | None:
        person = self.people.get(speaker.participant or "")
        if person is None or is_kept(speaker, group.id, self.people):
            who = speaker.name or (person.name if person else None) or _name(
                self.registry, speaker.organisation)
            return f"{who} (fixed by the organisers)"
        return None

    def chair(self, speaker: Speaker, g: int, group: WorkingGroup) -> str:
        fixed = self._fixed(speaker, group)
        if fixed is not None:
            return fixed
        person = self.people[speaker.participant or ""]
        state = chair_state(person, self.registry)
        why = ["head of delegation"] if ParticipantRole.HEAD_OF_DELEGATION in person.roles \
            else []
        why.append(_LEVEL[staff_level(person)])
        why += ["host State"] if state == self.event.country else []
        why += self._wish(person, g) + self._before(person, g, "chair")
        return f"{person.name} ({_name(self.registry, state)}: {', '.join(why)})"

    def rapporteur(self, speaker: Speaker, g: int, group: WorkingGroup) -> str:
        fixed = self._fixed(speaker, group)
        if fixed is not None:
            return fixed
        person = self.people[speaker.participant or ""]
        i = self.index.get(person.id)
        org = self.candidates.people[i].rapporteur_org if i is not None else None
        why = [_LEVEL[staff_level(person)]] + (["field staff"] if person.field_staff else [])
        why += self._wish(person, g) + self._before(person, g, "rapporteur")
        return f"{person.name} ({_name(self.registry, org)}: {', '.join(why)})"

    def _orgs(self, group: WorkingGroup) -> list[str]:
        found = []
        for speaker in group.rapporteurs:
            person = self.people.get(speaker.participant or "")
            i = self.index.get(person.id) if person else None
            org = self.candidates.people[i].rapporteur_org if i is not None else None
            found.append(org or speaker.organisation or "")
        return found

    def pair(self, group: WorkingGroup) -> str:
        orgs = self._orgs(group)
        if len(orgs) < 2:
            return ""
        names = [_name(self.registry, o) for o in dict.fromkeys(orgs)]
        if len(names) > 1:
            return f"; one from each of {' and '.join(names)}"
        return (f"; both from {names[0]}: no one else who may report could sit in it"
                if len(self.candidates.rapporteur_orgs) > 1 else "")

    def line(self, g: int, group: WorkingGroup) -> str:
        supplied = " and ".join(_name(self.registry, o) for o in self.candidates.rapporteur_orgs
                                ) or "the organisations that supply rapporteurs"
        chair = ("chaired by " + " and ".join(self.chair(s, g, group) for s in group.chair)
                 if group.chair else "no chair: no government delegate the rules allow could "
                 "sit in it")
        if group.rapporteurs:
            reported = "reported by " + " and ".join(self.rapporteur(s, g, group)
                                                     for s in group.rapporteurs)
            short = "" if len(group.rapporteurs) >= 2 else (
                f" (only one: too few staff of {supplied} at the levels the rules allow)")
            reported += short + self.pair(group)
        else:
            reported = (f"no rapporteur: no staff of {supplied} at the levels the rules "
                        "allow could sit in it")
        return f"{group.title} — {chair}; {reported}."


def explain_leaders(event: Event, candidates: Candidates, plan: Plan,
                    registry: Registry) -> dict[str, str]:
    """One line per solved group: who chairs and reports it, and why each was picked.

    `event` is the event with the plan applied (see `apply_plan`).

    Examples
    --------
    >>> from planner.groups.assign import assign_groups
    >>> from planner.library import Library
    >>> from planner.library.synthetic import make_synthetic_event
    >>> registry = Library.open().registry
    >>> event = make_synthetic_event(participants=20, groups=2, rounds=1, registry=registry)
    >>> line = assign_groups(event, registry).leaders["wg-1"]
    >>> line.split(" — ")[0], "; one from each of" in line
    ('Cooperation among key partners (1)', True)
    """
    reasons = _Reasons(event, candidates, plan, registry)
    records = {g.id: g for g in event.working_groups}
    return {group.id: reasons.line(g, records[group.id])
            for g, group in enumerate(candidates.groups)}
