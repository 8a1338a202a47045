"""Bilingual concept notes and programmes (#24): the event's first two working languages
side by side in two columns, or one after the other, as the event or the render asks."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.documents import render_document
from planner.errors import PlannerError
from planner.library import Library
from planner.model import Event
from tests.conftest import SHIPPED
from tests.documents.reading import read_docx
from tests.factories import base_data

LIBRARY = Library(SHIPPED)


def _event(languages: list[str], bilingual: str | None = None) -> Event:
    data = LIBRARY.load("dakar-2008").model_dump(mode="json", exclude_defaults=True)
    return Event.model_validate({**data, "languages": languages, "bilingual": bilingual},
                                strict=False)


def _rows(data: bytes) -> list[list[str]]:
    tables = read_docx(data).tables
    assert len(tables) == 1  # the whole document is the one two-column table
    return tables[0]


@pytest.mark.parametrize("kind", ["concept-note", "programme"])
def test_columns_put_each_language_beside_the_other(kind: str) -> None:
    event = _event(["fr", "en"], "columns")
    rows = _rows(render_document(kind, event, registry=LIBRARY.registry))
    assert all(len(row) == 2 for row in rows)
    # The title block, first language left, second right.
    assert rows[1] == [{"concept-note": "Note conceptuelle", "programme": "Programme"}[kind],
                       {"concept-note": "Concept note", "programme": "Programme"}[kind]]
    assert rows[2] == ["Dakar, Sénégal, 13–14 novembre 2008", "Dakar, Senegal, 13–14 November 2008"]
    if kind == "concept-note":
        assert ["1. [EN] Background", "1. Background"] in rows
    else:
        assert ["Jour 1 – jeudi 13 novembre 2008", "Day 1 – Thursday 13 November 2008"] in rows
    english = render_document(kind, event, registry=LIBRARY.registry, bilingual="none")
    assert read_docx(english).paragraphs[1][1] == _rows(render_document(
        kind, event, registry=LIBRARY.registry))[1][1]


def test_an_arabic_column_reads_right_to_left_the_other_left_to_right() -> None:
    data = render_document("programme", _event(["en", "ar"]), registry=LIBRARY.registry,
                           bilingual="columns")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/document.xml").decode()
    outer = xml.index("<w:tr>")
    first_row = xml[outer:xml.index("</w:tr>", outer)]
    left, right = first_row.split("</w:tc>")[:2]
    assert "<w:bidi/>" not in left and "<w:bidi/>" in right
    assert "<w:bidiVisual/>" not in xml[:outer]  # the two-column table runs left to right
    assert _rows(data)[1] == ["Programme", "البرنامج"]


def test_sequence_puts_the_second_language_after_the_first_on_a_new_page() -> None:
    data = render_document("concept-note", _event(["en", "es"], "sequence"),
                           registry=LIBRARY.registry)
    texts = [text for _style, text in read_docx(data).paragraphs]
    english, spanish = texts.index("Concept note"), texts.index("Nota conceptual")
    assert english < spanish
    assert texts[english + 1] == "Dakar, Senegal, 13–14 November 2008"
    assert texts[spanish + 1] == "Dakar, Senegal, 13–14 de noviembre de 2008"
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert '<w:br w:type="page"/>' in package.read("word/document.xml").decode()


def test_two_languages_are_needed() -> None:
    with pytest.raises(ValueError, match="'bilingual: columns' needs two UN working"):
        _event(["fr"], "columns")
    with pytest.raises(PlannerError, match="needs two UN working languages"):
        render_document("programme", _event(["fr"]), registry=LIBRARY.registry,
                        bilingual="sequence")
    with pytest.raises(PlannerError, match="not the badges"):
        render_document("badges", _event(["fr", "en"]), registry=LIBRARY.registry,
                        bilingual="columns")
    # The event's setting leaves the other kinds in one language.
    badges = render_document("badges", _event(["fr", "en"], "columns"), registry=LIBRARY.registry)
    assert badges == render_document("badges", _event(["fr", "en"]), registry=LIBRARY.registry)


def test_render_bilingual_on_the_command_line(shipped_copy: Library, tmp_path: Path) -> None:
    out = tmp_path / "note.docx"
    shipped_copy.save(shipped_copy.load("dakar-2008").model_copy(
        update={"languages": ["fr", "en"]}))
    result = CliRunner().invoke(cli, ["--library", str(shipped_copy.path), "render",
                                      "concept-note", "dakar-2008", "--bilingual", "-o",
                                      str(out)])
    assert result.exit_code == 0, result.output
    assert _rows(out.read_bytes())[1] == ["Note conceptuelle", "Concept note"]


@pytest.mark.parametrize("how", ["columns", "sequence"])
def test_a_new_and_a_bare_event_in_two_languages(how: str, planned: Library) -> None:
    new = planned.load("nairobi-2027")
    bare = Event.model_validate(base_data(start=dt.date(2027, 9, 6), end=dt.date(2027, 9, 7)))
    for one in (new, bare):
        event = one.model_copy(update={"languages": ["en", "ru"]})
        for kind in ("concept-note", "programme"):
            data = render_document(kind, event, registry=planned.registry, bilingual=how)
            reading = read_docx(data)
            texts = [t for _s, t in reading.paragraphs] + [
                cell for table in reading.tables for row in table for cell in row]
            assert any("6–7 September 2027" in t for t in texts), (event.id, kind)
            assert any("6–7 сентября 2027" in t for t in texts), (event.id, kind)
            if how == "columns":
                assert len(reading.tables) == 1 and len(reading.tables[0][0]) == 2
