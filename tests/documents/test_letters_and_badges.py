"""Invitation letters and name badges, through `planner render invitations|badges`, on the
event being planned (Nairobi 2027), on a bare event and on the shipped ones."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.documents import render_document, render_invitations
from planner.documents.badges import BANDS, badges_context
from planner.documents.invitations import addressed, invitations_context
from planner.library import Library
from planner.model import (
    Event,
    InvitationLetters,
    InvitationStatus,
    InviteeCategory,
    ParticipantRole,
    Registry,
)
from tests.documents.reading import read_docx

pytestmark = pytest.mark.e2e


def run(library: Library, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--library", str(library.path), *args])
    return result.exit_code, result.output


def test_one_letter_per_invitee_of_the_event_being_planned(planned: Library,
                                                           tmp_path: Path) -> None:
    event = planned.load("nairobi-2027")
    code, output = run(planned, "render", "invitations", "nairobi-2027", "-o", str(tmp_path),
                       "--as-of", "2027-06-01")
    invitees = addressed(event, planned.registry)
    letters = sorted(tmp_path.glob("nairobi-2027-invitation-*.docx"))
    assert (code, len(letters), len(output.splitlines())) == (0, len(invitees),
                                                              len(invitees) + 1)
    assert {i.category for i, _ in invitees} >= {InviteeCategory.GOVERNMENTS,
                                                 InviteeCategory.INTERNATIONAL_ORGANISATIONS}
    for invitee, org in invitees:
        text = read_docx((tmp_path / f"nairobi-2027-invitation-{org.id}.docx").read_bytes())
        everything = " ".join(text.everything.split())
        assert "Nairobi 2027" in everything and "6–7 September 2027" in everything, org.id
        assert "by 26 July 2027" in everything, org.id  # six weeks before
        assert org.name in everything, org.id
        assert ("NOTE VERBALE Ministry of Foreign Affairs of" in everything) == (
            invitee.category == InviteeCategory.GOVERNMENTS), org.id
    merged = read_docx((tmp_path / "nairobi-2027-invitations.docx").read_bytes())
    assert merged.texts.count("1 June 2027") == len(invitees)


def test_a_state_gets_a_note_verbale_an_organisation_a_letter(planned: Library) -> None:
    event = planned.load("nairobi-2027")
    letters = {x["id"]: x for x in invitations_context(event, registry=planned.registry)[
        "letters"]}
    uganda, iom = letters["uganda"], letters["iom"]
    assert uganda["note_verbale"] and not iom["note_verbale"]
    assert uganda["opening"].startswith("The Government of the Republic of Kenya and the Office "
                                        "of the United Nations High Commissioner for Refugees "
                                        "(UNHCR) present their compliments to the Ministry of "
                                        "Foreign Affairs of the Republic of Uganda and have the "
                                        "honour to invite the Government of the Republic of "
                                        "Uganda to take part in the Nairobi 2027")
    assert uganda["close"].endswith("the assurances of their highest consideration.")
    assert "a delegation of two to three senior officials." in uganda["delegation"]
    assert (iom["salutation"], iom["close"]) == ("Dear Sir or Madam,", "Yours faithfully,")


def test_letters_ask_for_the_quota_civil_society_and_go_to_the_mission(
        planned: Library) -> None:
    event = planned.load("nairobi-2027")
    invited = [i.model_copy(update={"quota": 4}) if i.organisation == "uganda" else i
               for i in event.invited]
    terms = InvitationLetters(through="permanent-mission", civil_society=True,
                              contact="Ms A, UNHCR", reply_by=dt.date(2027, 7, 1))
    event = event.model_copy(update={"invited": invited, "invitation_letters": terms})
    letter = invitations_context(event, registry=planned.registry, invitee="uganda")[
        "letters"][0]
    assert letter["addressee"] == ("Permanent Mission of the Republic of Uganda to the "
                                   "United Nations")
    assert letter["delegation"].endswith("a delegation of four senior officials, including "
                                         "at least one representative of civil society.")
    assert (letter["reply_by"], letter["contact"]) == (
        "1 July 2027", "For further information, please contact Ms A, UNHCR.")


def test_no_letter_to_a_collective_entry_or_a_declined_invitation(
        make_event: Callable[..., Event], registry: Registry) -> None:
    event = make_event(invited=[
        {"organisation": "yemen", "category": "governments", "source": "editor"},
        {"organisation": "unhcr", "category": "international-organisations",
         "source": "editor", "status": "declined"},
        {"description": "development partners", "category": "donors", "source": "editor"}])
    files = render_invitations(event, registry=registry, as_of=dt.date(2010, 1, 1))
    assert sorted(files) == ["test-2010-invitation-yemen.docx", "test-2010-invitations.docx"]


def test_every_shipped_event_writes_its_letters(shipped_copy: Library) -> None:
    for event_id in shipped_copy.event_ids():
        event = shipped_copy.load(event_id)
        files = render_invitations(event, registry=shipped_copy.registry,
                                   as_of=dt.date(2010, 1, 1))
        assert len(files) == len(addressed(event, shipped_copy.registry)) + 1, event_id


def test_badges_one_per_person_still_coming_by_name(synthetic_library: Library,
                                                    tmp_path: Path) -> None:
    event = synthetic_library.load("synthetic-12-0")
    people = [p.model_copy(update={"status": InvitationStatus.DECLINED}) if i == 0 else
              p.model_copy(update={"roles": [ParticipantRole.PRESS]}) if i == 1 else p
              for i, p in enumerate(event.participants)]
    synthetic_library.save(event.model_copy(update={"participants": people}))
    target = tmp_path / "badges.docx"
    code, output = run(synthetic_library, "render", "badges", "synthetic-12-0", "-o",
                       str(target))
    reading = read_docx(target.read_bytes())
    names = [c for row in reading.tables[0] for c in row if c.strip()]
    assert (code, output) == (0, f"wrote {target}\n")
    assert len(reading.tables[0]) == 6 and len(names) == 11  # 11 coming, two to a row
    assert people[0].name not in reading.everything
    assert "PRESS" in reading.everything


def test_badge_band_and_name_as_printed(synthetic_library: Library) -> None:
    event = synthetic_library.load("synthetic-12-0")
    context = badges_context(event, registry=synthetic_library.registry)
    badges = [b for row in context["rows"] for b in row if b["name"]]
    assert [b["name"] for b in badges] == [p.name for p in sorted(
        event.participants, key=lambda p: (p.last_name, p.first_name or ""))]
    assert {b["colour"] for b in badges} <= {colour for _, colour in BANDS.values()}
    assert context["short_title"] == "Synthetic City 2012"


def test_no_one_coming_prints_a_placeholder(make_event: Callable[..., Event],
                                            registry: Registry) -> None:
    reading = read_docx(render_document("badges", make_event(), registry=registry))
    assert reading.styled("Placeholder") == ["[No one is registered as coming yet.]"]


def test_invitations_to_a_file_is_refused(planned: Library, tmp_path: Path) -> None:
    (tmp_path / "letters.docx").write_bytes(b"x")
    code, output = run(planned, "render", "invitations", "nairobi-2027", "-o",
                       str(tmp_path / "letters.docx"))
    assert (code, output.strip().splitlines()[-1]) == (
        1, f"Error: {tmp_path / 'letters.docx'}: is a file; give the folder to write into")
