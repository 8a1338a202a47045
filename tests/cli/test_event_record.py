"""`planner organisers` and `planner invitations`: the record of a new event built from the
command line, each refusal one line with exit status 1."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.event.organisers import ROLES
from planner.library import Library

pytestmark = pytest.mark.e2e

NAIROBI = "nairobi-2027"



def run(library: Library, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--library", str(library.path), *args])
    return result.exit_code, result.output


def test_organisers_add_then_remove(planned: Library) -> None:
    path = planned.event_path(NAIROBI)

    added = run(planned, "organisers", "add", NAIROBI, "iom", "--role", "co-organiser")
    listed = run(planned, "organisers", "list", NAIROBI)
    removed = run(planned, "organisers", "remove", NAIROBI, "iom", "--role", "co-organiser")

    assert added == (0, f"IOM (iom) is co-organiser of {NAIROBI} (editor); saved {path} "
                        "(revision 2)\n")
    assert listed[1].splitlines()[0] == "editor:"
    assert listed[1].splitlines()[-1] == "  co-organiser             IOM (iom)"
    assert removed == (0, f"IOM (iom) is no longer co-organiser of {NAIROBI}; saved {path} "
                          "(revision 3)\n")
    assert [r.role.value for r in planned.load(NAIROBI).organisers].count("co-organiser") == 0


def test_organisers_remove_without_role_takes_every_role(planned: Library) -> None:
    code, output = run(planned, "organisers", "remove", NAIROBI, "iom")

    assert (code, output.split(";")[0]) == (0, "IOM (iom) is no longer under-the-auspices-of or "
                                               "in-cooperation-with or supporting-institution or "
                                               "secretariat or funder of nairobi-2027")
    assert "iom" not in {r.organisation for r in planned.load(NAIROBI).organisers}


@pytest.mark.parametrize(("args", "message"), [
    (["add", NAIROBI, "iomm", "--role", "co-organiser"],
     "unknown organisation 'iomm'; did you mean 'iom'?"),
    (["add", NAIROBI, "iom", "--role", "cohost"],
     "unknown role 'cohost'; choose from " + ", ".join(ROLES)),
    (["add", NAIROBI, "iom", "--role", "secretariat"],
     "IOM already holds the role 'secretariat' in nairobi-2027"),
    (["remove", NAIROBI, "iom", "--role", "observer"],
     "IOM does not hold the role 'observer' in nairobi-2027 (it holds: under-the-auspices-of, "
     "in-cooperation-with, supporting-institution, secretariat, funder)"),
    (["remove", NAIROBI, "eac"], "EAC holds no organiser role in nairobi-2027"),
    (["add", "dar-es-salaam-2010", "iom", "--role", "funder", "--source", "review"],
     "IOM already holds the role 'funder' in dar-es-salaam-2010 as the review states it"),
])
def test_organisers_refusals_are_one_line(planned: Library, args: list[str],
                                          message: str) -> None:
    before = planned.event_path(NAIROBI).read_bytes()
    assert run(planned, "organisers", *args) == (1, f"Error: {message}\n")
    assert planned.event_path(NAIROBI).read_bytes() == before


def test_organisers_list_json_is_one_entry_per_role(planned: Library) -> None:
    code, output = run(planned, "organisers", "list", "dar-es-salaam-2010", "--json")
    roles = json.loads(output)

    assert (code, roles[0], {r["source"] for r in roles}) == (0, {
        "organisation": "tanzania", "name": "United Republic of Tanzania",
        "role": "host-government", "source": "concept-note",
        "note": "'will be hosted by the Government of the United Republic of Tanzania'"},
        {"concept-note", "summary-report", "action-plan", "review"})


def test_invitations_of_a_region_and_of_organisations(planned: Library) -> None:
    region = run(planned, "invitations", "add", NAIROBI, "--region", "Eastern Africa",
                 "--quota", "3", "--date", "2027-03-01")
    orgs = run(planned, "invitations", "add", NAIROBI, "nrc", "icrc", "samp", "bprm",
               "--date", "2027-03-01")
    status = run(planned, "invitations", "set", NAIROBI, "kenya", "--status", "accepted",
                 "--date", "2027-04-02")
    code, listed = run(planned, "invitations", "list", NAIROBI)

    assert region[1].splitlines()[0] == (
        "added 7 to the invitation list of nairobi-2027: Comoros (comoros), Djibouti "
        "(djibouti), Eritrea (eritrea), Madagascar (madagascar), Mauritius (mauritius), "
        "Seychelles (seychelles), South Sudan (south-sudan); already on it: Burundi (burundi), "
        "Ethiopia (ethiopia), Kenya (kenya), Malawi (malawi), Mozambique (mozambique), Rwanda "
        "(rwanda), Somalia (somalia), Uganda (uganda), United Republic of Tanzania (tanzania), "
        "Zambia (zambia), Zimbabwe (zimbabwe)")
    assert orgs[1].splitlines()[0] == ("added 4 to the invitation list of nairobi-2027: NRC "
                                       "(nrc), ICRC (icrc), SAMP (samp), BPRM (bprm)")
    assert status == (0, f"Kenya (kenya): accepted since 2027-04-02; saved "
                         f"{planned.event_path(NAIROBI)} (revision 4)\n")
    lines = listed.splitlines()
    assert (code, lines[0]) == (0, "Governments: 20 (to-invite 19, accepted 1); delegate quota "
                                   "2–3 unless one is given")
    assert "  accepted   2027-04-02  Kenya (kenya)" in lines
    assert "  to-invite  2027-03-01  South Sudan (south-sudan)  [quota 3]" in lines
    assert lines[-2:] == ["Academia: 1 (to-invite 1)", "  to-invite  2027-03-01  SAMP (samp)"]


def test_invitations_json_has_categories_and_entries(planned: Library) -> None:
    run(planned, "invitations", "add", NAIROBI, "djibouti", "--quota", "2", "--date",
        "2027-03-01")
    code, output = run(planned, "invitations", "list", NAIROBI, "--json")
    data = json.loads(output)

    djibouti = next(i for i in data["invitations"] if i["organisation"] == "djibouti")
    assert (code, data["categories"][0]["invitees"], djibouti) == (0, 14, {
        "organisation": "djibouti", "name": "Djibouti", "description": None,
        "category": "governments", "status": "to-invite", "since": "2027-03-01", "quota": 2,
        "observer": False, "source": "editor", "note": None})


def test_invitations_remove(planned: Library) -> None:
    code, output = run(planned, "invitations", "remove", NAIROBI, "kenya", "igad")

    assert (code, output.split(";")[0]) == (
        0, "removed from the invitation list of nairobi-2027: Kenya (kenya), IGAD (igad)")
    assert not {"kenya", "igad"} & {i.organisation for i in planned.load(NAIROBI).invited}


@pytest.mark.parametrize(("args", "message"), [
    (["add", NAIROBI, "Eastern Africa"],
     "'Eastern Africa' is a region, not an organisation: to invite its States, write --region "
     "\"Eastern Africa\""),
    (["add", NAIROBI, "--region", "East Africa"],
     "unknown region 'East Africa'; did you mean 'Eastern Africa' or 'Western Africa'? M49 "
     "regions are: Africa, Northern Africa, Sub-Saharan Africa, Eastern Africa, Middle Africa, "
     "Southern Africa, Western Africa, Americas, Latin America and the Caribbean, Caribbean, "
     "Central America, South America, Northern America, Asia, Central Asia, Eastern Asia, "
     "South-eastern Asia, Southern Asia, Western Asia, Europe, Eastern Europe, Northern "
     "Europe, Southern Europe, Western Europe, Oceania, Australia and New Zealand, Melanesia, "
     "Micronesia, Polynesia"),
    (["add", NAIROBI, "nrcc"], "unknown organisation 'nrcc'; did you mean 'nrc', 'unrcca'?"),
    (["add", NAIROBI, "kenya"], "Kenya is already on the invitation list of nairobi-2027 "
                                "(governments, to-invite)"),
    (["add", NAIROBI, "nrc", "--quota", "2"],
     "a delegate quota is for governments; NRC is invited as civil-society"),
    (["add", NAIROBI], "name the organisations to invite, or a region"),
    (["set", NAIROBI, "kenya", "--status", "confirmed"],
     "unknown status 'confirmed'; choose from to-invite, invited, accepted, declined"),
    (["set", NAIROBI, "nigeria", "--status", "invited"],
     "Nigeria is not on the invitation list of nairobi-2027"),
])
def test_invitations_refusals_are_one_line(planned: Library, args: list[str],
                                           message: str) -> None:
    before = planned.event_path(NAIROBI).read_bytes()
    assert run(planned, "invitations", *args) == (1, f"Error: {message}\n")
    assert planned.event_path(NAIROBI).read_bytes() == before


def test_a_region_already_invited_adds_nothing(planned: Library) -> None:
    run(planned, "invitations", "add", NAIROBI, "--region", "Southern Africa")
    before = planned.event_path(NAIROBI).read_bytes()

    code, output = run(planned, "invitations", "add", NAIROBI, "--region", "Southern Africa")

    assert (code, output.split(";")[0]) == (0, "nothing added to the invitation list of "
                                               "nairobi-2027")
    assert planned.event_path(NAIROBI).read_bytes() == before


def test_a_past_events_list_is_read_as_its_documents_state_it(planned: Library) -> None:
    code, output = run(planned, "invitations", "list", "dar-es-salaam-2010")

    assert (code, output.splitlines()[:2]) == (0, [
        "Governments: 13 (untracked 13); delegate quota 2–3 unless one is given",
        "  -                      Burundi (burundi)  [concept-note]"])
