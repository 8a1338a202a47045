"""The Event page: the record of Nairobi 2027, started from Dar es Salaam 2010, built in the
app — IOM made a co-organiser, six States and four organisations invited, all saved."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from planner.library import Library
from planner.model import Event
from planner.ui import PAGES
from planner.ui.state import KEYS, key
from tests.ui.test_pages import event_app

pytestmark = pytest.mark.e2e

NAIROBI = "nairobi-2027"
STATES = ["djibouti", "eritrea", "south-sudan", "madagascar", "comoros", "mauritius"]
ORGANISATIONS = ["nrc", "icrc", "samp", "bprm"]



def _edit(app: AppTest, editor: str, **edits: object) -> AppTest:
    app.session_state[editor] = {"edited_rows": {}, "added_rows": [], "deleted_rows": []} | edits
    return app.run()


def _invited(event: Event) -> dict[str, tuple[str, str | None]]:
    return {i.organisation: (i.category.value, i.status.value if i.status else None)
            for i in event.invited if i.organisation}


def test_the_page_shows_the_record_of_the_event(planned: Library) -> None:
    app = event_app("event", planned, NAIROBI)

    assert (list(app.exception), app.title[0].value, app.subheader[0].value) == (
        [], "Event", "Nairobi 2027")
    assert app.markdown[0].value.splitlines() == [
        "- **Nairobi 2027** (Regional conference)",
        "- 6–7 September 2027 (2 days, Africa/Nairobi)", "- Nairobi, Kenya",
        "- Follows up `dar-es-salaam-2010`"]
    assert [s.value for s in app.subheader][1:] == ["The record", "Organiser roles",
                                                    "Invitation list"]


def test_a_new_event_is_built_in_the_app(planned: Library) -> None:
    app = event_app("event", planned, NAIROBI)

    _edit(app, key("event_organisers", NAIROBI),
          added_rows=[{"organisation": "iom", "role": "co-organiser"}])
    app.button(key=key("event_organisers_save", NAIROBI)).click().run()
    app.multiselect(key=key("event_invite", NAIROBI)).set_value(STATES).run()
    app.button(key=key("event_invite_add", NAIROBI)).click().run()
    app.multiselect(key=key("event_invite", NAIROBI)).set_value(ORGANISATIONS).run()
    app.button(key=key("event_invite_add", NAIROBI)).click().run()

    saved = planned.load(NAIROBI)
    invited = _invited(saved)
    assert list(app.exception) == []
    assert (saved.organisers[-1].organisation, saved.organisers[-1].role.value,
            saved.organisers[-1].source.value, saved.revision) == (
        "iom", "co-organiser", "editor", 4)
    assert [invited[s] for s in STATES] == [("governments", "to-invite")] * 6
    assert [invited[o][0] for o in ORGANISATIONS] == [
        "civil-society", "international-organisations", "academia", "donors"]
    assert {i.since for i in saved.invited if i.organisation in STATES + ORGANISATIONS} == {
        dt.date.today()}
    # The multiselect is emptied for the next invitations, which no longer offer them.
    chooser = app.multiselect(key=key("event_invite", NAIROBI))
    assert (chooser.value, set(chooser.options) & set(STATES)) == ([], set())


def test_the_states_of_a_region_are_invited_at_once(planned: Library) -> None:
    app = event_app("event", planned, NAIROBI)
    shown = app.selectbox(key=key("event_region", NAIROBI)).value
    app.selectbox(key=key("event_region", NAIROBI)).set_value("Southern Africa").run()
    preview = [c.value for c in app.caption][-2:]

    app.button(key=key("event_region_add", NAIROBI)).click().run()

    invited = _invited(planned.load(NAIROBI))
    assert (shown, preview) == ("Eastern Africa", [
        "Already on the list: South Africa.",
        "Would add 4: Botswana, Eswatini, Lesotho, Namibia."])
    assert [invited[s] for s in ("botswana", "eswatini", "lesotho", "namibia")] == [
        ("governments", "to-invite")] * 4


def test_the_invitation_table_saves_a_dated_status_and_a_quota(planned: Library) -> None:
    app = event_app("event", planned, NAIROBI)

    _edit(app, key("event_invited", NAIROBI),
          edited_rows={3: {"status": "accepted", "quota": 3}}, deleted_rows=[0])
    unsaved = [w.value for w in app.warning]
    app.button(key=key("event_invited_save", NAIROBI)).click().run()

    saved = planned.load(NAIROBI)
    kenya = next(i for i in saved.invited if i.organisation == "kenya")
    assert unsaved[-1].startswith("Unsaved: your edits here are kept")
    assert (kenya.status.value, kenya.since, kenya.quota, "burundi" in _invited(saved)) == (
        "accepted", dt.date.today(), 3, False)


def test_a_bad_row_is_named_and_nothing_is_saved(planned: Library) -> None:
    app = event_app("event", planned, NAIROBI)

    _edit(app, key("event_organisers", NAIROBI),
          added_rows=[{"organisation": "kenya", "role": "host-government"}])

    assert [e.value for e in app.error] == [
        "row 15: Kenya already holds the role 'host-government' in row 1"]
    assert app.button(key=key("event_organisers_save", NAIROBI)).disabled
    assert planned.load(NAIROBI).revision == 1


def test_a_table_edit_comes_back_after_another_page(planned: Library) -> None:
    pages = [p.url_path for p in PAGES]
    app = AppTest.from_string(
        "import streamlit as st\nfrom planner.ui import PAGES, state\nstate.sidebar()\n"
        "PAGES[st.session_state.page].render()\n", default_timeout=30)
    app.session_state[KEYS["library_path"]] = str(planned.path)
    app.session_state[KEYS["event"]] = NAIROBI
    app.session_state["page"] = pages.index("event")
    app.run()
    _edit(app, key("event_organisers", NAIROBI),
          added_rows=[{"organisation": "iom", "role": "co-organiser"}])

    app.session_state["page"] = pages.index("programme")
    app.run()
    away = [w.value for w in app.sidebar.warning]
    app.session_state["page"] = pages.index("event")
    app.run()
    app.button(key=key("event_organisers_save", NAIROBI)).click().run()

    assert away == [f"Unsaved edits: Organiser roles ({NAIROBI})."]
    assert planned.load(NAIROBI).organisers[-1].role.value == "co-organiser"
