"""The invitation list: by category, each invitee with a dated status, governments with their
delegate quota, whole regions at once; what reads the list keeps working."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from planner.errors import PlannerError, ValidationFailed
from planner.event.invitation_table import invitation_rows, revise_invitations
from planner.event.invitations import (
    add_invitations,
    category_for,
    invitation_summary,
    remove_invitations,
    set_invitation_status,
)
from planner.event.new import clone_event
from planner.event.regions import is_region, m49_regions, states_of_region
from planner.library import Library
from planner.library.store import dump_event, parse_event
from planner.model import Event, Quota
from planner.network.library import library_network
from planner.network.suggest import suggest_partners
from planner.people.balance import check_balance
from tests.conftest import SHIPPED

pytestmark = pytest.mark.unit

LIBRARY = Library(SHIPPED)
REGISTRY = LIBRARY.registry
DAR = LIBRARY.load("dar-es-salaam-2010")
MARCH = dt.date(2027, 3, 1)


@pytest.fixture
def nairobi() -> Event:
    """Nairobi 2027 started from Dar es Salaam 2010: its list is Dar's, all to invite."""
    return clone_event(DAR, new_id="nairobi-2027", start=dt.date(2027, 9, 6), city="Nairobi",
                       country="kenya", registry=REGISTRY)


def _entry(event: Event, organisation: str) -> tuple[object, ...]:
    found = next(i for i in event.invited if i.organisation == organisation)
    return (found.category.value, found.status.value if found.status else None, found.since,
            found.quota, found.source.value)


def test_a_new_event_starts_from_the_old_list_all_to_invite(nairobi: Event) -> None:
    assert (len(nairobi.invited), {i.status.value for i in nairobi.invited if i.status},
            {i.source.value for i in nairobi.invited}) == (len(DAR.invited), {"to-invite"},
                                                            {"editor"})
    assert _entry(nairobi, "kenya") == ("governments", "to-invite", None, None, "editor")


def test_a_new_event_lists_each_invitee_once(make_event) -> None:
    twice = [{"organisation": "yemen", "category": "governments", "source": s}
             for s in ("concept-note", "programme")]
    new = clone_event(make_event(invited=twice), new_id="next-2026")

    assert [(i.organisation, i.source.value) for i in new.invited] == [("yemen", "editor")]


def test_invitees_take_the_category_of_their_type(nairobi: Event) -> None:
    done = add_invitations(nairobi, ["djibouti", "nrc", "icrc", "samp", "bprm", "rmms"],
                           registry=REGISTRY, on=MARCH)

    assert [_entry(done.event, o)[:3] for o in done.added] == [
        ("governments", "to-invite", MARCH), ("civil-society", "to-invite", MARCH),
        ("international-organisations", "to-invite", MARCH), ("academia", "to-invite", MARCH),
        ("donors", "to-invite", MARCH), ("other", "to-invite", MARCH)]
    # Each goes after the last of its category: the file stays grouped.
    categories = [i.category for i in done.event.invited]
    assert categories == sorted(categories, key=list(type(categories[0])).index)


def test_a_government_is_invited_with_its_delegate_quota(nairobi: Event) -> None:
    done = add_invitations(nairobi, ["eu"], category="Donors", registry=REGISTRY, on=MARCH)
    more = add_invitations(done.event, ["djibouti"], quota=3, registry=REGISTRY, on=MARCH)

    assert (_entry(done.event, "eu")[0], _entry(more.event, "djibouti")) == (
        "donors", ("governments", "to-invite", MARCH, 3, "editor"))


@pytest.mark.parametrize(("organisations", "options", "message"), [
    (["iomm"], {}, "unknown organisation 'iomm'; did you mean 'iom'?"),
    (["kenya"], {}, "Kenya is already on the invitation list of nairobi-2027 "
                    "(governments, to-invite)"),
    (["nrc"], {"quota": 2}, "a delegate quota is for governments; NRC is invited as "
                            "civil-society"),
    (["djibouti"], {"quota": 0}, "the delegate quota of Djibouti is a whole number of "
                                 "delegates, from 1 to 100,000, not 0"),
    (["djibouti"], {"quota": 10**20}, "the delegate quota of Djibouti is a whole number of "
                                      "delegates, from 1 to 100,000, not "
                                      "100000000000000000000"),
    (["nrc"], {"category": "ngos"}, "unknown category 'ngos'; choose from governments, "
     "regional-organisations, donors, international-organisations, civil-society, academia, "
     "other"),
    ([], {}, "name the organisations to invite, or a region"),
    ([], {"regions": ["Southern Africa"], "category": "donors"},
     "the States of a region are invited as governments, not donors"),
])
def test_adding_is_refused_with_a_reason(nairobi: Event, organisations: list[str],
                                         options: dict[str, object], message: str) -> None:
    with pytest.raises(PlannerError) as refused:
        add_invitations(nairobi, organisations, registry=REGISTRY, **options)  # type: ignore[arg-type]
    assert str(refused.value) == message


