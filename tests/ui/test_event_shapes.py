"""Every page, for every shape of event an organiser has: each past event of the library, an
event started from each of them for a future date, a bare event, and an event whose adopted
action plan holds no action. No page may raise for any of them."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from streamlit.testing.v1 import AppTest

from planner.event.new import clone_event
from planner.library import Library
from planner.model import ActionPlan, Area, Event
from planner.ui import PAGES
from planner.ui.state import KEYS
from tests.conftest import SHIPPED, SHIPPED_IDS

pytestmark = pytest.mark.e2e

START = dt.date(2027, 9, 6)


def _shapes(library: Library) -> list[str]:
    """Create the planned events beside the past ones; return every event id to try."""
    made = []
    for template in SHIPPED_IDS:
        source = library.load(template)
        new_id = f"next-{template}"
        library.create(clone_event(source, new_id=new_id, start=START,
                                   end=START + (source.end - source.start),
                                   registry=library.registry))
        made.append(new_id)
    dar = library.load("dar-es-salaam-2010")
    library.create(clone_event(dar, new_id="bare-2027", title="A bare event", start=START,
                               parts=(), registry=library.registry))
    library.create(Event(id="nothing-2027", kind="workshop", title="Nothing yet",
                         city="Nairobi", country="kenya", timezone="Africa/Nairobi",
                         start=START, end=START))
    empty_plan = ActionPlan(title="Action plan", areas=[Area(number="I", heading="Data")])
    library.create(clone_event(dar, new_id="empty-plan-2027", start=START,
                               registry=library.registry).model_copy(
        update={"action_plan": empty_plan}))
    return [*SHIPPED_IDS, *made, "bare-2027", "nothing-2027", "empty-plan-2027"]


@pytest.fixture(scope="module")
def shapes(tmp_path_factory: pytest.TempPathFactory) -> tuple[Library, list[str]]:
    folder = tmp_path_factory.mktemp("shapes") / "events"
    shutil.copytree(SHIPPED, folder)
    library = Library(folder)
    return library, _shapes(library)


@pytest.mark.parametrize("url_path", [p.url_path for p in PAGES])
def test_page_renders_for_every_shape_of_event(shapes: tuple[Library, list[str]],
                                               url_path: str) -> None:
    library, event_ids = shapes
    index = [p.url_path for p in PAGES].index(url_path)
    failures = {}
    for event_id in event_ids:
        app = AppTest.from_string(f"from planner.ui import PAGES\nPAGES[{index}].render()\n",
                                  default_timeout=60)
        app.session_state[KEYS["library_path"]] = str(library.path)
        app.session_state[KEYS["event"]] = event_id
        app.run()
        if app.exception:
            failures[event_id] = app.exception[0].message
    assert failures == {}


def test_shapes_include_the_planned_and_the_bare(shapes: tuple[Library, list[str]]) -> None:
    library, event_ids = shapes
    assert len(event_ids) == 2 * len(SHIPPED_IDS) + 3
    assert (library.load("bare-2027").sessions, library.load("nothing-2027").working_groups,
            library.load("empty-plan-2027").action_plan is not None) == ([], [], True)


