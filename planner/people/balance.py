"""Balance of participation: who is in the room by type, region, gender, seniority, delegation."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from planner.countries import PLACES, area_of
from planner.errors import Finding
from planner.event.regions import event_region
from planner.grammar import counted
from planner.model import (
    NOT_COMING,
    AgendaItem,
    Event,
    Gender,
    InviteeCategory,
    Organisation,
    OrganisationType,
    Participant,
    ParticipantRole,
    Plenary,
    Quota,
    Registry,
    Speaker,
    normalise_name,
)
from planner.people.columns import split_name
from planner.people.delegations import delegation_of, recorded_delegations
from planner.people.representation import (
    INTERNATIONAL,
    government_of,
    is_international,
    represented_country,
)

__all__ = [
    "DEFAULT_QUOTA",
    "DIMENSIONS",
    "UNKNOWN",
    "Profile",
    "balance_rows",
    "check_balance",
    "measure_balance",
    "stakeholder_type",
]

#: What is counted, in the order the app shows it.
DIMENSIONS = ("stakeholder_type", "region", "sub_region", "gender", "seniority", "delegation")
#: The category of a person for whom the record does not say.
UNKNOWN = "unknown"
#: Government delegates per participating State when neither event nor delegation says.
DEFAULT_QUOTA = Quota(least=2, most=3)

_DELEGATES = frozenset({ParticipantRole.HEAD_OF_DELEGATION, ParticipantRole.DELEGATE})
_TYPES = {
    OrganisationType.STATE: InviteeCategory.GOVERNMENTS,
    OrganisationType.TERRITORY: InviteeCategory.GOVERNMENTS,
    OrganisationType.GOVERNMENT_BODY: InviteeCategory.GOVERNMENTS,
    OrganisationType.REGIONAL_ORGANISATION: InviteeCategory.REGIONAL_ORGANISATIONS,
    OrganisationType.REGIONAL_CONSULTATIVE_PROCESS: InviteeCategory.REGIONAL_ORGANISATIONS,
    OrganisationType.DONOR_AGENCY: InviteeCategory.DONORS,
    OrganisationType.UN_AGENCY: InviteeCategory.INTERNATIONAL_ORGANISATIONS,
    OrganisationType.INTERGOVERNMENTAL: InviteeCategory.INTERNATIONAL_ORGANISATIONS,
    OrganisationType.NGO: InviteeCategory.CIVIL_SOCIETY,
    OrganisationType.RED_CROSS: InviteeCategory.CIVIL_SOCIETY,
    OrganisationType.ACADEMIC: InviteeCategory.ACADEMIA,
}
# Honorifics a programme prints before a speaker's name, for speakers not on the list.
_MALE = frozenset({"mr", "sir", "m", "monsieur", "sr", "senor", "don"})
_FEMALE = frozenset({"ms", "mrs", "miss", "mme", "madame", "madam", "mlle", "dame", "sra",
                     "senora", "srta", "dona"})


def stakeholder_type(org: Organisation | None) -> str:
    """The invitation category of an organisation, as a concept note groups participants.

    Examples
    --------
    >>> stakeholder_type(Organisation(id="drc", name="Danish Refugee Council", type="ngo"))
    'civil-society'
    """
    if org is None:
        return UNKNOWN
    return _TYPES.get(org.type, InviteeCategory.OTHER).value


@dataclass(frozen=True)
class Profile:
    """One person as the balance counts them."""

    name: str
    stakeholder_type: str
    region: str
    """At the event's level: its own sub-region, else the UN M49 sub-region."""
    sub_region: str
    """The UN M49 sub-region (intermediate region where M49 has one)."""
    gender: str
    seniority: str
    delegation: str
    country: str | None
    """Registry id of the State the person comes from or represents."""


