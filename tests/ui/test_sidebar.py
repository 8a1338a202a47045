"""The library folder on a shared server (#20): chosen among the folders whoever started
the app configured, never typed into the page."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import SHIPPED

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]


def test_the_sidebar_offers_only_the_configured_libraries(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "bureau", tmp_path / "partner"
    for folder in (first, second):
        shutil.copytree(SHIPPED, folder)
    monkeypatch.setenv("PLANNER_LIBRARY", os.pathsep.join(map(str, (first, second))))
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30).run()
    chooser = app.sidebar.selectbox(key="library-path")
    assert (list(app.exception), list(app.sidebar.text_input), chooser.options) == (
        [], [], [str(first), str(second)])
    chooser.select(str(second)).run()
    assert list(app.exception) == []
    assert str(second) in app.session_state["library-path"]


def test_one_configured_library_is_named_not_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PLANNER_LIBRARY", raising=False)
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30).run()
    assert (list(app.sidebar.text_input), [c.value for c in app.sidebar.caption][:1]) == (
        [], [f"Library folder: `{SHIPPED}`"])