def test_a_region_adds_its_states_not_yet_invited(nairobi: Event) -> None:
    done = add_invitations(nairobi, regions=["Southern Africa", "eastern africa"], quota=2,
                           registry=REGISTRY, on=MARCH)

    assert done.added == ["botswana", "eswatini", "lesotho", "namibia", "comoros", "djibouti",
                          "eritrea", "madagascar", "mauritius", "seychelles", "south-sudan"]
    assert done.already[:3] == ["south-africa", "burundi", "ethiopia"]
    assert _entry(done.event, "south-sudan") == ("governments", "to-invite", MARCH, 2, "editor")
    assert _entry(done.event, "kenya") == _entry(nairobi, "kenya")


def test_a_region_is_named_at_any_level_of_m49() -> None:
    assert (len(states_of_region("Africa", REGISTRY)), states_of_region("Central Asia",
                                                                         REGISTRY)) == (
        54, ["kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan", "uzbekistan"])
    assert (m49_regions()[-1], is_region("SOUTH-EASTERN ASIA"), is_region("kenya")) == (
        "Polynesia", True, False)


def test_territories_are_not_states_of_a_region() -> None:
    caribbean = states_of_region("Caribbean", REGISTRY)
    assert ("cuba" in caribbean, "cayman-islands" in caribbean, len(caribbean)) == (
        True, False, 13)


def test_an_unknown_region_names_the_nearest() -> None:
    with pytest.raises(PlannerError) as refused:
        states_of_region("Horn of Africa", REGISTRY)
    assert str(refused.value).startswith("unknown region 'Horn of Africa'; did you mean "
                                         "'Southern Africa' or 'Northern Africa'? M49 regions "
                                         "are: Africa, Northern Africa, Sub-Saharan Africa, ")
    assert "Eastern Africa, Middle Africa" in str(refused.value)


def test_a_status_is_dated(nairobi: Event) -> None:
    invited = set_invitation_status(nairobi, "kenya", "invited", on=MARCH, registry=REGISTRY)
    accepted = set_invitation_status(invited, "kenya", "Accepted", registry=REGISTRY)

    assert (_entry(invited, "kenya")[1:3], _entry(accepted, "kenya")[1:3]) == (
        ("invited", MARCH), ("accepted", dt.date.today()))


@pytest.mark.parametrize(("event", "organisation", "status", "message"), [
    ("nairobi", "nigeria", "invited", "Nigeria is not on the invitation list of nairobi-2027"),
    ("nairobi", "kenya", "confirmed", "unknown status 'confirmed'; choose from to-invite, "
                                      "invited, accepted, declined"),
    ("dar", "kenya", "invited", "Kenya is not on the invitation list of dar-es-salaam-2010 "
                                "(only as the concept-note states it)"),
])
def test_a_status_is_refused_with_a_reason(nairobi: Event, event: str, organisation: str,
                                           status: str, message: str) -> None:
    chosen = nairobi if event == "nairobi" else DAR
    with pytest.raises(PlannerError) as refused:
        set_invitation_status(chosen, organisation, status, registry=REGISTRY)
    assert str(refused.value) == message


def test_an_invitee_is_removed(nairobi: Event) -> None:
    fewer = remove_invitations(nairobi, ["kenya", "igad"], registry=REGISTRY)

    assert (len(nairobi.invited) - len(fewer.invited),
            {"kenya", "igad"} & {i.organisation for i in fewer.invited}) == (2, set())
    with pytest.raises(PlannerError, match="IGAD is not on the invitation list"):
        remove_invitations(fewer, ["igad"], registry=REGISTRY)


def test_the_summary_counts_each_category_by_status(nairobi: Event) -> None:
    event = set_invitation_status(nairobi, "kenya", "accepted", registry=REGISTRY)
    event = set_invitation_status(event, "iom", "declined", registry=REGISTRY)
    event = event.model_copy(update={"delegate_quota": Quota(least=3, most=3)})

    summary = {row["category"]: row for row in invitation_summary(event)}

    assert (summary["governments"]["accepted"], summary["governments"]["to-invite"],
            summary["governments"]["default_quota"]) == (1, 12, "3")
    assert (summary["international-organisations"]["declined"], "default_quota" in
            summary["donors"], list(summary)) == (1, False, [
                "governments", "regional-organisations", "donors",
                "international-organisations", "civil-society"])