class _Profiler:
    def __init__(self, event: Event, registry: Registry) -> None:
        self.registry = registry
        self.event = event
        self.delegation = recorded_delegations(event)
        self.by_id = {p.id: p for p in event.participants}
        self.by_name = {_name_key(p.first_name, p.last_name): p for p in event.participants}

    def _org(self, org_id: str | None) -> Organisation | None:
        return self.registry[org_id] if org_id and org_id in self.registry else None

    def _place(self, country: str | None, org_id: str | None) -> tuple[str, str]:
        area = area_of(self._org(country), self.registry)
        if area is None:
            where = INTERNATIONAL if is_international(org_id, self.registry) else UNKNOWN
            return where, where
        return event_region(country, self.event, self.registry) or UNKNOWN, area.finest

    def person(self, person: Participant) -> Profile:
        country = represented_country(person, self.registry)
        delegation = delegation_of(person, self.event, self.registry, recorded=self.delegation)
        org = self._org(delegation)
        return Profile(person.name, stakeholder_type(self._org(person.organisation)),
                       *self._place(country, person.organisation),
                       person.gender.value if person.gender else UNKNOWN,
                       person.seniority.value if person.seniority else UNKNOWN,
                       org.display_name if org else UNKNOWN, country)

    def speaker(self, speaker: Speaker) -> Profile:
        title, first, last = split_name(speaker.name) if speaker.name else (None, None, "")
        # The programme may point at the participant list, else the name may match it.
        known = self.by_id.get(speaker.participant or "") or (
            self.by_name.get(_name_key(first, last)) if speaker.name else None)
        if known is not None:
            return self.person(known)
        org = self._org(speaker.organisation)
        country = org.id if org and org.type in PLACES else None
        return Profile(speaker.name or (org.display_name if org else UNKNOWN),
                       stakeholder_type(org), *self._place(country, speaker.organisation),
                       _gender_of(title),
                       UNKNOWN, org.display_name if org else UNKNOWN, country)


def _name_key(first: str | None, last: str | None) -> str:
    return normalise_name(" ".join(filter(None, (first, last))))


def _gender_of(title: str | None) -> str:
    words = set(normalise_name(title or "").split())
    if words & _MALE and not words & _FEMALE:
        return Gender.MALE.value
    if words & _FEMALE and not words & _MALE:
        return Gender.FEMALE.value
    return UNKNOWN


def _tally(profiles: list[Profile]) -> dict[str, Any]:
    counts = {dim: dict(Counter(getattr(p, dim) for p in profiles).most_common())
              for dim in DIMENSIONS}
    total = len(profiles)
    shares = {dim: {k: round(n / total, 4) for k, n in row.items()}
              for dim, row in counts.items()} if total else {dim: {} for dim in DIMENSIONS}
    return {"total": total, "counts": counts, "shares": shares}


def _active(event: Event) -> list[Participant]:
    return [p for p in event.participants if p.status not in NOT_COMING]


def _items_speakers(items: Iterable[AgendaItem]) -> Iterator[Speaker]:
    for item in items:
        yield from item.speakers
        yield from _items_speakers(item.items)


def _panel(session: Plenary) -> list[Speaker]:
    people = [*session.chairs, *session.speakers, *_items_speakers(session.items)]
    unique = {_speaker_key(s): s for s in people}
    return list(unique.values())


def _speaker_key(speaker: Speaker) -> str:
    participant = speaker.participant
    return participant or normalise_name(speaker.name or speaker.organisation or "")


def _named(speaker: Speaker) -> bool:
    return bool(speaker.name or speaker.participant)


def _panels(event: Event) -> list[Plenary]:
    return [s for s in event.sessions if isinstance(s, Plenary) and _panel(s)]


