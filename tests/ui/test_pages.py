"""Every page of the app runs against the shipped library and shows something meaningful."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from planner.library import Library
from planner.ui import PAGES
from planner.ui.state import KEYS

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]


def page_app(index: int) -> AppTest:
    script = f"from planner.ui import PAGES\nPAGES[{index}].render()\n"
    return AppTest.from_string(script, default_timeout=30)


@pytest.mark.parametrize("index", range(len(PAGES)), ids=[p.url_path for p in PAGES])
def test_page_renders_without_exception(index: int) -> None:
    app = page_app(index).run()
    assert (list(app.exception), app.title[0].value != "") == ([], True)


def test_app_router_starts_on_library_page() -> None:
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30).run()
    assert (list(app.exception), app.title[0].value) == ([], "Library of past events")


def test_library_page_lists_every_event(small_library: Library) -> None:
    app = page_app(0)
    app.run()
    app.text_input(key=KEYS["library_path"]).set_value(str(small_library.path)).run()
    ids = list(app.dataframe[0].value["id"])
    assert ids == small_library.event_ids()


def test_library_page_shows_problems_of_broken_library(small_library: Library) -> None:
    path = small_library.event_path("test-2010")
    path.write_text(path.read_text(encoding="utf-8").replace("day: 2", "day: two"),
                    encoding="utf-8")
    app = page_app(0)
    app.run()
    app.text_input(key=KEYS["library_path"]).set_value(str(small_library.path)).run()
    assert "sessions.1.day: Input should be a valid integer" in app.code[0].value
