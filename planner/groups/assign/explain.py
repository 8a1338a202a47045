"""What the solver decided, in the organisers' words: the event updated, each group's make-up,
and where each person sits and why, in the third person with the groups' names."""

from __future__ import annotations

from collections import Counter
from typing import Any

from planner.groups.assign.candidates import Candidates, is_kept
from planner.groups.assign.goals import Label, labels, limits
from planner.groups.assign.placing import Plan
from planner.model import Event, Gender, Participant, Registry, Speaker

__all__ = ["Voice", "apply_plan", "compose_groups", "explain_places"]

_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")
_DIMENSIONS = ("stakeholder_type", "region", "gender")
_CATEGORY_WORDS = {"female": "women", "male": "men", "governments": "government delegates",
                   "civil-society": "civil society", "international-organisations":
                   "international organisations", "regional-organisations":
                   "regional organisations", "academia": "academics", "donors": "donors",
                   "international": "international staff"}


class Voice:
    """How a sentence names a person: `she`, `her`, `she reports`; `they`, `their`,
    `they report` where the record gives no gender.

    Examples
    --------
    >>> voice = Voice(Participant(id="a", first_name="Amina", last_name="Hassan",
    ...                           gender="female"))
    >>> voice.subject, voice.possessive, voice.verb("report"), voice.object
    ('she', 'her', 'reports', 'her')
    """

    def __init__(self, person: Participant) -> None:
        self.name = " ".join(filter(None, (person.first_name, person.last_name)))
        female, male = person.gender == Gender.FEMALE, person.gender == Gender.MALE
        self.subject = "she" if female else "he" if male else "they"
        self.possessive = "her" if female else "his" if male else "their"
        self.object = "her" if female else "him" if male else "them"
        self.plural = not (female or male)

    def verb(self, word: str) -> str:
        """`report` as the person's verb: `reports`, or `report` after `they`."""
        return word if self.plural else f"{word}es" if word.endswith(("s", "sh", "ch")) \
            else f"{word}s"


def _leader(person: Participant, role: str) -> Speaker:
    return Speaker(participant=person.id, name=person.name, organisation=person.organisation,
                   role=role)


def apply_plan(event: Event, candidates: Candidates, plan: Plan) -> Event:
    """The event with the plan written in: members' `working_groups`, groups' leaders.

    Each person's groups list the solved groups round by round, then any other
    group they were in; people no longer coming keep only their pinned groups.
    A group's `chair` and `rapporteurs` keep the entries the organisers fixed
    (named without a participant id, or a participant pinned to the group) and
    gain the solver's, linked by participant id with the role `chair` or
    `rapporteur`; the solver's entries of an earlier run are replaced.
    """
    solved = {g.id: index for index, g in enumerate(candidates.groups)}
    where = {p.id: place for p, place in zip(candidates.people, plan.place, strict=True)}
    everyone = {p.id: p for p in event.participants}
    people = []
    for person in event.participants:
        others = [g for g in person.working_groups if g not in solved]
        if person.id in where:
            placed = [candidates.groups[g].id for _, g in sorted(where[person.id].items())]
        else:
            placed = [g for g in person.working_groups if g in solved and g in person.pinned]
        people.append(person.model_copy(update={"working_groups": placed + others}))
    by_index = {p.id: p for p in people}
    ids = [p.id for p in candidates.people]
    groups = []
    for group in event.working_groups:
        g = solved.get(group.id)
        if g is None:
            groups.append(group)
            continue
        chair = [s for s in group.chair if is_kept(s, group.id, everyone)] + [
            _leader(by_index[ids[i]], "chair") for i in plan.chairs.get(g, [])]
        rapporteurs = [s for s in group.rapporteurs if is_kept(s, group.id, everyone)] + [
            _leader(by_index[ids[i]], "rapporteur") for i in plan.rapporteurs.get(g, [])]
        groups.append(group.model_copy(update={"chair": chair, "rapporteurs": rapporteurs}))
    return event.model_copy(update={"participants": people, "working_groups": groups})


def _spoken(speaker: Speaker) -> str:
    return speaker.name or speaker.organisation or speaker.participant or ""


def compose_groups(event: Event, candidates: Candidates, plan: Plan,
                   targets: dict[int, int]) -> list[dict[str, Any]]:
    """Each solved group's make-up: size, leaders, and counts by type, region and gender.

    `event` is the event with the plan applied (see `apply_plan`); `target` is
    the size the group's mix is measured against (its preference-optimal size).
    """
    leaders = {g.id: g for g in event.working_groups}
    found = []
    for g, group in enumerate(candidates.groups):
        members = [i for i, place in enumerate(plan.place) if place.get(group.round) == g]
        people = [candidates.people[i] for i in members]
        wanted = Counter(p.cost(g, group.round) for p in people if p.ranked.get(group.round))
        record = leaders[group.id]
        found.append({
            "id": group.id, "label": group.label, "title": group.title, "round": group.round,
            "capacity": group.capacity, "minimum": group.minimum,
            "target": targets.get(g, 0), "size": len(members),
            "chair": [_spoken(s) for s in record.chair],
            "rapporteurs": [_spoken(s) for s in record.rapporteurs],
            **{dim: dict(Counter(p.categories[d] for p in people).most_common())
               for d, dim in enumerate(_DIMENSIONS)},
            "delegations": len({p.delegation for p in people if p.delegation}),
            "first_choice": wanted[0],
        })
    return found


