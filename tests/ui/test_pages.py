"""Every page of the app runs against a library and shows what it should."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from planner.library import Library
from planner.ui import PAGES
from planner.ui.state import KEYS

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]


def page_app(url_path: str, library: Library | None = None) -> AppTest:
    index = [p.url_path for p in PAGES].index(url_path)
    app = AppTest.from_string(f"from planner.ui import PAGES\nPAGES[{index}].render()\n",
                              default_timeout=30)
    if library is not None:
        app.session_state[KEYS["library_path"]] = str(library.path)
    return app


@pytest.mark.parametrize("url_path", [p.url_path for p in PAGES])
def test_page_renders_on_shipped_library(url_path: str) -> None:
    app = page_app(url_path).run()
    assert (list(app.exception), bool(app.title[0].value)) == ([], True)


def test_app_router_starts_on_library_page_with_sidebar() -> None:
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30).run()
    assert (list(app.exception), app.title[0].value) == ([], "Library of past events")
    assert "dar-es-salaam-2010" in app.sidebar.selectbox[0].options


def test_library_page_lists_every_event(small_library: Library) -> None:
    app = page_app("library", small_library).run()
    assert list(app.dataframe[0].value["id"]) == small_library.event_ids()


def test_library_page_sees_a_file_added_since_last_run(small_library: Library,
                                                       make_event) -> None:
    app = page_app("library", small_library).run()
    small_library.create(make_event(id="added-2011"))
    app.run()
    assert list(app.dataframe[0].value["id"]) == ["added-2011", "test-2010"]


def test_library_page_filters_by_kind() -> None:
    app = page_app("library").run()
    app.selectbox(key=KEYS["filter_kind"]).set_value("expert-roundtable").run()
    ids = list(app.dataframe[0].value["id"])
    assert ids == ["geneva-2008-borders", "geneva-2009-return", "tunis-2009-profiling"]


def test_library_page_compares_two_events() -> None:
    app = page_app("library").run()
    app.selectbox(key=KEYS["compare_left"]).set_value("sanaa-2008")
    app.selectbox(key=KEYS["compare_right"]).set_value("almaty-2011").run()
    text = " ".join(m.value for m in app.markdown)
    assert ("Sana'a, 19–20 May 2008" in text, "Almaty, 15–16 March 2011" in text) == (True, True)


def test_library_page_shows_problems_of_broken_library(small_library: Library) -> None:
    path = small_library.event_path("test-2010")
    path.write_text(path.read_text(encoding="utf-8").replace("day: 2", "day: two"),
                    encoding="utf-8")
    app = page_app("library", small_library).run()
    assert "sessions.1.day: Input should be a valid integer" in app.code[0].value


def test_new_event_wizard_previews_then_creates(small_library: Library) -> None:
    app = page_app("new-event", small_library).run()
    app.text_input(key=KEYS["new_id"]).input("next-2026")
    app.text_input(key=KEYS["new_title"]).input("Next Conference")
    app.date_input(key=KEYS["new_start"]).set_value(dt.date(2026, 3, 9)).run()
    preview = app.markdown[0].value
    assert preview.startswith("- Next Conference — Sana'a, 9–10 March 2026")
    app.button(key=KEYS["new_create"]).click().run()
    created = small_library.load("next-2026")
    assert (created.title, str(created.start), app.session_state[KEYS["event"]]) == (
        "Next Conference", "2026-03-09", "next-2026")


def test_new_event_wizard_takes_new_template_values() -> None:
    app = page_app("new-event").run()
    app.selectbox(key=KEYS["new_template"]).set_value("manila-2010").run()
    fields = (app.text_input(key=KEYS["new_city"]).value,
              app.text_input(key=KEYS["new_timezone"]).value,
              app.selectbox(key=KEYS["new_country"]).value)
    assert fields == ("Manila", "Asia/Manila", "philippines")


def test_new_event_wizard_refuses_existing_id(small_library: Library) -> None:
    app = page_app("new-event", small_library).run()
    app.text_input(key=KEYS["new_id"]).input("test-2010").run()
    app.button(key=KEYS["new_create"]).click().run()
    assert app.error[0].value.endswith("already exists; choose another id")