def test_the_table_dates_a_changed_status_and_keeps_a_typed_date(nairobi: Event) -> None:
    rows = invitation_rows(nairobi, REGISTRY)
    rows[3] |= {"status": "invited", "quota": 3.0}  # kenya, as a table gives a number
    rows[4] |= {"status": "declined", "since": "2027-02-14"}  # malawi
    rows[5] |= {"quota": math.nan}  # mozambique: a blank cell
    rows.append({"organisation": "nrc", "category": None})

    revised = revise_invitations(nairobi, rows, registry=REGISTRY, on=MARCH)

    assert [_entry(revised, o)[:4] for o in ("kenya", "malawi", "mozambique", "nrc")] == [
        ("governments", "invited", MARCH, 3), ("governments", "declined", dt.date(2027, 2, 14),
                                               None),
        ("governments", "to-invite", None, None), ("civil-society", "to-invite", MARCH, None)]
    assert revise_invitations(nairobi, invitation_rows(nairobi, REGISTRY),
                              registry=REGISTRY).invited == nairobi.invited


@pytest.mark.parametrize(("row", "message"), [
    ({"organisation": "burundi"}, "row 2: Burundi is already on the list in row 1"),
    ({"organisation": "nrc", "quota": 2}, "row 2: a delegate quota is for governments; NRC is "
                                          "invited as civil-society"),
    ({"organisation": "kenya", "quota": "two"}, "row 2: 'two' is not a number of delegates"),
    ({"organisation": "kenya", "since": "March"}, "row 2: 'March' is not a date (YYYY-MM-DD)"),
    ({"organisation": "kenya", "status": "maybe"}, "row 2: unknown status 'maybe'; choose from "
                                                   "to-invite, invited, accepted, declined"),
])
def test_a_bad_row_of_the_table_is_named(nairobi: Event, row: dict[str, object],
                                         message: str) -> None:
    with pytest.raises(PlannerError) as refused:
        revise_invitations(nairobi, [{"organisation": "burundi"}, {"description": ""}, row][::2],
                           registry=REGISTRY)
    assert str(refused.value) == message


def test_new_fields_are_written_only_when_given(nairobi: Event) -> None:
    done = add_invitations(nairobi, ["djibouti"], quota=3, registry=REGISTRY, on=MARCH)
    text = dump_event(done.event)

    assert ("- organisation: djibouti\n  category: governments\n  source: editor\n"
            "  status: to-invite\n  since: 2027-03-01\n  quota: 3\n") in text
    assert "- organisation: au\n  category: regional-organisations\n  source: editor\n" \
           "  status: to-invite\n- organisation: eac" in text
    assert "status" not in dump_event(DAR).split("invited:")[1].split("attended:")[0]


def test_a_quota_for_an_organisation_is_an_error_of_the_file(tmp_path, nairobi: Event) -> None:
    text = dump_event(nairobi).replace("- organisation: iom\n  category: "
                                       "international-organisations\n",
                                       "- organisation: iom\n  category: "
                                       "international-organisations\n  quota: 2\n")
    assert "quota: 2" in text
    with pytest.raises(ValidationFailed) as failed:
        parse_event(text, tmp_path / "nairobi-2027.yaml", REGISTRY)
    assert "a delegate quota is for governments, not international-organisations" in str(
        failed.value.problems[0])


def test_category_follows_the_registry_type() -> None:
    assert [category_for(o, REGISTRY).value for o in ("kenya", "au", "unhcr", "nrc", "bprm",
                                                      "flacso", "gfmd")] == [
        "governments", "regional-organisations", "international-organisations",
        "civil-society", "donors", "academia", "other"]


@pytest.mark.integration
def test_what_reads_the_list_sees_the_new_invitees(shipped_copy: Library,
                                                    nairobi: Event) -> None:
    # The network's "mapped but not invited" leaves them out; the balance still runs.
    before = suggest_partners(nairobi, library_network(shipped_copy), shipped_copy.registry)
    tipped = [t.organisation for t in before][:2]
    done = add_invitations(nairobi, tipped, registry=shipped_copy.registry, on=MARCH)

    after = suggest_partners(done.event, library_network(shipped_copy), shipped_copy.registry)

    assert not set(tipped) & {t.organisation for t in after}
    assert isinstance(check_balance(done.event, shipped_copy.registry), list)
