"""Registration lists as they arrive: Indico's exports (CSV, XLSX, and the CSV saved again by
Excel), ministries whose names several States share, working groups named with commas,
organisations the registry lacks, and a realistic mixed list of 130 rows."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from pytest_snapshot.plugin import Snapshot

from planner.countries import CountryIndex
from planner.library import Library
from planner.library.states import UN_STATES, state_entries, with_every_state
from planner.model import Event, InvitationStatus, Organisation, Registry
from planner.people.delegations import recorded_delegations
from planner.people.importing import ImportReport, RowFate, import_participants
from tests.factories.indico import delegates, excel_resave, indico_csv, indico_xlsx
from tests.factories.people import full_registry, nairobi_event, people_registry
from tests.golden_files import GOLDEN, dump_golden

pytestmark = pytest.mark.unit

TODAY = dt.date(2027, 1, 1)
DATA = Path(__file__).with_name("data")


def run(data: bytes, name: str = "list.csv", event: Event | None = None,
        registry: Registry | None = None, **options: object) -> tuple[Event, ImportReport]:
    return import_participants(event or nairobi_event(), data, name=name,
                               registry=registry or full_registry(), today=TODAY,
                               **options)  # type: ignore[arg-type]


def table(*rows: str) -> bytes:
    return "\n".join(rows).encode()


# --- Indico -------------------------------------------------------------------------------

INDICO_IDS = [
    "peter-otieno", "grace-wanjiru", "samuel-kiprop", "lawrence-masha", "rehema-mollel",
    "abdirahman-warsame", "hodan-mohamed", "ali-saleh", "huda-al-ariqi", "ingrid-solberg",
    "aicha-traore", "halima-warsame", "erika-feller", "kofi-mensah", "pia-jensen",
    "rose-kamau", "yitna-getachew", "laura-nistri", "hanne-mikkelsen", "omar-farah",
    "ingvild-berg", "pauline-mwende", "annette-mbogoh", "victor-nyamori", "sabelo-mbokazi",
    "olawale-maiyegun", "fatuma-abdi", "juma-bakari", "neema-kimaro", "deqa-yusuf",
    "lars-haugen"]


@pytest.mark.parametrize(("make", "name"), [
    (lambda: indico_csv(delegates()), "registrations.csv"),
    (lambda: indico_xlsx(delegates()), "registrations.xlsx"),
    (lambda: excel_resave(indico_csv(delegates())), "registrations-excel.xlsx"),
])
def test_indico_export_imports_every_delegate(make, name: str) -> None:
    event, report = run(make(), name)
    people = {p.id: p for p in event.participants}
    assert [(f.row, f.outcome, f.participant) for f in report.rows] == [
        (n, "imported", pid) for n, pid in enumerate(INDICO_IDS, start=2)]
    assert (report.ignored, report.proposals) == ([], [])
    statuses = {pid: people[pid].status for pid in INDICO_IDS}
    coming = (InvitationStatus.CONFIRMED, InvitationStatus.ATTENDED)
    assert [pid for pid, s in statuses.items() if s not in coming] == [
        "hodan-mohamed", "huda-al-ariqi", "pia-jensen", "pauline-mwende", "victor-nyamori"]
    assert (statuses["hodan-mohamed"], statuses["huda-al-ariqi"], statuses["pia-jensen"],
            statuses["samuel-kiprop"], statuses["peter-otieno"]) == (
        "proposed", "cancelled", "declined", "confirmed", "attended")


def test_indico_tags_make_heads_of_delegation_and_speakers() -> None:
    event, _ = run(indico_csv(delegates()), "registrations.csv")
    heads = [(d.organisation, d.head) for d in event.delegations if d.head]
    assert heads == [("kenya", "peter-otieno"), ("tanzania", "lawrence-masha"),
                     ("somalia", "abdirahman-warsame"), ("yemen", "ali-saleh"),
                     ("norway", "ingrid-solberg")]
    erika = next(p for p in event.participants if p.id == "erika-feller")
    assert ([r.value for r in erika.roles], erika.tags) == (["speaker"], ["Speaker", "VIP"])


def test_indico_values_read_as_indico_writes_them() -> None:
    event, _ = run(indico_csv(delegates()), "registrations.csv")
    peter = event.participants[0]
    assert peter.model_dump(include={"registration_id", "title", "organisation", "country",
                                     "phone", "preferences", "history"}) == {
        "registration_id": "17", "title": "Mr", "organisation": "kenya-doi",
        "country": "kenya", "phone": "254 20 017 0017",  # Indico strips the leading +
        "preferences": ["entry", "reception"],
        "history": [{"status": "attended", "on": dt.date(2027, 1, 22), "note": None}]}


def test_indico_xlsx_gives_the_same_people_as_its_csv() -> None:
    from_csv, _ = run(indico_csv(delegates()), "registrations.csv")
    from_xlsx, report = run(indico_xlsx(delegates()), "registrations.xlsx")
    fields = {"id", "first_name", "last_name", "organisation", "country", "status", "roles",
              "preferences", "tags", "email", "registration_id", "history"}
    assert [p.model_dump(include=fields) for p in from_xlsx.participants] == [
        p.model_dump(include=fields) for p in from_csv.participants]
    assert (report.layout, from_xlsx.delegations == from_csv.delegations) == (
        "XLSX, sheet 'Sheet1'", True)


# --- ministries several States have -----------------------------------------------------

def test_the_rows_country_decides_between_look_alike_ministries() -> None:
    data = table("Name,Organisation,Country",
                 "Neema Kimaro,Ministry of Home Affairs,Tanzania",
                 "Mwila Banda,Ministry of Home Affairs,Zambia",
                 "Daniel Kiprop,Ministry of Home Affairs,Kenya",
                 "Emmanuel Phiri,Ministry of Home Affairs,")
    event, report = run(data)
    assert [(f.row, f.outcome, f.participant, f.proposal) for f in report.rows] == [
        (2, "imported", "neema-kimaro", None),
        (3, "held", None, "zambia-ministry-of-home-affairs"),
        (4, "held", None, "kenya-ministry-of-home-affairs"),
        (5, "held", None, "ministry-of-home-affairs")]
    assert report.fate(5).reason == (
        "'Ministry of Home Affairs' is the name of State bodies in the registry "
        "(tanzania-moha, Tanzania); give the row's Country to say which State's")
    assert [(p.key, p.entry and p.entry.parent, p.choices) for p in report.proposals] == [
        ("zambia-ministry-of-home-affairs", "zambia", ["tanzania-moha"]),
        ("kenya-ministry-of-home-affairs", "kenya", ["tanzania-moha"]),
        ("ministry-of-home-affairs", None, ["tanzania-moha"])]
    assert [(d.organisation, d.members) for d in event.delegations] == [
        ("tanzania", ["neema-kimaro"])]


def test_look_alike_ministries_join_their_own_states_delegation_when_added() -> None:
    data = table("Name,Organisation,Country",
                 "Mwila Banda,Ministry of Home Affairs,Zambia",
                 "Daniel Kiprop,Ministry of Home Affairs,Kenya",
                 "Emmanuel Phiri,Ministry of Home Affairs,")
    event, report = run(data, add_organisations=True)
    assert [(f.row, f.outcome) for f in report.rows] == [
        (2, "imported"), (3, "imported"), (4, "held")]
    assert [(o.id, o.type.value, o.parent) for o in report.added] == [
        ("zambia-ministry-of-home-affairs", "government-body", "zambia"),
        ("kenya-ministry-of-home-affairs", "government-body", "kenya")]
    assert [(d.organisation, d.members) for d in event.delegations] == [
        ("zambia", ["mwila-banda"]), ("kenya", ["daniel-kiprop"])]


def test_a_ministry_naming_its_state_needs_no_country() -> None:
    event, report = run(table("Name,Organisation", "Otieno,Kenya Department of Immigration",
                              "Warsame,MoIFAR", "Ali,IOM Kenya"))
    assert [(p.organisation, p.country) for p in event.participants] == [
        ("kenya-doi", "kenya"), ("somalia-moifar", "somalia"), ("iom", None)]
    assert report.proposals == []


# --- working groups and roles as people write them ----------------------------------------

def test_working_groups_by_full_title_commas_and_all_by_number_and_by_part() -> None:
    data = table(
        "Name,Working group preferences",
        '"A","Protection-sensitive entry, screening and referral, Reception, registration and '
        'documentation"',
        '"B","Durable solutions: return, resettlement and local integration; WG 1"',
        '"C","WG 2, 3"',
        '"D","durable solutions\nscreening"',
        '"E","border control"')
    event, report = run(data)
    assert [p.preferences for p in event.participants] == [
        ["entry", "reception"], ["solutions", "entry"], ["reception", "solutions"],
        ["solutions", "entry"], []]
    # A group the event lacks costs the choice, not the registration.
    assert report.fate(6) == RowFate(
        6, "imported", "e", name="E", notes=(
            "column 'Working group preferences': no working group 'border control' in this "
            "event (known: entry (WG 1), reception (WG 2), solutions (WG 3), movements "
            "(WG 4)); not kept",))


def test_role_words_of_organisers_are_read_and_unknown_ones_kept_with_a_warning() -> None:
    event, report = run(table("Name,Role", "A,organiser", "B,Support", "C,moderator",
                              "D,media", "E,Chef de délégation; speaker"))
    assert [[r.value for r in p.roles] for p in event.participants] == [
        ["secretariat"], ["secretariat"], ["chair"], ["delegate"],
        ["head-of-delegation", "speaker"]]
    assert (event.participants[3].tags, report.fate(5)) == (["role: media"], RowFate(
        5, "imported", "d", name="D", notes=(
            "column 'Role': 'media' is not one of the roles; kept as the tag 'role: media'",)))


@pytest.mark.parametrize(("written", "status"), [
    ("Completed", "confirmed"), ("complete", "confirmed"), ("Awaiting payment", "confirmed"),
    ("Pending", "proposed"), ("Withdrawn", "cancelled"), ("Rejected", "declined"),
    ("registered", "confirmed"), ("Cancelled", "cancelled"), ("waiting list", "proposed")])
def test_registration_states_as_lists_write_them(written: str, status: str) -> None:
    event, _ = run(table("Name,Registration state", f"A,{written}"))
    assert event.participants[0].status.value == status


def test_checked_in_means_attended() -> None:
    event, _ = run(table("Name,Registration state,Checked in", "A,Completed,Yes",
                         "B,Completed,No", "C,Withdrawn,Yes"))
    assert [p.status.value for p in event.participants] == ["attended", "confirmed",
                                                            "cancelled"]


# --- duplicates -----------------------------------------------------------------------------

def test_same_name_ignoring_accents_case_and_word_order_within_an_organisation() -> None:
    event, report = run(table("First name,Last name,Organisation,Position",
                              "Aïcha,Traoré,UNHCR,", "TRAORE,Aicha,UNHCR,Officer",
                              "Aicha,Traore,IOM,"))
    assert [(f.outcome, f.participant, f.reason, f.notes) for f in report.rows] == [
        ("imported", "aicha-traore", None, ()),
        ("merged", "aicha-traore", "same name and organisation as row 2",
         ("position set to 'Officer'",)),
        ("imported", "aicha-traore-2", None, ())]
    assert (event.participants[0].first_name, len(event.participants)) == ("Aïcha", 2)


# --- organisations the registry lacks --------------------------------------------------

UNKNOWN = table(
    "Name,Organisation,Country",
    "A,International Rescue Committee,Kenya", "B,IRC,Somalia", "C,HIAS,",
    "D,University of Nairobi,Kenya", "E,Kenya Red Cross,Kenya", "F,GIZ,Germany",
    "G,Office of the Prime Minister,Uganda", "H,Ministère de l'Intérieur,DRC",
    "I,UNHRC,", "J,UNHCR,")


def test_unknown_organisations_are_proposed_once_each_and_never_added_unasked() -> None:
    event, report = run(UNKNOWN)
    assert [(f.row, f.outcome) for f in report.rows] == [
        (n, "held") for n in range(2, 11)] + [(11, "imported")]
    assert [(p.key, p.entry.type.value if p.entry else None,
             p.entry.parent if p.entry else None, p.rows, p.near) for p in report.proposals] == [
        ("international-rescue-committee", "ngo", None, [2, 3], None),
        ("hias", "ngo", None, [4], None),
        ("university-of-nairobi", "academic", None, [5], None),
        ("kenya-red-cross", "red-cross", None, [6], None),
        ("giz", "donor-agency", None, [7], None),
        ("uganda-office-of-the-prime-minister", "government-body", "uganda", [8], None),
        ("democratic-republic-of-the-congo-ministere-de-l-interieur", "government-body",
         "democratic-republic-of-the-congo", [9], None),
        ("unhrc", "un-agency", None, [10], "unhcr")]
    assert (report.proposals[0].entry.acronym, report.proposals[1].choices, report.added,
            [p.id for p in event.participants]) == ("IRC", [], [], ["j"])
    assert (report.fate(3).proposal, report.fate(3).reason) == (
        "international-rescue-committee", "'International Rescue Committee' is not in the "
        "registry; proposed as ngo 'international-rescue-committee'")


def test_add_organisations_accepts_every_proposal_but_a_likely_misspelling() -> None:
    event, report = run(UNKNOWN, add_organisations=True)
    assert [(f.row, f.outcome) for f in report.rows] == [
        (n, "imported") for n in range(2, 10)] + [(10, "held"), (11, "imported")]
    assert len(report.added) == 7
    assert [(d.organisation, d.members) for d in event.delegations][:2] == [
        ("international-rescue-committee", ["a", "b"]), ("hias", ["c"])]
    assert ("uganda", ["g"]) in [(d.organisation, d.members) for d in event.delegations]


def test_a_decision_maps_edits_or_drops_a_proposal() -> None:
    edited = Organisation(id="irc", name="International Rescue Committee", acronym="IRC",
                          type="ngo")
    event, report = run(UNKNOWN, decisions={
        "international-rescue-committee": edited, "unhrc": "unhcr", "hias": "none"})
    people = {p.id: p.organisation for p in event.participants}
    assert (people, report.added, report.proposals[-1].decided) == (
        {"a": "irc", "b": "irc", "c": None, "i": "unhcr", "j": "unhcr"}, [edited], "unhcr")


def test_suggestions_make_sense_for_organisation_names() -> None:
    _, report = run(table("Name,Organisation", "A,Intl Rescue Committe", "B,Danish Refugee",
                          "C,UNHRC", "D,HIAS"))
    assert [p.choices for p in report.proposals] == [[], ["drc"], ["unhcr"], []]


# --- every State ---------------------------------------------------------------------------

def test_the_registry_knows_every_state_without_listing_it() -> None:
    registry = full_registry()
    assert (registry["south-sudan"].iso, registry.resolve("Belgium").id,
            registry.resolve("Ivory Coast").id, registry.resolve("DRC").id,
            registry.resolve("Tanzania").id, len(registry)) == (
        "SS", "belgium", "cote-d-ivoire", "drc", "tanzania", len(people_registry()))
    states = [o for o in registry.every() if o.type == "state"]
    assert {o.iso for o in states} >= UN_STATES


@pytest.mark.parametrize(("written", "state"), [
    ("Congo - Kinshasa", "democratic-republic-of-the-congo"), ("DRC", "democratic-republic-of-"
    "the-congo"), ("Côte d’Ivoire", "cote-d-ivoire"), ("Ivory Coast", "cote-d-ivoire"),
    ("St. Kitts & Nevis", "saint-kitts-and-nevis"), ("Myanmar (Burma)", "myanmar"),
    ("TZA", "tanzania"), ("Tanzania, United Republic of", "tanzania"),
    ("South Sudan", "south-sudan"), ("Palestinian Territories", "state-of-palestine")])
def test_countries_as_indico_and_spreadsheets_print_them(written: str, state: str) -> None:
    assert CountryIndex(full_registry()).resolve(written).id == state


def test_an_unknown_country_is_named_with_sensible_suggestions() -> None:
    index = CountryIndex(full_registry())
    assert (index.unknown_message("Keyna"), index.unknown_message("Narnia")) == (
        "unknown country 'Keyna'; did you mean 'kenya'?", "unknown country 'Narnia'")


def test_generated_ids_are_stable_and_never_take_an_existing_id() -> None:
    registry = Registry([Organisation(id="georgia", name="Georgia State University",
                                      type="academic"),
                         Organisation(id="kenya", name="Kenya", type="state", iso="KE")])
    made = {o.iso: o.id for o in state_entries(registry)}
    assert (made["GE"], made["SS"], made["KR"], made["CI"], "KE" in made) == (
        "georgia-ge", "south-sudan", "republic-of-korea", "cote-d-ivoire", False)
    assert len(set(made.values())) == len(made) == 248


def test_generated_state_ids_are_pinned(snapshot: Snapshot) -> None:
    # An id names a State in event files: a new pycountry spelling must not change it
    # (pin the old one in planner/library/states.py SHORT_NAMES instead).
    snapshot.snapshot_dir = GOLDEN
    ids = {o.iso: o.id for o in state_entries(Registry([]))}
    snapshot.assert_match(dump_golden(dict(sorted(ids.items()))), "state-ids.yml")


def test_the_shipped_library_keeps_its_own_state_entries() -> None:
    registry = Library.open().registry
    assert (registry.resolve("Tanzania").id, registry.resolve("Côte d'Ivoire").id,
            registry["norway"].note is not None) == ("tanzania", "cote-divoire", True)
    assert with_every_state(registry)["kenya"] == registry["kenya"]


# --- a realistic mixed list ------------------------------------------------------------

def test_a_realistic_list_imports_on_the_first_try_into_the_right_delegations() -> None:
    data = (DATA / "nairobi-registrations.csv").read_bytes()
    registry = Library.open().registry
    event, report = run(data, registry=registry, add_organisations=True)
    counts = report.counts()
    people = counts["rows"] - 2  # the nameless row, and a second registration
    assert (counts["rows"], counts["imported"] / people >= 0.95) == (130, True)
    assert [(f.row, f.outcome) for f in report.rows if f.outcome != "imported"] == [
        (129, "merged"), (130, "rejected"), (131, "held")]
    everyone = Registry([*registry, *report.added], known=registry.known())
    countries = CountryIndex(everyone)
    recorded = recorded_delegations(event)
    by_id = {p.id: p for p in event.participants}
    rows = list(csv.DictReader(io.StringIO(data.decode())))
    governments = 0
    for number, row in enumerate(rows, start=2):
        fate = report.fate(number)
        person = by_id.get(fate.participant or "")
        org = everyone[person.organisation] if person and person.organisation else None
        if fate.outcome == "imported" and org and org.type in ("government-body", "state"):
            governments += 1
            state = countries.resolve(row["Country"])
            assert (number, recorded[person.id]) == (number, state.id if state else None)
    assert governments == 57
    zambia = {p.id for p in event.participants if p.country == "zambia"}
    tanzania = next(d for d in event.delegations if d.organisation == "tanzania")
    assert (len(zambia), zambia & set(tanzania.members)) == (4, set())
