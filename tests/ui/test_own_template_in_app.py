"""An organiser's own template rendered once the app has run in this process.

The render runs in a spawned process, which imports the process's main script again (the
app's, under Streamlit): it must not draw the app there, or the render process would load
the pages and be stopped at its memory limit before it rendered anything."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from streamlit.testing.v1 import AppTest

from planner.documents import render_document
from planner.documents.sandbox import _pool, _pools, _stop
from planner.library import Library
from tests.conftest import SHIPPED

APP = Path(__file__).resolve().parents[2] / "streamlit_app.py"


def _pages_loaded() -> list[str]:
    # Run in the render process: which of the app's pages it has loaded.
    import sys  # noqa: PLC0415

    return sorted(name for name in sys.modules if name == "planner.ui.library")


def test_an_own_template_renders_after_the_app_has_run() -> None:
    for pool in list(_pools.values()):  # a render process started now, under the app
        _stop(pool)
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.run()
    assert not app.exception
    assert _pool().submit(_pages_loaded).result(timeout=60) == []  # the app was not drawn
    template = Document()
    template.add_paragraph("{{ event.title }}")
    data = io.BytesIO()
    template.save(data)
    library = Library(SHIPPED)
    rendered = render_document("programme", library.load("dakar-2008"),
                               registry=library.registry, template=data.getvalue())
    assert "Regional Conference" in " ".join(p.text for p in Document(
        io.BytesIO(rendered)).paragraphs)
