"""Balance that matches the room: each false warning found in Nairobi 2027 stays silent on an
event crafted to raise it, and each true warning next to it still fires."""

from __future__ import annotations

from typing import Any

import pytest

from planner.errors import Finding
from planner.library import Library
from planner.model import Event
from planner.people.balance import check_balance, measure_balance
from tests.conftest import SHIPPED
from tests.factories import base_data

pytestmark = pytest.mark.unit

REGISTRY = Library(SHIPPED).registry
_SUB_REGIONS = [{"name": "East Africa", "states": ["kenya", "uganda", "tanzania"]},
                {"name": "Horn of Africa", "states": ["ethiopia", "somalia", "djibouti"]},
                {"name": "Great Lakes", "states": ["burundi", "rwanda",
                                                   "democratic-republic-of-the-congo"]},
                {"name": "Southern Africa", "states": ["zambia", "botswana", "malawi"]}]


def _person(pid: str, organisation: str, **over: Any) -> dict[str, Any]:
    return {"id": pid, "last_name": pid.title(), "organisation": organisation,
            "status": "confirmed", "gender": "female", **over}


def _room(*extra: dict[str, Any], **over: Any) -> Event:
    """Nairobi with a host delegation of two, Uganda's of two and an NGO from each."""
    people = [_person("k1", "kenya", roles=["head-of-delegation"]), _person("k2", "kenya"),
              _person("u1", "uganda", roles=["head-of-delegation"]), _person("u2", "uganda"),
              _person("ngo-k", "drc", country="kenya"), _person("ngo-u", "nrc", country="uganda"),
              *extra]
    return Event.model_validate(base_data(**{
        "id": "nairobi-2027", "city": "Nairobi", "country": "kenya",
        "timezone": "Africa/Nairobi", "participants": people} | over))


def _findings(event: Event) -> list[Finding]:
    return check_balance(event, REGISTRY)


def _about(event: Event, ref: str) -> list[str]:
    return [f.kind for f in _findings(event) if f.ref == ref]


def test_the_crafted_room_is_balanced() -> None:
    assert _findings(_room()) == []


def test_un_staff_at_a_duty_station_do_not_make_a_country_take_part() -> None:
    staff = _person("unhcr-gaborone", "unhcr", country="botswana")
    assert _about(_room(staff), "botswana") == []


def test_un_staff_in_geneva_and_a_donor_agency_do_not_lack_a_government() -> None:
    geneva = _person("unhcr-geneva", "unhcr", country="switzerland")
    donor = _person("sdc", "sdc", country="switzerland")
    assert _about(_room(geneva, donor), "switzerland") == []


def test_a_states_refugee_bureau_is_its_government() -> None:
    assert _about(_room(_person("bprm", "bprm", country="united-states")),
                  "united-states") == []


def test_the_host_has_its_own_quota() -> None:
    hosts = [_person(f"k{i}", "kenya") for i in range(3, 9)]
    assert _about(_room(*hosts), "kenya") == []


def test_the_host_quota_the_organisers_set_still_fires() -> None:
    hosts = [_person(f"k{i}", "kenya") for i in range(3, 9)]
    event = _room(*hosts, host_quota={"least": 2, "most": 6})
    assert [f.message for f in _findings(event)] == [
        "Kenya sends 8 government delegates; at most 6 are expected"]


def test_a_host_with_one_delegate_is_under_quota_in_the_singular() -> None:
    event = _room()
    event = event.model_copy(update={"participants": [
        p for p in event.participants if p.id != "k2"]})
    assert [f.message for f in _findings(event)] == [
        "Kenya sends 1 government delegate; at least 2 are expected"]


def test_a_guest_over_its_quota_still_fires() -> None:
    guests = [_person(f"u{i}", "uganda") for i in range(3, 5)]
    assert [f.message for f in _findings(_room(*guests))] == [
        "Uganda sends 4 government delegates; at most 3 are expected"]


def test_a_country_with_an_ngo_and_no_government_still_fires() -> None:
    assert _about(_room(_person("ngo-s", "drc", country="somalia")), "somalia") == [
        "country-without-government"]


def test_a_delegation_without_civil_society_still_fires() -> None:
    event = _room(_person("t1", "tanzania-ministry-of-home-affairs"),
                  _person("t2", "tanzania"))
    assert _about(event, "tanzania") == ["country-without-civil-society"]


def test_regions_are_counted_at_the_events_level() -> None:
    m49 = measure_balance(_room(), REGISTRY)[0]["counts"]["region"]
    own = measure_balance(_room(sub_regions=_SUB_REGIONS), REGISTRY)[0]["counts"]["region"]
    assert (m49, own) == ({"Eastern Africa": 6}, {"East Africa": 6})


def test_a_sub_region_of_the_event_without_anyone_still_fires() -> None:
    invited = [{"organisation": "zambia", "category": "governments", "source": "editor"}]
    event = _room(sub_regions=_SUB_REGIONS, invited=invited)
    assert _findings(event) == [Finding(
        "region-without-participants", "no participant from Southern Africa, a region of the "
        "event", "Southern Africa")]


def test_staff_of_international_organisations_count_as_international() -> None:
    staff = _person("unhcr-gaborone", "unhcr", country="botswana")
    counts = measure_balance(_room(staff, sub_regions=_SUB_REGIONS), REGISTRY)[0]["counts"]
    assert counts["region"] == {"East Africa": 6, "international": 1}
