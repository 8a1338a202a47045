"""Starting a new event from a past one."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.errors import PlannerError
from planner.event.new import PARTS, clone_event
from planner.library import Library
from planner.model import Organisation, Registry

pytestmark = pytest.mark.unit


def test_clone_moves_sessions_to_new_dates_and_drops_outcomes(make_event) -> None:
    source = make_event()
    new = clone_event(source, new_id="next-2026", start=dt.date(2026, 3, 9))
    dates = {new.date_of(s.day) for s in new.sessions}
    assert (new.start, new.end, dates) == (
        dt.date(2026, 3, 9), dt.date(2026, 3, 10), {dt.date(2026, 3, 9), dt.date(2026, 3, 10)})
    assert (new.recommendations, new.follow_up, new.action_plan, new.revision) == (
        [], [], None, 1)
    assert new.previous_event == "test-2010"


def test_clone_keeps_structure_but_not_people(make_event) -> None:
    source = make_event(working_groups=[{
        "id": "entry", "title": "Entry", "action_points": [3], "sources": ["summary-report"],
        "chair": [{"organisation": "yemen"}]}])
    new = clone_event(source, new_id="next-2026")
    [group] = new.working_groups
    assert (group.title, group.action_points, group.chair, group.is_planned) == (
        "Entry", [3], [], True)


def test_clone_replaces_host_government_with_new_country(make_event) -> None:
    source = make_event(organisers=[
        {"organisation": "yemen", "role": "host-government", "source": "concept-note"},
        {"organisation": "yemen", "role": "co-organiser", "source": "review"},
        {"organisation": "unhcr", "role": "convener", "source": "summary-report"}])
    new = clone_event(source, new_id="next", country="tanzania",
                      timezone="Africa/Dar_es_Salaam")
    assert [(r.organisation, r.role.value, r.source.value) for r in new.organisers] == [
        ("tanzania", "host-government", "editor"), ("tanzania", "co-organiser", "editor"),
        ("unhcr", "convener", "editor")]


def test_clone_only_chosen_parts(make_event) -> None:
    new = clone_event(make_event(), new_id="next", parts=["working-groups"])
    assert (len(new.working_groups), new.sessions, new.organisers) == (1, [], [])


def test_clone_refuses_agenda_longer_than_new_event(make_event) -> None:
    with pytest.raises(PlannerError, match="runs 2 days but the new event has 1"):
        clone_event(make_event(), new_id="next", start=dt.date(2026, 1, 1),
                    end=dt.date(2026, 1, 1))


def test_clone_refuses_unknown_country(make_event, registry) -> None:
    with pytest.raises(PlannerError, match="unknown organisation 'atlantis'"):
        clone_event(make_event(), new_id="next", country="atlantis", registry=registry)


def test_cloned_event_validates_in_library(small_library: Library) -> None:
    source = small_library.load("test-2010")
    new = clone_event(source, new_id="next-2026", start=dt.date(2026, 5, 4), parts=PARTS)
    small_library.create(new)
    assert small_library.load("next-2026") == new


def test_clone_takes_time_zone_of_new_single_zone_country(make_event, registry) -> None:
    new = clone_event(make_event(), new_id="next", country="tanzania", registry=registry)
    assert new.timezone == "Africa/Dar_es_Salaam"


def test_clone_for_country_with_several_zones_needs_timezone(make_event) -> None:
    registry = Registry([Organisation(id="yemen", name="Yemen", type="state", iso="YE"),
                         Organisation(id="kazakhstan", name="Kazakhstan", type="state",
                                      iso="KZ")])
    with pytest.raises(PlannerError, match=r"Kazakhstan has \d+ time zones .*--timezone"):
        clone_event(make_event(), new_id="next", country="kazakhstan", registry=registry)
    new = clone_event(make_event(), new_id="next", country="kazakhstan",
                      timezone="Asia/Almaty", registry=registry)
    assert new.timezone == "Asia/Almaty"


def test_clone_copies_rooms_and_block_hours_but_not_published_versions(
        shipped_copy: Library) -> None:
    source = shipped_copy.load("manila-2010")
    new = clone_event(source, new_id="next", start=dt.date(2027, 1, 11))
    assert (new.rooms, new.programme.versions, new.programme.published) == (
        source.rooms, [], [])
