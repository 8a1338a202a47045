"""The app's cache (#21): each event is cached by its own file's state, so a save re-reads
that one file, not the whole library."""

from __future__ import annotations

import pytest

from planner.library import Library, folder
from tests.ui.test_pages import DAR, event_app

pytestmark = pytest.mark.e2e


def test_a_save_re_reads_only_the_saved_event(shipped_copy: Library,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    app = event_app("concept-note", shipped_copy).run()
    read: list[str] = []
    original = folder.load_event
    monkeypatch.setattr(folder, "load_event", lambda path, registry=None: read.append(
        path.stem) or original(path, registry))
    app.run()
    warm = list(read)
    event = shipped_copy.load(DAR)
    read.clear()
    shipped_copy.save(event.model_copy(update={"title": "Saved in another tab"}))
    app.run()
    assert (warm, read, app.exception) == ([], [DAR], [])
    assert "Saved in another tab" in [h.value for h in app.subheader]
