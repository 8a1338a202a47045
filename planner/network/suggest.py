"""Who to invite next, and how the network moved between the 2011 and 2016 editions."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from planner.countries import area_of
from planner.model import Event, Registry
from planner.network.build import (
    ACTIVITY_KINDS,
    ACTOR_KINDS,
    event_node,
    project_organisations,
    remember,
)
from planner.network.filters import NetworkFilter, filter_network
from planner.network.involvement import involvement

__all__ = ["EditionComparison", "Suggestion", "compare_editions", "suggest_partners"]

#: How much a tie in each role says about an actor's weight in what it shares.
ROLE_WEIGHTS = {"lead": 1.5, "chair": 1.5, "co-chair": 1.5, "secretariat": 1.5,
                "convener": 1.5, "co-host": 1.5, "co-organiser": 1.5, "funder": 1.2,
                "invited": 0.5, "attended": 0.7}
_WORD = re.compile(r"[a-z]{3,}")
# Words every title of the field shares; they say nothing about a theme.
_COMMON = frozenset([
    "regional", "conference", "international", "national", "cooperation", "refugee",
    "refugees", "protection", "migration", "migrants", "migrant", "mixed", "movements",
    "movement", "project", "programme", "process", "initiative", "their", "other", "between",
    "within", "about", "support", "group", "groups", "working", "through", "level",
    "development", "countries", "country", "states", "region", "regions", "the", "and",
    "action", "plan", "point",
    "for", "with", "from", "into", "non", "new", "its", "all", "who", "not", "are", "has",
])


@dataclass
class Suggestion:
    """An organisation or State the event has not involved, with why it is suggested."""

    organisation: str
    label: str
    kind: str
    score: float
    reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The suggestion as plain data for `--json` and the app."""
        return {"organisation": self.organisation, "label": self.label, "kind": self.kind,
                "score": round(self.score, 2), "reasons": self.reasons}


def _keywords(text: str) -> frozenset[str]:
    words = (w for w in _WORD.findall(text.casefold()) if w not in _COMMON)
    return frozenset(w[:-1] if w.endswith("s") and not w.endswith("ss") else w for w in words)


def _texts(graph: nx.MultiGraph) -> dict[str, frozenset[str]]:
    return {n: _keywords(d.get("text", "")) for n, d in graph.nodes(data=True)
            if d["kind"] in ACTIVITY_KINDS}


@dataclass(frozen=True)
class _Profile:
    """What an event is about: where, which region, which themes."""

    host: str
    countries: frozenset[str]
    region: str | None
    themes: tuple[tuple[str, frozenset[str]], ...]
    """Each theme of the event with the words an initiative must use to share it."""


def _profile(event: Event, registry: Registry) -> _Profile:
    area = area_of(registry[event.country], registry) if event.country in registry else None
    invited = (i.organisation for i in (*event.invited, *event.attended) if i.organisation)
    states = {org for org in invited if org in registry and registry[org].type == "state"}
    themes = tuple((theme, _keywords(theme)) for theme in event.themes)
    return _Profile(event.country, frozenset(states - {event.country}),
                    area.finest if area else None, tuple((t, w) for t, w in themes if w))


def _relevance(data: dict[str, Any], words: frozenset[str], profile: _Profile,
               registry: Registry) -> tuple[float, list[str]]:
    score, why = 0.0, []
    countries = set(data.get("countries", ()))
    if profile.host in countries:
        score += 3
        why.append(f"works in {registry[profile.host].display_name}")
    shared = sorted(profile.countries & countries)[:3]
    if shared:
        score += min(2, len(shared))
        why.append("works in " + ", ".join(registry[c].display_name for c in shared))
    if profile.region and profile.region in data.get("areas", ()):
        score += 2
        why.append(f"in {profile.region}")
    themes = [theme for theme, needed in profile.themes if needed <= words]
    if themes:
        score += min(2, len(themes))
        why.append("on " + ", ".join(themes))
    return score, why


def _reason(role: str, data: dict[str, Any], why: list[str]) -> str:
    when = f"{data['edition']} edition" if data["kind"] == "initiative" else data["start_year"]
    # "co-chair" keeps its hyphen; "implementing-partner" reads as two words.
    role = re.sub(r"(?<!\bco)-", " ", role)
    return f"{role}: '{data['label']}' ({when}) — {'; '.join(why)}"


