"""Who chairs and reports: the organisers' rules with their defaults, levels read off positions,
and people the rules leave out never picked unless the organisers fix them."""

from __future__ import annotations

from collections import Counter

import pytest

from planner.errors import PlannerError
from planner.groups.assign import Assignment, assign_groups
from planner.groups.leaders import (
    leadership_summary,
    rapporteur_suppliers,
    set_leadership_rules,
    staff_level,
)
from planner.groups.membership import lead_person
from planner.library import Library
from planner.model import Event, Participant
from tests.groups.nairobi import NAIROBI, nairobi_roster

pytestmark = pytest.mark.integration


@pytest.fixture
def nairobi(planned: Library) -> Event:
    return nairobi_roster(planned)


@pytest.fixture
def composed(planned: Library, nairobi: Event) -> Assignment:
    return assign_groups(nairobi, planned.registry)


def _leaders(event: Event) -> dict[str, list[str]]:
    return {g.id: [s.participant or "" for s in (*g.chair, *g.rapporteurs)]
            for g in event.working_groups}


def _by_position(event: Event, position: str) -> Participant:
    return next(p for p in event.participants if p.position == position)


@pytest.mark.parametrize(("fields", "level"), [
    ({"position": "Logistics Assistant"}, "support"),
    ({"position": "Project Assistant", "seniority": "senior-official"}, "support"),
    ({"position": "Assistant High Commissioner for Protection"}, "head"),
    ({"position": "Chief of Mission"}, "head"),
    ({"position": "Principal Secretary"}, "head"),
    ({"position": "Senior Protection Officer"}, "senior"),
    ({"position": "Assistant Representative (Protection)"}, "senior"),
    ({"position": "Protection Officer"}, "professional"),
    ({"position": "First Secretary"}, "professional"),
    ({"roles": ["interpreter", "delegate"]}, "support"),
    ({"seniority": "minister"}, "head"),
    ({"seniority": "senior-official"}, "senior"),
    ({}, "professional"),
])
def test_staff_level_is_read_off_position_then_seniority(fields: dict[str, object],
                                                         level: str) -> None:
    person = Participant.model_validate({"id": "p", "last_name": "P", **fields})
    assert staff_level(person).value == level


def test_iom_in_cooperation_with_supplies_rapporteurs_by_default(planned: Library) -> None:
    event = planned.load(NAIROBI)
    roles = {r.role.value for r in event.organisers if r.organisation == "iom"}
    assert ("co-organiser" in roles, rapporteur_suppliers(event, planned.registry)) == (
        False, ["unhcr", "iom"])


def test_iom_staff_report_the_groups_of_nairobi(composed: Assignment) -> None:
    people = {p.id: p.organisation for p in composed.event.participants}
    pairs = [sorted(people[s.participant or ""] for s in g.rapporteurs)
             for g in composed.event.working_groups]
    # Six IOM staff are at professional or senior level: six groups get one of each.
    assert Counter(tuple(p) for p in pairs) == Counter({("iom", "unhcr"): 6,
                                                        ("unhcr", "unhcr"): 2})


def test_support_staff_and_heads_of_agencies_are_never_picked(composed: Assignment) -> None:
    leading = {p for people in _leaders(composed.event).values() for p in people}
    left_out = {p.id for p in composed.event.participants
                if staff_level(p).value in ("support", "head") and p.organisation != "kenya"}
    positions = {p.position for p in composed.event.participants if p.id in left_out}
    assert {"Logistics Assistant", "Assistant High Commissioner for Protection",
            "Chief of Mission", "Project Assistant"} <= positions
    assert leading & left_out == set()


def test_a_logistics_assistant_fixed_by_the_organisers_reports(planned: Library,
                                                                nairobi: Event) -> None:
    assistant = _by_position(nairobi, "Logistics Assistant").id
    head = _by_position(nairobi, "Assistant High Commissioner for Protection").id
    fixed = lead_person(nairobi, assistant, "wg-return", role="rapporteur")
    fixed = lead_person(fixed, head, "wg-data", role="rapporteur")
    result = assign_groups(fixed, planned.registry)
    leaders = _leaders(result.event)
    assert (assistant in leaders["wg-return"], head in leaders["wg-data"]) == (True, True)
    assert [f for f in result.findings if f.kind == "leader-not-eligible"] == []
    assert "(fixed by the organisers)" in result.leaders["wg-return"]


def test_chairs_are_government_delegates_the_most_senior_first(composed: Assignment) -> None:
    people = {p.id: p for p in composed.event.participants}
    chairs = [people[s.participant or ""] for g in composed.event.working_groups
              for s in g.chair]
    assert len(chairs) == 8
    assert all(p.organisation == p.country for p in chairs)
    assert sum("head-of-delegation" in p.roles for p in chairs) >= 6


def test_organisers_choose_who_supplies_rapporteurs(planned: Library, nairobi: Event) -> None:
    only_iom = set_leadership_rules(nairobi, planned.registry, rapporteurs_from=["iom"])
    result = assign_groups(only_iom, planned.registry)
    people = {p.id: p.organisation for p in result.event.participants}
    orgs = {people[s.participant or ""] for g in result.event.working_groups
            for s in g.rapporteurs}
    assert orgs == {"iom"}
    assert leadership_summary(only_iom, planned.registry)["rapporteurs_default"] is False


def test_organisers_choose_whose_delegates_chair(planned: Library, nairobi: Event) -> None:
    kenyan = set_leadership_rules(nairobi, planned.registry, chairs_from=["kenya"])
    result = assign_groups(kenyan, planned.registry)
    people = {p.id: p.country for p in result.event.participants}
    countries = [people[s.participant or ""] for g in result.event.working_groups
                 for s in g.chair]
    # Six Kenyans for eight groups: six chairs, and a finding for each group without one.
    assert (set(countries), len(countries)) == ({"kenya"}, 6)
    assert Counter(f.kind for f in result.findings)["group-without-chair"] == 2


def test_a_plenary_is_chaired_by_the_host_where_the_rules_say_so(
        planned: Library, nairobi: Event) -> None:
    plenary = nairobi.working_groups[0].model_copy(update={"id": "plenary", "round": 2,
                                                           "title": "Plenary"})
    event = nairobi.model_copy(update={"working_groups": [*nairobi.working_groups, plenary]})
    event = set_leadership_rules(event, planned.registry, host_chairs_plenaries=True)
    result = assign_groups(event, planned.registry)
    people = {p.id: p.country for p in result.event.participants}
    chair = [people[s.participant or ""] for s in result.event.working_groups[-1].chair]
    assert chair == ["kenya"]


def test_leadership_rules_reset_to_the_defaults(planned: Library, nairobi: Event) -> None:
    changed = set_leadership_rules(nairobi, planned.registry, rapporteur_levels=["senior"])
    assert changed.group_leadership is not None
    assert set_leadership_rules(changed, planned.registry, reset=True).group_leadership is None


@pytest.mark.parametrize(("options", "message"), [
    ({"rapporteurs_from": ["unhcrr"]}, "rapporteurs: unknown organisation 'unhcrr'"),
    ({"chair_levels": ["boss"]}, "chair levels: no level 'boss'; levels are head, "
                                 "professional, senior, support"),
    ({"rapporteur_levels": []}, "rapporteur levels: name at least one level"),
])
def test_leadership_rules_refuse_what_does_not_exist(planned: Library, nairobi: Event,
                                                     options: dict[str, list[str]],
                                                     message: str) -> None:
    with pytest.raises(PlannerError, match=message):
        set_leadership_rules(nairobi, planned.registry, **options)  # type: ignore[arg-type]
