"""The Participants page's import of a list with organisations the registry lacks: the
proposals shown, accepted all at once or one by one, and saved into the registry and the
event together."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from planner.library import Library
from planner.ui import PAGES
from planner.ui.state import KEYS, key

pytestmark = pytest.mark.e2e

DAR = "dar-es-salaam-2010"
LIST = (b"Name,Organisation,Country\nAmina Hassan,International Rescue Committee,Kenya\n"
        b"Omar Farah,IRC,Somalia\nMwila Banda,Ministry of Home Affairs,Zambia\n"
        b"Erika Feller,UNHCR,\n")
PROPOSALS = key("upload_proposals", DAR, 0)


def uploaded(library: Library) -> AppTest:
    index = [p.url_path for p in PAGES].index("participants")
    app = AppTest.from_string(f"from planner.ui import PAGES\nPAGES[{index}].render()\n",
                              default_timeout=30)
    app.session_state[KEYS["library_path"]] = str(library.path)
    app.session_state[KEYS["event"]] = DAR
    app.run()
    app.file_uploader(key=key("upload", DAR, 0)).upload("list.csv", LIST, "text/csv")
    return app.run()


def report(app: AppTest) -> list[str]:
    table = next(d.value for d in app.dataframe if "outcome" in d.value.columns)
    return list(table["outcome"])


def test_the_import_shows_one_proposal_per_organisation_and_adds_none(
        shipped_copy: Library) -> None:
    registry_file = shipped_copy.path / "organisations.yaml"
    before = registry_file.read_bytes()
    app = uploaded(shipped_copy)
    proposals = app.dataframe[1].value
    assert (list(proposals["organisation"]), list(proposals["people"])) == (
        ["International Rescue Committee", "Ministry of Home Affairs"], [2, 1])
    assert (report(app), registry_file.read_bytes()) == (
        ["held", "held", "held", "imported"], before)


def test_accepting_every_proposal_imports_and_saves_registry_and_event(
        shipped_copy: Library) -> None:
    app = uploaded(shipped_copy)
    app.button(key=f"{PROPOSALS}-all").click().run()
    assert report(app) == ["imported"] * 4
    app.button(key=key("upload_save", DAR)).click().run()
    library = Library(shipped_copy.path)
    event = library.load(DAR)
    assert [(o.id, o.parent) for o in list(library.registry)[-2:]] == [
        ("international-rescue-committee", None), ("zambia-ministry-of-home-affairs", "zambia")]
    assert {p.last_name: p.organisation for p in event.participants} == {
        "Hassan": "international-rescue-committee", "Farah": "international-rescue-committee",
        "Banda": "zambia-ministry-of-home-affairs", "Feller": "unhcr"}
    assert ("zambia", ["mwila-banda"]) in [(d.organisation, d.members)
                                           for d in event.delegations]


def test_an_edited_or_mapped_proposal_is_taken_as_the_organiser_says(
        shipped_copy: Library) -> None:
    app = uploaded(shipped_copy)
    app.session_state[PROPOSALS] = {"edited_rows": {
        0: {"accept": True, "id": "irc", "name": "International Rescue Committee (IRC)"},
        1: {"same_as": "tanzania-ministry-of-home-affairs"}},
        "added_rows": [], "deleted_rows": []}
    app.run()
    app.button(key=f"{PROPOSALS}-apply").click().run()
    assert report(app) == ["imported"] * 4
    app.button(key=key("upload_save", DAR)).click().run()
    library = Library(shipped_copy.path)
    event = library.load(DAR)
    assert (list(library.registry)[-1].id, library.registry["irc"].name) == (
        "irc", "International Rescue Committee (IRC)")
    assert [p.organisation for p in event.participants] == [
        "irc", "irc", "tanzania-ministry-of-home-affairs", "unhcr"]


def test_the_template_downloads_are_offered(shipped_copy: Library) -> None:
    app = uploaded(shipped_copy)
    labels = [b.proto.label for b in app.get("download_button")]
    assert labels[:2] == ["XLSX", "CSV"]


def test_a_proposal_of_a_ministry_needs_its_state(shipped_copy: Library) -> None:
    app = uploaded(shipped_copy)
    app.session_state[PROPOSALS] = {"edited_rows": {1: {"accept": True, "state": None}},
                                    "added_rows": [], "deleted_rows": []}
    app.run()
    app.button(key=f"{PROPOSALS}-apply").click().run()
    assert app.error[0].value == "'Ministry of Home Affairs': choose the State it is a body of"
    assert Path(shipped_copy.path / "organisations.yaml").read_text(
        encoding="utf-8").count("zambia-ministry-of-home-affairs") == 0