def suggest_partners(event: Event, graph: nx.MultiGraph, registry: Registry, *,
                     top: int = 10, kinds: tuple[str, ...] = ACTOR_KINDS) -> list[Suggestion]:
    """Organisations tied to the event's countries, region or themes that it has not involved.

    Every initiative and event is weighed by what it shares with `event`: its
    host country (3), other invited countries (1 each, at most 2), the host's
    region (2), its themes (1 for each theme whose words it uses, at most 2).
    Its partners (not its beneficiaries, targets, venues or mentions) earn that
    weight times their role's weight (`ROLE_WEIGHTS`: leads and conveners 1.5,
    invitees 0.5, others 1).
    Organisers, invitees, attendees and the host are left out, and so is everyone a
    registered participant brings in: their organisation, their delegation and the
    country they count for (`involvement.involvement`).

    Examples
    --------
    >>> import datetime as dt
    >>> from planner.model import Initiative, Organisation
    >>> from planner.network.build import build_network
    >>> reg = Registry([Organisation(id="kenya", name="Kenya", type="state", iso="KE"),
    ...     Organisation(id="drc", name="Danish Refugee Council", type="ngo")])
    >>> done = Initiative(id="2016-x", edition=2016, title="Kenya task force",
    ...     level="national", countries=["kenya"], actors=[{"organisation": "drc",
    ...     "role": "lead"}])
    >>> new = Event(id="nairobi", kind="workshop", title="Nairobi", city="Nairobi",
    ...     country="kenya", timezone="Africa/Nairobi", start=dt.date(2027, 1, 1),
    ...     end=dt.date(2027, 1, 1))
    >>> tip = suggest_partners(new, build_network([], [done], reg), reg)[0]
    >>> tip.organisation, tip.reasons
    ('drc', ["lead: 'Kenya task force' (2016 edition) — works in Kenya; in Eastern Africa"])
    """
    profile = _profile(event, registry)
    involved = involvement(event, registry)
    words = remember(graph, ("theme-words",), lambda: _texts(graph))
    scores: dict[str, float] = defaultdict(float)
    reasons: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for activity, data in graph.nodes(data=True):
        if data["kind"] not in ACTIVITY_KINDS or activity == event_node(event.id):
            continue
        relevance, why = _relevance(data, words[activity], profile, registry)
        if not relevance:
            continue
        for actor in graph[activity]:
            ties = [d for d in graph[actor][activity].values() if d["partner"]]
            if actor in involved or graph.nodes[actor]["kind"] not in kinds or not ties:
                continue
            role = max((d["role"] for d in ties), key=lambda r: ROLE_WEIGHTS.get(r, 1.0))
            gain = relevance * ROLE_WEIGHTS.get(role, 1.0)
            scores[actor] += gain
            reasons[actor].append((gain, _reason(role, data, why)))
    ranked = sorted(scores, key=lambda n: (-scores[n], n))[:top]
    return [Suggestion(n, graph.nodes[n]["label"], graph.nodes[n]["kind"], scores[n],
                       [text for _, text in sorted(reasons[n], key=lambda r: -r[0])[:3]])
            for n in ranked]


@dataclass
class EditionComparison:
    """Organisations and ties of two editions of the compilation, side by side."""

    before: int
    after: int
    only_before: list[str]
    only_after: list[str]
    both: list[str]
    ties_lost: list[tuple[str, str]]
    ties_gained: list[tuple[str, str]]
    ties_kept: list[tuple[str, str]]
    labels: dict[str, str]

    def to_dict(self) -> dict[str, Any]:
        """The comparison as plain data, with labels, for `--json` and the app."""
        def named(ids: list[str]) -> list[dict[str, str]]:
            return [{"id": i, "label": self.labels[i]} for i in ids]

        def tied(pairs: list[tuple[str, str]]) -> list[list[str]]:
            return [[a, b] for a, b in pairs]

        return {"before": self.before, "after": self.after,
                f"only_{self.before}": named(self.only_before),
                f"only_{self.after}": named(self.only_after), "both": named(self.both),
                "ties_lost": tied(self.ties_lost), "ties_gained": tied(self.ties_gained),
                "ties_kept": len(self.ties_kept)}


def _edition(graph: nx.MultiGraph, edition: int, partners_only: bool) -> nx.Graph:
    spec = NetworkFilter(editions=(edition,), partners_only=partners_only)
    return project_organisations(filter_network(graph, spec))


def _compare(graph: nx.MultiGraph, before: int, after: int,
             partners_only: bool) -> EditionComparison:
    old, new = _edition(graph, before, partners_only), _edition(graph, after, partners_only)
    old_ties = {tuple(sorted(e)) for e in old.edges}
    new_ties = {tuple(sorted(e)) for e in new.edges}
    labels = {n: graph.nodes[n]["label"] for n in (*old, *new)}

    def by_label(ids: set[str]) -> list[str]:
        return sorted(ids, key=lambda n: (labels[n].casefold(), n))

    return EditionComparison(
        before, after, by_label(set(old) - set(new)), by_label(set(new) - set(old)),
        by_label(set(old) & set(new)), sorted(old_ties - new_ties),
        sorted(new_ties - old_ties), sorted(old_ties & new_ties), labels)


def compare_editions(graph: nx.MultiGraph, *, before: int = 2011, after: int = 2016,
                     partners_only: bool = False) -> EditionComparison:
    """Organisations present only in one edition or in both, and ties gained and lost.

    Only the initiatives of each edition count; events belong to no edition.

    Examples
    --------
    >>> g = nx.MultiGraph()
    >>> g.add_nodes_from([("unhcr", {"label": "UNHCR"}), ("iom", {"label": "IOM"}),
    ...     ("drc", {"label": "DRC"})], kind="organisation", type="ngo")
    >>> g.add_node("initiative:a", kind="initiative", edition=2011, level="global")
    >>> g.add_node("initiative:b", kind="initiative", edition=2016, level="global")
    >>> g.add_edges_from([("unhcr", "initiative:a"), ("iom", "initiative:a"),
    ...     ("unhcr", "initiative:b"), ("drc", "initiative:b")], role="member", partner=True)
    [0, 0, 0, 0]
    >>> diff = compare_editions(g)
    >>> diff.only_before, diff.only_after, diff.both, diff.ties_gained
    (['iom'], ['drc'], ['unhcr'], [('drc', 'unhcr')])
    """
    return remember(graph, ("editions", before, after, partners_only),
                    lambda: _compare(graph, before, after, partners_only))
