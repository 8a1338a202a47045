"""Organisers' lists in other languages (#24): a concept note section's items carry a
translation item by item, and the invitation letters' formulas are the diplomatic ones."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.documents import render_document
from planner.library import Library
from planner.model import Event
from tests.conftest import SHIPPED
from tests.documents.reading import read_docx

LIBRARY = Library(SHIPPED)


def _with_objectives_in_french(first: str) -> Event:
    event = LIBRARY.load("dar-es-salaam-2010")
    sections = [s.model_copy(update={"translations": {"fr": {"items": [first]}}})
                if s.key.startswith("objectives") and s.items else s
                for s in event.concept_note.sections]
    return event.model_copy(update={"concept_note": event.concept_note.model_copy(
        update={"sections": sections})})


def _paragraphs(data: bytes) -> list[str]:
    return [text for _style, text in read_docx(data).paragraphs]


def test_items_in_their_translation_the_rest_marked() -> None:
    event = _with_objectives_in_french("Mieux comprendre les mouvements migratoires mixtes.")
    note = _paragraphs(render_document("concept-note", event, registry=LIBRARY.registry,
                                       language="fr"))
    objectives = next(s for s in event.concept_note.sections
                      if s.key.startswith("objectives") and s.items).items
    assert "Mieux comprendre les mouvements migratoires mixtes." in note
    assert objectives[0] not in note and "[EN] " + objectives[0] not in note
    assert "[EN] " + objectives[1] in note  # the second item has no French yet
    # The letters' purpose is the same objectives, in the same language.
    letters = _paragraphs(render_document("invitations", event, registry=LIBRARY.registry,
                                          language="fr", invitee="kenya"))
    assert "Mieux comprendre les mouvements migratoires mixtes." in letters


def test_a_list_is_translated_as_a_list_and_a_text_as_a_text() -> None:
    data = LIBRARY.load("dar-es-salaam-2010").model_dump(mode="json", exclude_defaults=True)
    section = data["concept_note"]["sections"][0]
    with pytest.raises(ValueError, match="translation of 'items' is a list"):
        Event.model_validate({**data, "concept_note": {"sections": [
            {**section, "translations": {"fr": {"items": "un seul texte"}}}]}}, strict=False)
    with pytest.raises(ValueError, match="translation of 'heading' is one text"):
        Event.model_validate({**data, "concept_note": {"sections": [
            {**section, "translations": {"fr": {"heading": ["a", "b"]}}}]}}, strict=False)


@pytest.mark.parametrize(("code", "formulas"), [
    ("fr", ("présente ses compliments au Ministère des affaires étrangères (Kenya)",
            "a l'honneur d'inviter", "les assurances de sa très haute considération")),
    ("es", ("saluda atentamente al Ministerio de Relaciones Exteriores de Kenia",
            "tiene el honor de invitar", "las seguridades de su más alta")),
    ("ru", ("свидетельствует своё уважение Министерству иностранных дел (Кения)",
            "имеет честь пригласить", "уверения в своём весьма высоком уважении")),
    ("ar", ("أطيب تحياتها إلى وزارة الخارجية في كينيا", "وتتشرف بأن تدعو")),
    ("zh", ("向肯尼亚外交部致意，并谨邀请", "顺致崇高的敬意")),
])
def test_a_note_verbale_in_each_language(code: str, formulas: tuple[str, ...]) -> None:
    letter = " ".join(_paragraphs(render_document(
        "invitations", LIBRARY.load("dar-es-salaam-2010"), registry=LIBRARY.registry,
        language=code, invitee="kenya", as_of=dt.date(2010, 6, 1))))
    for formula in formulas:
        assert formula in letter


def test_a_french_letter_to_an_agency_says_du_gouvernement_not_de_le() -> None:
    # "Au nom de" + "le Gouvernement (Kenya)": the sentence is put together from parts,
    # and French contracts "de le" into "du".
    event = LIBRARY.load("dar-es-salaam-2010")
    letter = " ".join(_paragraphs(render_document(
        "invitations", event, registry=LIBRARY.registry, language="fr", invitee="iom",
        as_of=dt.date(2010, 6, 1))))
    assert "Au nom du Gouvernement" in letter and " de le " not in letter
