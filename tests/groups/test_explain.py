"""Explanations for organisers: in the third person, with the groups' names, and for each
group why its chair and rapporteurs were picked."""

from __future__ import annotations

import re

import pytest

from planner.groups.assign import Assignment, assign_groups
from planner.groups.assign.explain import Voice
from planner.library import Library
from planner.model import Participant
from tests.groups.nairobi import nairobi_roster

pytestmark = pytest.mark.integration


@pytest.fixture
def composed(planned: Library) -> Assignment:
    return assign_groups(nairobi_roster(planned), planned.registry)


@pytest.mark.parametrize(("gender", "words"), [
    ("female", ("she", "her", "her", "reports")), ("male", ("he", "his", "him", "reports")),
    (None, ("they", "their", "them", "report"))])
def test_voice_agrees_with_the_person(gender: str | None, words: tuple[str, ...]) -> None:
    voice = Voice(Participant(id="a", last_name="Lee", gender=gender))
    assert (voice.subject, voice.possessive, voice.object, voice.verb("report")) == words


def test_explanations_speak_of_people_and_name_groups(composed: Assignment) -> None:
    lines = composed.explanations.values()
    assert [line for line in lines if re.search(r"\byou(r)?\b|\bWG \d", line)] == []
    titles = {g.title for g in composed.event.working_groups}
    assert all(any(title in line for title in titles) for line in lines)


def test_a_rapporteur_is_told_who_she_reports_for(composed: Assignment) -> None:
    group = next(g for g in composed.event.working_groups
                 if any(s.organisation == "iom" for s in g.rapporteurs))
    reporter = next(s.participant for s in group.rapporteurs if s.organisation == "iom")
    person = next(p for p in composed.event.participants if p.id == reporter)
    line = composed.explanations[reporter or ""]
    voice = Voice(person)
    assert line.startswith(f"{person.first_name} {person.last_name} — {group.title}, ")
    assert line.endswith(f"; {voice.subject} {voice.verb('report')} it for IOM")


def test_each_group_says_why_its_leaders_were_picked(composed: Assignment) -> None:
    people = {p.id: p for p in composed.event.participants}
    for group in composed.event.working_groups:
        line = composed.leaders[group.id]
        chair = people[group.chair[0].participant or ""]
        assert line.startswith(f"{group.title} — chaired by {chair.name} (")
        assert "government" not in line or "delegate" in line
        assert ("; one from each of UNHCR and IOM." in line) != (
            "; both from UNHCR: no one else who may report could sit in it." in line)


def test_a_leader_fixed_by_the_organisers_is_said_so(planned: Library) -> None:
    from planner.groups.membership import lead_person  # noqa: PLC0415

    event = lead_person(nairobi_roster(planned), "n-001", "wg-data", role="chair")
    line = assign_groups(event, planned.registry).leaders["wg-data"]
    assert line.startswith("Identifying and filling gaps in data collection and analysis — "
                           "chaired by ")
    assert " (fixed by the organisers); reported by " in line
