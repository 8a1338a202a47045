"""The pages on the event being planned: buttons that would save nothing meaningful wait for a
reason, the address names the event, edits survive a visit to another page, and the first
screen says where to start."""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

from planner.library import Library
from planner.ui import PAGES
from planner.ui.state import KEYS, key
from tests.ui.test_pages import ROOT, event_app, page_app

pytestmark = pytest.mark.e2e

NAIROBI = "nairobi-2027"



def test_a_draft_with_no_action_cannot_be_adopted(planned: Library) -> None:
    app = event_app("action-plan", planned, NAIROBI)
    app.toggle(key=key("plan_draft", NAIROBI)).set_value(True).run()

    adopt = app.button(key=key("plan_adopt", NAIROBI))

    assert (adopt.disabled, planned.load(NAIROBI).action_plan) == (True, None)
    assert any("holds no action" in c.value for c in app.caption)


def test_publishing_a_programme_with_conflicts_asks_first(planned: Library) -> None:
    app = event_app("programme", planned, NAIROBI)
    publish = key("programme_publish", NAIROBI)
    before = app.button(key=publish).disabled

    app.checkbox(key=key("programme_confirm", NAIROBI)).check().run()
    app.button(key=publish).click().run()

    assert (before, planned.load(NAIROBI).programme.versions[0].number) == (True, 1)


def test_date_inputs_of_an_event_not_yet_held_start_on_its_first_day(planned: Library) -> None:
    documents = event_app("documents", planned, NAIROBI)
    follow_up = event_app("follow-up", planned, NAIROBI)

    assert (documents.date_input(key=key("document_as_of", NAIROBI)).value,
            follow_up.date_input(key=key("follow_up_as_of", NAIROBI)).value) == (
        dt.date(2027, 9, 6), dt.date(2027, 9, 6))


def _router(library: Library) -> AppTest:
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30)
    app.session_state[KEYS["library_path"]] = str(library.path)
    return app


def test_the_address_names_the_current_event(planned: Library) -> None:
    app = _router(planned)
    app.query_params["event"] = NAIROBI
    app.run()
    opened = app.sidebar.selectbox[0].value

    app.sidebar.selectbox[0].set_value("manila-2010").run()

    assert (opened, app.query_params["event"]) == (NAIROBI, "manila-2010")


def test_a_concept_note_edit_comes_back_after_another_page(planned: Library) -> None:
    # One app whose page is chosen by `page`, with the sidebar every page has: leaving the
    # concept note for the programme makes Streamlit forget the concept note's widgets.
    pages = [p.url_path for p in PAGES]
    app = AppTest.from_string(
        "import streamlit as st\nfrom planner.ui import PAGES, state\nstate.sidebar()\n"
        "PAGES[st.session_state.page].render()\n", default_timeout=30)
    app.session_state[KEYS["library_path"]] = str(planned.path)
    app.session_state[KEYS["event"]] = NAIROBI
    app.session_state["page"] = pages.index("concept-note")
    text = key("note_text", NAIROBI, 0)
    app.run()
    app.text_area(key=text).input("Since Dar es Salaam, the routes have changed.").run()

    app.session_state["page"] = pages.index("programme")
    app.run()
    away = [w.value for w in app.sidebar.warning]
    app.session_state["page"] = pages.index("concept-note")
    app.run()

    assert away == [f"Unsaved edits: Concept note ({NAIROBI})."]
    assert app.text_area(key=text).value == "Since Dar es Salaam, the routes have changed."
    assert any(w.value.startswith("Unsaved: your edits here are kept") for w in app.warning)
    assert planned.load(NAIROBI).concept_note.sections[0].text is None


def test_first_screen_says_where_to_start(planned: Library) -> None:
    app = page_app("library", planned)
    app.session_state[KEYS["event"]] = NAIROBI
    app.run()
    said = [m.value for m in app.markdown]

    assert "**Start a new event from a past one**" in said
    assert "**Nairobi 2027: Draft the concept note with the co-organisers.**" in said
    assert app.selectbox(key=KEYS["filter_year"]).options[:2] == ["any", "2008"]


def test_recommendations_are_pasted_then_reordered_in_the_app(planned: Library) -> None:
    app = event_app("recommendations", planned, NAIROBI)
    app.text_area(key=key("rec_block", NAIROBI)).input(
        "i. Establish a regional data platform.\nii. Train border officials.")
    app.text_input(key=key("rec_block_section", NAIROBI)).input("I").run()
    app.button(key=key("rec_add_all", NAIROBI)).click().run()
    app.selectbox(key=key("rec_chosen", NAIROBI)).set_value("I (ii)")
    app.number_input(key=key("rec_position", NAIROBI)).set_value(1).run()
    app.button(key=key("rec_move", NAIROBI)).click().run()

    saved = planned.load(NAIROBI).recommendations
    assert [(r.ref, r.text) for r in saved] == [("I (ii)", "Train border officials."),
                                                 ("I (i)", "Establish a regional data platform.")]
    assert list(app.dataframe[0].value["ref"]) == ["I (ii)", "I (i)"]


def test_one_recommendation_is_added_with_its_working_group(planned: Library) -> None:
    app = event_app("recommendations", planned, NAIROBI)
    app.text_input(key=key("rec_section", NAIROBI)).input("III")
    app.text_input(key=key("rec_label", NAIROBI)).input("v")
    app.selectbox(key=key("rec_group", NAIROBI)).set_value("wg-return")
    app.multiselect(key=key("rec_points", NAIROBI)).set_value([9])
    app.text_area(key=key("rec_text", NAIROBI)).input("Facilitate voluntary return.").run()
    app.button(key=key("rec_add", NAIROBI)).click().run()

    [rec] = planned.load(NAIROBI).recommendations
    assert (rec.ref, rec.working_group, rec.action_points) == ("III (v)", "wg-return", [9])


def test_a_concept_note_section_is_added_and_moved_in_the_app(planned: Library) -> None:
    app = event_app("concept-note", planned, NAIROBI)
    app.text_input(key=key("note_new", NAIROBI)).input("Lessons learned").run()
    app.button(key=key("note_add", NAIROBI)).click().run()
    app.selectbox(key=key("note_section", NAIROBI)).set_value("lessons-learned").run()
    app.button(key=key("note_up", NAIROBI)).click().run()

    # Added after the chosen section (the first, Introduction), then moved above it.
    keys = [s.key for s in planned.load(NAIROBI).concept_note.sections]
    assert keys[:3] == ["lessons-learned", "introduction", "background"]


def test_an_organisation_is_added_to_the_registry_from_the_library_page(
        planned: Library) -> None:
    app = page_app("library", planned).run()
    app.text_input(key=KEYS["org_id"]).input("kenya-ras")
    app.text_input(key=KEYS["org_name"]).input("Refugee Affairs Secretariat")
    app.selectbox(key=KEYS["org_type"]).set_value("government-body")
    app.selectbox(key=KEYS["org_country"]).set_value("kenya").run()
    app.button(key=KEYS["org_add"]).click().run()

    assert Library(planned.path).registry["kenya-ras"].parent == "kenya"
    assert app.success[0].value == "Added kenya-ras to the registry."
