"""Which registry entry the organisation of a registration is: the row's country decides
between look-alikes, and an organisation the registry lacks becomes a proposed entry."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from planner.countries import PLACES, CountryIndex
from planner.errors import PlannerError
from planner.model import Organisation, OrganisationType, Registry, normalise_name
from planner.people.names import STOP_WORDS, guess_type, initials, is_acronym, one_swap, slug

_T = OrganisationType

__all__ = ["NO_ORGANISATION", "OrganisationFinder", "Proposal", "apply_decisions", "suggest"]

@dataclass
class Proposal:
    """An organisation the registry lacks, or names ambiguously: the rows wait on it."""

    key: str
    """Stable for a file and a registry: the proposed id."""
    written: str
    """The name as the list writes it (its first spelling)."""
    country: str | None
    """The State of the rows (registry id), when they give one."""
    entry: Organisation | None
    """The proposed entry; None when only the organiser can tell (a country to give)."""
    reason: str
    choices: list[str] = field(default_factory=list)
    """Existing entries it may be, best first (at most three)."""
    near: str | None = None
    """An existing entry it is probably a misspelling of: not added without a look."""
    rows: list[int] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    matches: set[tuple[str, str | None]] = field(default_factory=set)
    """The (folded name, country) of the rows it stands for."""
    decided: str | None = None
    """The entry it was settled as (added or existing); `none` for no organisation."""

    @property
    def acceptable(self) -> bool:
        """Whether accepting every proposal as proposed adds this one."""
        return self.entry is not None and self.near is None

    def __str__(self) -> str:
        rows = ", ".join(map(str, self.rows[:8])) + ("…" if len(self.rows) > 8 else "")
        who = f"{len(self.rows)} {'person' if len(self.rows) == 1 else 'people'} (rows {rows})"
        if self.entry is not None:
            org = self.entry
            of = f" of {org.parent}" if org.parent else ""
            text = f"'{self.written}': add as {org.type.value}{of} '{org.id}'"
            if self.near:
                text += f" (or is it '{self.near}', misspelt?)"
        else:
            text = f"'{self.written}' {self.reason}"
        hint = f"; it may be {', '.join(repr(c) for c in self.choices)}" if self.choices \
            and self.entry is not None else ""
        return f"{text}; {who}{hint}"


class OrganisationFinder:
    """Finds the registry entry a written organisation stands for, given the row's State.

    Examples
    --------
    >>> reg = Registry([
    ...     Organisation(id="tanzania", name="Tanzania", type="state", iso="TZ"),
    ...     Organisation(id="zambia", name="Zambia", type="state", iso="ZM"),
    ...     Organisation(id="tz-moha", name="Ministry of Home Affairs",
    ...                  type="government-body", parent="tanzania")])
    >>> finder = OrganisationFinder(reg, CountryIndex(reg))
    >>> finder.find("Ministry of Home Affairs", "tanzania")
    'tz-moha'
    >>> found = finder.find("Ministry of Home Affairs", "zambia")
    >>> found.entry.id, found.entry.parent
    ('zambia-ministry-of-home-affairs', 'zambia')
    >>> finder.find("Ministry of Home Affairs", None).choices
    ['tz-moha']
    """

    def __init__(self, registry: Registry, countries: CountryIndex, *,
                 source: str = "a registration list", today: dt.date | None = None) -> None:
        self.registry, self.countries = registry, countries
        self.source, self.today = source, today or dt.date.today()
        self.by_name: dict[str, list[str]] = defaultdict(list)
        for org in registry.every():
            for name in org.names():
                ids = self.by_name[normalise_name(name)]
                if org.id not in ids:
                    ids.append(org.id)
        self._words: dict[str, float] = self._weights(registry.every())
        self._own = {org.id for org in registry}
        self._named: dict[str, tuple[str | None, str]] = {}
        #: Decisions by (folded name, country): an existing or added entry's id.
        self.resolved: dict[tuple[str, str | None], str] = {}
        #: The proposals made so far, by key.
        self.proposals: dict[str, Proposal] = {}
        #: Keys of proposals merged into another (an acronym into its full name).
        self.merged: dict[str, str] = {}

    @staticmethod
    def _weights(orgs: Iterable[Organisation]) -> dict[str, float]:
        counts: dict[str, int] = defaultdict(int)
        total = 0
        for org in orgs:
            total += 1
            for word in {w for n in (org.name, org.short_name or "") for w in
                         normalise_name(n).split()}:
                counts[word] += 1
        return {w: math.log((total + 1) / (n + 0.5)) for w, n in counts.items()}

    def state_of(self, org_id: str) -> str | None:
        """The State an entry is or belongs to (a ministry's State), else None."""
        org = self.registry[org_id]
        if org.type in PLACES:
            return org.id
        if org.type == _T.GOVERNMENT_BODY and org.parent in self.registry:
            return self.state_of(org.parent or "")
        return None

    def _named_state(self, text: str) -> tuple[str | None, str]:
        """A State the name itself names (`Kenya Department of Immigration`, `IOM Kenya`),
        and the name without it."""
        if text not in self._named:
            self._named[text] = self._find_state(text)
        return self._named[text]

    def _find_state(self, text: str) -> tuple[str | None, str]:
        words = normalise_name(text).split()
        for size in range(min(5, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                piece = " ".join(words[start:start + size])
                found = self.countries.resolve(piece) if len(piece) >= 4 else None
                if found is not None:
                    rest = words[:start] + words[start + size:]
                    while rest and rest[-1] in STOP_WORDS:
                        rest.pop()
                    while rest and rest[0] in STOP_WORDS:
                        rest.pop(0)
                    return found.id, " ".join(rest)
        return None, ""

    def find(self, text: str, country: str | None) -> str | Proposal:
        """The registry id `text` stands for in a row of `country`, or the Proposal the
        row waits on (one per distinct organisation: rows of the same share it)."""
        key = normalise_name(text)
        named, rest = self._named_state(text)
        place = named or country
        if (key, place) in self.resolved:
            return self.resolved[key, place]
        ids = self.by_name.get(key, [])
        if not ids and named and rest:
            # `IOM Kenya` is IOM's office; `Kenya Red Cross` is not the Movement.
            after = key.startswith(rest)
            ids = [i for i in self.by_name.get(rest, [])
                   if self.state_of(i) == named or (after and self.state_of(i) is None)]
        found = self._choose(text, ids, place, explicit=bool(named))
        if found is not None:
            return found
        proposal = self._propose(text, ids, place)
        key_now = self.merged.get(proposal.key, proposal.key)
        proposal = self.proposals.setdefault(key_now, proposal)
        proposal.matches.add((key, place))
        return proposal

    def merge_acronyms(self) -> None:
        """One proposal for `IRC` and `International Rescue Committee`: the acronym's rows
        join the full name's, which takes the acronym."""
        for short in [p for p in self.proposals.values() if is_acronym(p.written)]:
            letters = normalise_name(short.written).replace(" ", "")
            full = next((p for p in self.proposals.values() if p is not short and p.entry
                         and short.entry and letters in (
                             normalise_name(p.entry.acronym or "").replace(" ", ""),
                             initials(p.written))), None)
            if full is None or full.entry is None:
                continue
            if not full.entry.acronym:
                full.entry = full.entry.model_copy(update={"acronym": short.written})
            full.rows = sorted([*full.rows, *short.rows])
            full.people += short.people
            full.matches |= short.matches
            del self.proposals[short.key]
            self.merged[short.key] = full.key

    def _choose(self, text: str, ids: list[str], country: str | None, *,
                explicit: bool) -> str | None:
        if not ids:
            return None
        own = [i for i in ids if i in self._own]
        ids = own or ids  # the library's `DRC` before a generated State's alias
        states = {i: self.state_of(i) for i in ids}
        unbound = [i for i in ids if states[i] is None or self.registry[i].type in PLACES]
        if country is not None:
            mine = [i for i in ids if states[i] == country]
            if mine:
                return mine[0]
            return unbound[0] if len(unbound) == 1 else None
        # With no country, only a name of one body is taken, not one States share.
        generic = guess_type(text) == _T.GOVERNMENT_BODY
        if len(ids) == 1 and (unbound or explicit or not generic
                              or self._says_state(text, states[ids[0]])):
            return ids[0]
        return None

    def _says_state(self, text: str, state: str | None) -> bool:
        return state is not None and self._named_state(text)[0] == state

    def _propose(self, text: str, ids: list[str], country: str | None) -> Proposal:
        kind = guess_type(text)
        near = None
        if ids:
            choices = ids[:3]
            where = ", ".join(f"{i}, {self.registry[self.state_of(i) or i].display_name}"
                              for i in choices)
            if country is None:
                return Proposal(self._key(text, None, kind), text, None, None, choices=choices,
                                reason=f"is the name of State bodies in the registry ({where}); "
                                       "give the row's Country to say which State's")
            if all(self.state_of(i) for i in ids):
                kind = _T.GOVERNMENT_BODY
            reason = f"is in the registry only as another State's body ({where})"
        else:
            choices = suggest(self, text, country)
            near = next((c for c in choices if self._near(text, c)), None)
            reason = "is not in the registry"
        if kind == _T.GOVERNMENT_BODY and country is None:
            return Proposal(self._key(text, None, kind), text, None, None, choices=choices,
                            reason="is a body of a State, but the row gives no Country: give it")
        key = self._key(text, country, kind)
        state = country if kind == _T.GOVERNMENT_BODY else None
        named = re.fullmatch(r"(.+?)\s*\(([A-Za-z][\w.&-]{1,11})\)", text.strip())
        entry = Organisation(
            id=key, name=named.group(1) if named else text, type=kind, parent=state,
            acronym=named.group(2) if named else (text.strip() if is_acronym(text) else None),
            note=f"Added from {self.source} on {self.today.isoformat()}"
                 + (f"; its people come from {country}" if country and not state else ""))
        return Proposal(key, text, country, entry, reason=reason, choices=choices, near=near)

    def _key(self, text: str, country: str | None, kind: OrganisationType) -> str:
        base = slug(text) or "organisation"
        if kind in (_T.GOVERNMENT_BODY, _T.RED_CROSS) and country and country not in base:
            base = slug(f"{country} {base}")
        candidate, n = base, 1
        while candidate in self.registry:
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def _near(self, text: str, org_id: str) -> bool:
        folded = normalise_name(text).replace(" ", "")
        return any(one_swap(folded, normalise_name(n).replace(" ", ""))
                   or (len(folded) >= 12 and SequenceMatcher(
                       None, normalise_name(text), normalise_name(n)).ratio() >= 0.93)
                   for n in self.registry[org_id].names())


def _score(finder: OrganisationFinder, text: str, org: Organisation,
           country: str | None) -> float:
    folded = normalise_name(text)
    compact = folded.replace(" ", "")
    named, rest = finder._named_state(text)
    words = set((rest if named else folded).split()) - STOP_WORDS
    best = 0.0
    for name in org.names():
        other = normalise_name(name)
        if not other:
            continue
        squeezed = other.replace(" ", "")
        if " " not in folded and len(compact) >= 2 and compact in (initials(name), squeezed):
            best = max(best, 1.0)
        elif " " in folded and len(squeezed) >= 2 and initials(text) == squeezed:
            best = max(best, 0.9)
        elif one_swap(compact, squeezed):
            best = max(best, 0.8)
        theirs = set(other.split()) - STOP_WORDS
        shared = words & theirs
        if shared and len(words) > 1:
            weight = sum(finder._words.get(w, 3.0) for w in shared)
            whole = sum(finder._words.get(w, 3.0) for w in words | theirs)
            best = max(best, 0.9 * weight / whole)
        if len(compact) >= 8:
            ratio = SequenceMatcher(None, folded, other).ratio()
            best = max(best, ratio - 0.05 if ratio >= 0.88 else 0.0)
    if org.type in PLACES:
        return best if "government" in folded else 0.0
    state = finder.state_of(org.id)
    if state is not None:
        best += 0.1 if state == country else -0.3
    return best


def suggest(finder: OrganisationFinder, text: str, country: str | None = None, *,
            limit: int = 3) -> list[str]:
    """The registry ids closest to a written organisation, best first: acronyms, then words
    shared (rare words weigh more), then spelling; a body of another State than the row's
    counts less. At most `limit`, none below a fair likeness.

    Examples
    --------
    >>> reg = Registry([Organisation(id="irc", name="International Rescue Committee",
    ...     acronym="IRC", type="ngo"), Organisation(id="iasc", name="Inter-Agency "
    ...     "Standing Committee", acronym="IASC", type="un-agency")])
    >>> finder = OrganisationFinder(reg, CountryIndex(reg))
    >>> suggest(finder, "I.R.C."), suggest(finder, "HIAS"), suggest(finder, "Intl Rescue Cttee")
    (['irc'], [], ['irc'])
    """
    scored = sorted(((s, org.id) for org in finder.registry.every()
                     if (s := _score(finder, text, org, country)) >= 0.5),
                    key=lambda pair: (-pair[0], pair[1]))
    return [org_id for _, org_id in scored[:limit]]


#: A decision that imports the rows without an organisation.
NO_ORGANISATION = "none"


def apply_decisions(finder: OrganisationFinder, decisions: Mapping[str, Organisation | str],
                    *, accept_all: bool) -> list[Organisation]:
    """Settle the finder's proposals: a decision by key is an entry to add (as proposed or
    edited), the id of an existing entry, or `none`; `accept_all` adds every acceptable
    proposal left. Returns the entries to add, which the finder then knows."""
    added: list[Organisation] = []
    for proposal in finder.proposals.values():
        decision = decisions.get(proposal.key)
        if decision is None and accept_all and proposal.acceptable:
            decision = proposal.entry
        if decision is None:
            continue
        if isinstance(decision, Organisation):
            if decision.id in finder.registry or decision.id in {o.id for o in added}:
                raise PlannerError(f"'{proposal.written}': the id '{decision.id}' is taken; "
                                   "choose another")
            added.append(decision)
            decision = decision.id
        elif decision != NO_ORGANISATION and decision not in finder.registry:
            raise PlannerError(f"'{proposal.written}': no organisation '{decision}' in the "
                               "registry to take it as")
        proposal.decided = decision
        for match in proposal.matches:
            finder.resolved[match] = decision
    if added:
        finder.registry = Registry([*finder.registry, *added], known=finder.registry.known())
        finder.countries = CountryIndex(finder.registry)
        finder._own |= {org.id for org in added}
    return added