class _Round:
    """A solved round, counted so that each person's place can be explained."""

    def __init__(self, candidates: Candidates, plan: Plan, round_: int,
                 targets: dict[int, int]) -> None:
        self.candidates, self.plan, self.round = candidates, plan, round_
        self.earlier = [{r: g for r, g in place.items() if r < round_} for place in plan.place]
        self.bounds = limits(candidates, round_, targets=targets, earlier=self.earlier)
        self.size = Counter(place[round_] for place in plan.place)
        self.count: Counter[tuple[Label, int]] = Counter()
        for person, place, before in zip(candidates.people, plan.place, self.earlier, strict=True):
            for label in labels(person, before):
                self.count[label, place[round_]] += 1

    def _crowded(self, i: int, group: int) -> list[Label]:
        return [label for label in labels(self.candidates.people[i], self.earlier[i])
                if (label, group) in self.bounds
                and self.count[label, group] >= self.bounds[label, group][1]]

    def why_not(self, i: int, group: int, voice: Voice) -> str:
        """Why person `i` is not in `group`, as the end of a sentence."""
        if self.size[group] >= self.candidates.groups[group].capacity:
            return "was full"
        crowded = self._crowded(i, group)
        kinds = {label[0] for label in crowded}
        if "delegation" in kinds:
            return f"already had its share of {voice.possessive} delegation"
        mix = [label for label in crowded if label[0] == "mix"]
        if mix:
            category = str(mix[0][2])
            return f"already had its share of {_CATEGORY_WORDS.get(category, category)}"
        if "met" in kinds:
            return (f"would have put {voice.object} with people {voice.subject} met in "
                    "an earlier round")
        return "went to others to keep the groups balanced"

    def _role(self, i: int, group: int, voice: Voice, orgs: dict[str, str]) -> str:
        if i in self.plan.chairs.get(group, []):
            return f"; {voice.subject} {voice.verb('chair')} it"
        if i in self.plan.rapporteurs.get(group, []):
            org = self.candidates.people[i].rapporteur_org or ""
            return f"; {voice.subject} {voice.verb('report')} it for {orgs.get(org, org)}"
        return ""

    def describe(self, i: int, voice: Voice, orgs: dict[str, str]) -> str:
        """Person `i`'s place in this round, and why, in one clause."""
        person, group = self.candidates.people[i], self.plan.place[i][self.round]
        title = self.candidates.groups[group].title
        role = self._role(i, group, voice, orgs)
        if self.round in person.pinned:
            return f"{title}, where the organisers placed {voice.object}{role}"
        ranked = person.ranked.get(self.round, [])
        if not ranked:
            return f"{title} ({voice.subject} gave no preference){role}"
        if group == ranked[0]:
            return f"{title}, {voice.possessive} first choice{role}"
        rank = ranked.index(group) if group in ranked else None
        which = (f", {voice.possessive} {_ORDINALS[rank]} choice"
                 if rank is not None and rank < len(_ORDINALS)
                 else f", not among {voice.possessive} choices" if rank is None else "")
        if role:
            return f"{title}{which}{role}"
        if person.earlier.get(self.round) == group:
            return (f"{title}{which}: {voice.subject} {voice.verb('keep')} "
                    f"{voice.possessive} place of the saved composition")
        first = self.candidates.groups[ranked[0]].title
        return (f"{title}{which}: {voice.possessive} first choice, {first}, "
                f"{self.why_not(i, ranked[0], voice)}")


def explain_places(event: Event, candidates: Candidates, plan: Plan, *,
                   targets: dict[int, int], registry: Registry) -> dict[str, str]:
    """One line per person: who, where they sit in each round and why, with the groups'
    titles and in the third person.

    Examples of lines: `Amina Hassan — Mixed movements and protection, her first
    choice; she reports it for IOM`; with two rounds, `Peter Otieno — Round 1: Data,
    his second choice: his first choice, Entry, was full. Round 2: Return (he gave no
    preference).`

    Examples
    --------
    >>> from planner.groups.assign.goals import WEIGHTS
    >>> from planner.groups.assign.candidates import read_candidates
    >>> from planner.groups.assign.solve import solve_candidates
    >>> from planner.library import Library
    >>> from planner.library.synthetic import make_synthetic_event
    >>> registry = Library.open().registry
    >>> event = make_synthetic_event(participants=20, groups=2, rounds=1, registry=registry)
    >>> candidates = read_candidates(event, registry)
    >>> outcome = solve_candidates(candidates, weights=WEIGHTS)
    >>> lines = explain_places(event, candidates, outcome.plan, targets=outcome.targets,
    ...                        registry=registry)
    >>> lines["p-00002"]
    'Maria Mwangi — Cooperation among key partners (1), her first choice; she reports it \
for UNHCR'
    """
    rounds = [_Round(candidates, plan, r, targets) for r in candidates.rounds]
    people = {p.id: p for p in event.participants}
    orgs = {org: registry[org].display_name if org in registry else org
            for org in candidates.rapporteur_orgs}
    lines = {}
    for i, person in enumerate(candidates.people):
        voice = Voice(people[person.id])
        parts = [state.describe(i, voice, orgs) for state in rounds]
        if len(parts) == 1:
            lines[person.id] = f"{voice.name} — {parts[0]}"
        else:
            lines[person.id] = f"{voice.name} — " + " ".join(
                f"Round {state.round}: {part}." for state, part in zip(rounds, parts,
                                                                       strict=True))
    return lines