def measure_balance(event: Event, registry: Registry) -> list[dict[str, Any]]:
    """Counts and shares of each dimension, for the event, each working group and each panel.

    People who declined or were cancelled are not counted. A working group
    counts its assigned members; a panel session its chairs and speakers.

    Returns
    -------
    list of dict
        One per scope: `scope` (`event`, `working-group`, `panel`), `ref`,
        `title`, `total`, `counts` and `shares` (dimension → category → value).

    Examples
    --------
    >>> import datetime as dt
    >>> event = Event(id="x", kind="workshop", title="T", city="C", country="yemen",
    ...     timezone="Asia/Aden", start=dt.date(2010, 1, 1), end=dt.date(2010, 1, 1),
    ...     participants=[Participant(id="a", last_name="A", gender="female"),
    ...                   Participant(id="b", last_name="B", gender="male", status="declined")])
    >>> scope = measure_balance(event, Registry([]))[0]
    >>> scope["total"], scope["counts"]["gender"], scope["shares"]["gender"]
    (1, {'female': 1}, {'female': 1.0})
    """
    profiler = _Profiler(event, registry)
    active = _active(event)
    scopes = [{"scope": "event", "ref": event.id, "title": event.title,
               **_tally([profiler.person(p) for p in active])}]
    for group in event.working_groups:
        members = [profiler.person(p) for p in active if group.id in p.working_groups]
        scopes.append({"scope": "working-group", "ref": group.id, "title": group.title,
                       **_tally(members)})
    for session in _panels(event):
        speakers = [profiler.speaker(s) for s in _panel(session)]
        scopes.append({"scope": "panel", "ref": session.id, "title": session.title or session.id,
                       **_tally(speakers)})
    return scopes


