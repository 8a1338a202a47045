"""Property tests: any valid event survives dump → load unchanged and byte-stable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.library.store import dump_event, parse_event
from planner.library.yamlfile import CONTROL_CHARACTERS
from planner.model import Event, SessionBlock, SourceKind

pytestmark = pytest.mark.unit

TEXT = st.one_of(
    st.sampled_from(["NO", "yes", "10:30", "V (x)", "- a", "a: b", " x", "y ", "2008"]),
    # Control characters no record holds (a save writes them as spaces: test_yamlfile).
    st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=200).map(
        lambda text: CONTROL_CHARACTERS.sub(" ", text)),
)
SLUG = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)
ORG = st.sampled_from(["unhcr", "iom", "yemen"])
SOURCE = st.sampled_from([s.value for s in SourceKind])
POINTS = st.lists(st.integers(1, 10), max_size=3)


@st.composite
def sessions(draw: st.DrawFn, days: int) -> list[dict[str, Any]]:
    ids = draw(st.lists(SLUG, unique=True, max_size=4))
    out = []
    for session_id in ids:
        session: dict[str, Any] = {
            "id": session_id, "day": draw(st.integers(1, days)),
            "kind": draw(st.sampled_from(["plenary", "break", "social"])),
            "block": draw(st.sampled_from([b.value for b in SessionBlock])),
        }
        if session["kind"] == "plenary":
            session["title"] = draw(TEXT)
            session["items"] = [{"title": draw(TEXT), "speakers": [
                {"name": draw(TEXT), "organisation": draw(ORG), "tbc": draw(st.booleans())}]}]
        out.append(session)
    return out


@st.composite
def events(draw: st.DrawFn) -> dict[str, Any]:
    start = draw(st.dates(dt.date(2000, 1, 1), dt.date(2040, 1, 1)))
    days = draw(st.integers(1, 3))
    n_recs = draw(st.integers(0, 5))
    return {
        "id": draw(SLUG), "revision": draw(st.integers(1, 50)),
        "kind": draw(st.sampled_from(["regional-conference", "workshop"])),
        "title": draw(TEXT), "title_variants": draw(st.lists(TEXT, max_size=2)),
        "city": draw(TEXT), "country": draw(ORG), "timezone": "Africa/Dar_es_Salaam",
        "start": start, "end": start + dt.timedelta(days=days - 1),
        "organisers": [{"organisation": draw(ORG), "role": "convener", "source": draw(SOURCE)}],
        "participant_counts": [{"text": draw(TEXT), "source": draw(SOURCE)}],
        "sessions": draw(sessions(days)),
        "working_groups": [{"id": "wg", "title": draw(TEXT), "action_points": draw(POINTS),
                            "round": draw(st.integers(1, 3)), "sources": [draw(SOURCE)]}],
        "recommendations": [
            {"order": i + 1, "section": draw(st.sampled_from(["I", "V", "3"])),
             "label": draw(st.sampled_from(["i", "iii", "x"])), "text": draw(TEXT),
             "action_points": draw(POINTS)} for i in range(n_recs)],
        "follow_up": [{"heading": draw(TEXT), "text": draw(TEXT), "status": "planned",
                       "when": draw(TEXT)}],
        "notes": [{"topic": draw(TEXT), "text": draw(TEXT)}],
    }


@settings(max_examples=60, deadline=None)
@given(events())
def test_generated_event_round_trips_losslessly(data: dict[str, Any]) -> None:
    event = Event.model_validate(data)
    text = dump_event(event)
    again = parse_event(text, Path("generated.yaml"), None)
    assert again == event
    assert dump_event(again) == text
