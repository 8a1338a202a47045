"""Balance: counts and shares by scope, and each warning rule on crafted events."""

from __future__ import annotations

import pytest

from planner.errors import Finding
from planner.library import Library
from planner.model import Event
from planner.people.balance import DIMENSIONS, balance_rows, check_balance, measure_balance
from tests.conftest import SHIPPED
from tests.factories.people import balanced, people, people_event, people_registry

pytestmark = pytest.mark.unit

REGISTRY = people_registry()


def kinds(event: Event) -> list[tuple[str, str | None]]:
    return [(f.kind, f.ref) for f in check_balance(event, REGISTRY)]


# --- rules --------------------------------------------------------------------------------

def test_check_balance_is_silent_on_a_balanced_event() -> None:
    assert check_balance(balanced(), REGISTRY) == []


def test_check_balance_country_without_government_delegate() -> None:
    event = balanced(participants=people(hodan={"organisation": "drc", "country": "somalia"}))
    assert check_balance(event, REGISTRY) == [Finding(
        "country-without-government", "Somalia takes part without a government delegate",
        "somalia")]


def test_check_balance_country_without_civil_society() -> None:
    assert kinds(balanced(participants=people(achieng=None))) == [
        ("country-without-civil-society", "kenya")]


def test_check_balance_declined_people_do_not_count() -> None:
    event = balanced(participants=people(achieng={"status": "declined"}))
    assert kinds(event) == [("country-without-civil-society", "kenya")]


def test_check_balance_delegation_under_quota() -> None:
    assert check_balance(balanced(participants=people(wanjiru=None)), REGISTRY) == [Finding(
        "delegation-under-quota",
        "Kenya sends 1 government delegate; at least 2 are expected", "kenya")]


def test_check_balance_delegation_over_quota() -> None:
    extra = {name: {"organisation": "kenya"} for name in ("k1", "k2")}
    assert kinds(balanced(participants=people(**extra))) == [
        ("delegation-over-quota", "kenya")]


def test_check_balance_event_quota_replaces_the_default() -> None:
    extra = {name: {"organisation": "kenya"} for name in ("k1", "k2")}
    event = balanced(participants=people(**extra), delegate_quota={"least": 1, "most": 4})
    assert kinds(event) == []


def test_check_balance_delegation_quota_wins_over_the_event() -> None:
    event = balanced(delegate_quota={"least": 1, "most": 4},
                     delegations=[{"organisation": "kenya", "quota": {"least": 3, "most": 4},
                                   "members": ["otieno", "wanjiru"]}])
    assert kinds(event) == [("delegation-under-quota", "kenya")]


def test_check_balance_alternates_and_advisers_are_not_delegates() -> None:
    event = balanced(participants=people(wanjiru={"roles": ["adviser"]}))
    assert kinds(event) == [("delegation-under-quota", "kenya")]


def test_check_balance_all_male_panel() -> None:
    sessions = [{"id": "opening", "kind": "plenary", "day": 1, "block": "morning",
                 "title": "Opening", "chairs": [{"name": "Otieno"}],
                 "items": [{"title": "Keynote", "speakers": [{"name": "Mr. A. Guterres"}]}]}]
    assert check_balance(balanced(sessions=sessions), REGISTRY) == [Finding(
        "all-male-panel", "'Opening' has 2 speakers and chairs, all men", "opening")]


def test_check_balance_all_male_working_group_leadership() -> None:
    groups = [{"id": "entry", "title": "Protection-sensitive entry", "sources": ["editor"],
               "chair": [{"name": "H.E. Mr Ali"}], "rapporteurs": [{"name": "otieno"}]}]
    assert check_balance(balanced(working_groups=groups, sessions=[]), REGISTRY) == [Finding(
        "all-male-leadership",
        "working group 'Protection-sensitive entry' is chaired and reported by men only",
        "entry")]


def test_check_balance_leadership_of_unknown_gender_is_not_flagged() -> None:
    groups = [{"id": "entry", "title": "Entry", "sources": ["editor"],
               "chair": [{"name": "Mr Ali"}], "rapporteurs": [{"name": "Dr Sam Lee"}]}]
    assert kinds(balanced(working_groups=groups, sessions=[])) == []


def test_check_balance_region_without_participants() -> None:
    invited = [{"organisation": o, "category": "governments", "source": "editor"}
               for o in ("kenya", "norway")]
    assert check_balance(balanced(invited=invited), REGISTRY) == [Finding(
        "region-without-participants", "no participant from Northern Europe, a region of "
        "the event", "Northern Europe")]


def test_check_balance_event_without_participants() -> None:
    assert kinds(people_event()) == [("no-participants", "test-2010")]


# --- measures -----------------------------------------------------------------------------

def test_measure_balance_counts_the_event_by_every_dimension() -> None:
    scope = measure_balance(balanced(), REGISTRY)[0]
    assert (scope["scope"], scope["total"], list(scope["counts"])) == (
        "event", 7, list(DIMENSIONS))
    assert scope["counts"]["stakeholder_type"] == {
        "governments": 4, "civil-society": 2, "international-organisations": 1}
    assert scope["counts"]["region"] == {"Eastern Africa": 3, "Western Asia": 3,
                                         "international": 1}
    assert scope["counts"]["delegation"] == {"Yemen": 2, "Kenya": 2, "DRC": 1,
                                             "Kituo Cha Sheria": 1, "UNHCR": 1}
    assert scope["shares"]["gender"] == {"female": round(5 / 7, 4), "male": round(2 / 7, 4)}


def test_measure_balance_counts_working_group_members_and_panel_speakers() -> None:
    scopes = {(s["scope"], s["ref"]): s for s in measure_balance(balanced(), REGISTRY)}
    assert list(scopes) == [("event", "test-2010"), ("working-group", "entry"),
                            ("working-group", "reception"), ("panel", "opening")]
    assert scopes["working-group", "entry"]["counts"]["gender"] == {"male": 1, "female": 1}
    assert scopes["panel", "opening"]["counts"]["gender"] == {"male": 1, "female": 1}
    assert scopes["panel", "opening"]["counts"]["stakeholder_type"] == {
        "unknown": 1, "international-organisations": 1}


def test_balance_rows_add_up_to_each_scope_total() -> None:
    scopes = measure_balance(balanced(), REGISTRY)
    rows = balance_rows(scopes)
    totals = {(r["scope"], r["ref"], r["dimension"]): 0 for r in rows}
    for row in rows:
        totals[row["scope"], row["ref"], row["dimension"]] += row["count"]
    expected = {s["ref"]: s["total"] for s in scopes}
    assert all(total == expected[ref] for (_, ref, _), total in totals.items())


@pytest.mark.integration
@pytest.mark.parametrize("event_id", Library(SHIPPED).event_ids())
def test_balance_of_shipped_events_runs(event_id: str) -> None:
    library = Library(SHIPPED)
    event = library.load(event_id)
    assert (measure_balance(event, library.registry)[0]["total"],
            kinds_of(check_balance(event, library.registry))) == (0, ["no-participants"])


def kinds_of(findings: list[Finding]) -> list[str]:
    return [f.kind for f in findings]


def test_check_balance_follows_a_speaker_to_the_participant_list() -> None:
    sessions = [{"id": "opening", "kind": "plenary", "day": 1, "block": "morning",
                 "title": "Opening", "speakers": [{"participant": "ali"},
                                                  {"participant": "otieno"}]}]
    assert kinds(balanced(sessions=sessions)) == [("all-male-panel", "opening")]
