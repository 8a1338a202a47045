"""Progress since the last conference: each activity once, under headings a summary prints."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from planner.event.new import clone_event
from planner.library import Library
from planner.model import Event
from planner.outcomes.follow_up import CATEGORIES
from planner.outcomes.progress import area_name, load_previous, summarise_progress

pytestmark = pytest.mark.unit


@pytest.mark.integration
def test_summarise_progress_of_the_event_a_clone_follows() -> None:
    library = Library.open()
    previous = library.load("dar-es-salaam-2010")
    clone = clone_event(previous, new_id="nairobi-2012", start=dt.date(2012, 11, 5))
    summary = summarise_progress(library.load(clone.previous_event or ""),
                                 as_of=dt.date(2012, 11, 5))
    # 28 items printed, three of them twice (once as a target, once as an activity).
    assert (summary.totals, len(previous.follow_up)) == ({"done": 4, "planned": 21}, 28)
    assert list(summary.items) == [c for c in CATEGORIES if c in summary.totals]
    # Printed in capitals in the source, named as the event writes the words.
    assert summary.items["done"][0]["area"] == "The Dar es Salaam action plan"


def test_summarise_progress_counts_a_repeated_activity_once(
        make_event: Callable[..., Event]) -> None:
    repeated = {"text": "Train border officials.", "status": "planned", "heading": "Training"}
    event = make_event(follow_up=[repeated, {**repeated, "heading": "TRAINING",
                                             "text": "Train  border officials."}])

    summary = summarise_progress(event, as_of=dt.date(2011, 1, 1))

    assert (summary.totals, summary.by_area) == ({"planned": 1}, {"Training": {"planned": 1}})


def test_area_name_merges_capitals_with_the_same_heading_and_names_the_unheaded() -> None:
    assert [area_name(h, known=["Operations", "Dar es Salaam"])
            for h in ("OPERATIONS", "REGIONAL INTER-AGENCY FOLLOW-UP WORKING GROUP",
                      "(no heading)", "Data collection")] == [
        "Operations", "Regional inter-agency follow-up working group", "Other activities",
        "Data collection"]


@pytest.mark.integration
def test_load_previous_only_when_it_is_in_the_library(shipped_copy: Library,
                                                      make_event: Callable[..., Event]) -> None:
    follows = make_event(previous_event="dar-es-salaam-2010")
    orphan = make_event(previous_event="nowhere-1999")
    found = load_previous(shipped_copy, follows)
    assert (found.id if found else None, load_previous(shipped_copy, orphan)) == (
        "dar-es-salaam-2010", None)