def balance_rows(scopes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The measures in long form, one row per scope × dimension × category, for charts.

    Examples
    --------
    >>> balance_rows([{"scope": "event", "ref": "x", "title": "T", "total": 2,
    ...     "counts": {"gender": {"male": 2}}, "shares": {"gender": {"male": 1.0}}}])
    [{'scope': 'event', 'ref': 'x', 'dimension': 'gender', 'category': 'male', 'count': 2, \
'share': 1.0}]
    """
    return [{"scope": s["scope"], "ref": s["ref"], "dimension": dim, "category": category,
             "count": count, "share": s["shares"][dim][category]}
            for s in scopes for dim, row in s["counts"].items()
            for category, count in row.items()]


# --- rules -------------------------------------------------------------------------------

def _name(registry: Registry, org_id: str) -> str:
    return registry[org_id].display_name if org_id in registry else org_id


def _quota(event: Event, country: str, quotas: dict[str, Quota]) -> tuple[int, int | None]:
    # The host's own quota: its delegation's, else the event's host quota, else 2 or more.
    if country in quotas:
        return quotas[country].least, quotas[country].most
    if country == event.country:
        host = event.host_quota
        return (host.least, host.most) if host else (DEFAULT_QUOTA.least, None)
    quota = event.delegate_quota or DEFAULT_QUOTA
    return quota.least, quota.most


def _delegating(event: Event, registry: Registry,
                profiles: list[tuple[Participant, Profile]]) -> set[str]:
    """The States that send a delegation: the host, those invited as governments and those
    whose State or ministries send people. A donor State present only through its
    development agency or a bureau takes part, but sends no delegation."""
    invited = {i.organisation for i in (*event.invited, *event.attended)
               if i.organisation and i.category == InviteeCategory.GOVERNMENTS}
    ministries = (OrganisationType.STATE, OrganisationType.GOVERNMENT_BODY)
    return invited | {event.country} | {
        pr.country for p, pr in profiles if pr.country and p.organisation
        and p.organisation in registry and registry[p.organisation].type in ministries}


def _country_findings(event: Event, registry: Registry,
                      profiles: list[tuple[Participant, Profile]]) -> Iterator[Finding]:
    quotas = {d.organisation: d.quota for d in event.delegations if d.quota}
    delegating = _delegating(event, registry, profiles)
    countries = sorted({pr.country for _, pr in profiles if pr.country},
                       key=lambda c: _name(registry, c))
    for country in countries:
        here = [(p, pr) for p, pr in profiles if pr.country == country]
        name = _name(registry, country)
        government = [p for p, _ in here if government_of(p, registry) == country]
        if not government:
            yield Finding("country-without-government",
                          f"{name} takes part without a government delegate", country)
        if country not in delegating and country not in quotas:
            continue
        if not any(pr.stakeholder_type == "civil-society" for _, pr in here):
            yield Finding("country-without-civil-society",
                          f"{name} takes part without a civil-society organisation", country)
        delegates = sum(1 for p in government if _DELEGATES & set(p.roles))
        least, most = _quota(event, country, quotas)
        if government and delegates < least:
            yield Finding("delegation-under-quota", f"{name} sends "
                          f"{counted(delegates, 'government delegate')}; at least {least} "
                          f"{'is' if least == 1 else 'are'} expected", country)
        if most is not None and delegates > most:
            yield Finding("delegation-over-quota", f"{name} sends "
                          f"{counted(delegates, 'government delegate')}; at most {most} "
                          f"{'is' if most == 1 else 'are'} expected", country)


def _all_male(people: list[Profile]) -> bool:
    named = [p for p in people if p.name != UNKNOWN]
    return len(named) >= 2 and all(p.gender == Gender.MALE.value for p in named)


def _leadership_findings(event: Event, profiler: _Profiler) -> Iterator[Finding]:
    for session in _panels(event):
        panel = [profiler.speaker(s) for s in _panel(session) if _named(s)]
        if _all_male(panel):
            yield Finding("all-male-panel", f"'{session.title or session.id}' has "
                          f"{len(panel)} speakers and chairs, all men", session.id)
    for group in event.working_groups:
        leaders = [profiler.speaker(s) for s in (*group.chair, *group.rapporteurs)
                   if _named(s)]
        if _all_male(leaders):
            yield Finding("all-male-leadership", f"working group '{group.title}' is chaired "
                          "and reported by men only", group.id)


def _event_regions(event: Event, registry: Registry) -> set[str]:
    orgs = [event.country,
            *(i.organisation for i in (*event.invited, *event.attended) if i.organisation)]
    regions = (event_region(o, event, registry) for o in orgs
               if o in registry and registry[o].type in PLACES)
    return {region for region in regions if region}


def check_balance(event: Event, registry: Registry) -> list[Finding]:
    """Warnings about the mix of people: by country, delegation, panel and region.

    Rules, over the people still coming (not declined or cancelled):

    - `country-without-government`: a country some participant counts for
      (`represented_country`: staff of international organisations count for
      their organisation, not their duty station) has no one from its government
      (the State, a ministry, a bureau or agency).
    - `country-without-civil-society`: a State that sends a delegation (the
      host, a State invited as a government, a State whose ministries send people;
      not a donor present only through its agency) has no one from a civil-society
      organisation (NGO, Red Cross or Red Crescent).
    - `delegation-under-quota`, `delegation-over-quota`: such a State's heads of
      delegation and delegates fall outside its delegation's quota, else the
      event's `delegate_quota`, else 2–3; the host State's, else the event's
      `host_quota`, else at least 2.
    - `all-male-panel`, `all-male-leadership`: a plenary's named speakers and
      chairs, or a working group's chairs and rapporteurs, are two or more
      people and all men (gender from the participant list, else the honorific).
    - `region-without-participants`: a region of the host or of an invited or
      attending State, at the event's level (its own `sub_regions`, else UN M49
      sub-regions), has no participant.

    An event without participants gets one `no-participants` finding.

    Examples
    --------
    >>> import datetime as dt
    >>> event = Event(id="x", kind="workshop", title="T", city="C", country="yemen",
    ...     timezone="Asia/Aden", start=dt.date(2010, 1, 1), end=dt.date(2010, 1, 1))
    >>> [f.kind for f in check_balance(event, Registry([]))]
    ['no-participants']
    """
    active = _active(event)
    if not active:
        return [Finding("no-participants", f"'{event.id}' has no participants yet; import a "
                        "list with `planner participants import`", event.id)]
    profiler = _Profiler(event, registry)
    profiles = [(p, profiler.person(p)) for p in active]
    findings = [*_country_findings(event, registry, profiles),
                *_leadership_findings(event, profiler)]
    present = {pr.region for _, pr in profiles}
    findings += [Finding("region-without-participants", f"no participant from {region}, "
                         "a region of the event", region)
                 for region in sorted(_event_regions(event, registry) - present)]
    return findings
