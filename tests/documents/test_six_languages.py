"""#24's acceptance: every document kind in each of the six UN languages, for a library
event, a new event made with `planner new` and a bare event; no wording of the toolkit left in
English off English (checked against every message of the catalogues), dates as CLDR
writes them, and the organisers' text that has no translation marked [EN].

Everything is rendered once, in-process, and shared by the checks (module fixtures)."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from pydantic import BaseModel

from planner.cli import cli
from planner.dates import format_date_range
from planner.documents import KINDS, REPORTS, render_document
from planner.documents.follow_up import PROGRESS_HEADING
from planner.documents.wording import split_paragraphs, strip_numbering
from planner.language import LANGUAGES, _, using
from planner.library import Library
from planner.model import Event, Translatable
from tests.conftest import SHIPPED
from tests.documents.catalogue import messages, translated
from tests.factories import base_data

pytestmark = pytest.mark.integration

OTHERS = [code for code in LANGUAGES if code != "en"]
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARTS = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")
_PLACES = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{[a-z_]+\}")
_ENGLISH_DATES = re.compile(r"\b(January|February|March|April|May|June|July|August|September|"
                            r"October|November|December) \d{4}\b|\b(Monday|Tuesday|Wednesday|"
                            r"Thursday|Friday|Saturday|Sunday)\b")
AS_OF = dt.date(2027, 1, 1)
_BIDI_MARKS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def texts_of(data: bytes) -> list[str]:
    """Every paragraph's text of a .docx, nested tables, headers and footers included."""
    texts = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if _PARTS.match(name):
                root = etree.fromstring(package.read(name))
                texts += ["".join(t.text or "" for t in p.iter(f"{_W}t"))
                          for p in root.iter(f"{_W}p")]
    # The embedding marks around English in an Arabic document are not text a reader sees.
    return [t for t in (_BIDI_MARKS.sub("", t).strip() for t in texts) if t]


@pytest.fixture(scope="module")
def events(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Event, Library]]:
    """A library event, an event started with `planner new` for September 2027, and a bare
    event (identity, place and dates only) on the same dates."""
    folder = tmp_path_factory.mktemp("library") / "events"
    shutil.copytree(SHIPPED, folder)
    result = CliRunner().invoke(cli, [
        "--library", str(folder), "new", "nairobi-2027", "--from", "dar-es-salaam-2010",
        "--title", "Regional Conference on Mixed Movements, Nairobi", "--start",
        "2027-09-06", "--end", "2027-09-07", "--city", "Nairobi", "--country", "kenya"])
    assert result.exit_code == 0, result.output
    library = Library(folder)
    bare = Event.model_validate(base_data(id="bare-2027", start=dt.date(2027, 9, 6),
                                          end=dt.date(2027, 9, 7)))
    return {name: (library.load(name), library)
            for name in ("dar-es-salaam-2010", "nairobi-2027")} | {"bare-2027": (bare, library)}


@pytest.fixture(scope="module")
def rendered(events: dict[str, tuple[Event, Library]]) -> dict[tuple[str, str, str], bytes]:
    """(event, kind, language) → the .docx; the new event's concept note and follow-up
    report the progress on the event it follows up."""
    return {(name, kind, code): render_document(
        kind, event, registry=library.registry, language=code, as_of=AS_OF,
        previous=library.load(event.previous_event) if event.previous_event else None)
        for name, (event, library) in events.items()
        for kind in KINDS for code in LANGUAGES}


@pytest.fixture(scope="module")
def wording() -> dict[str, tuple[set[str], list[str]]]:
    """Per language, the English of every message it translates differently: single words
    (checked as a whole paragraph or cell) and phrases (checked anywhere in the text)."""
    found = {}
    for code in OTHERS:
        catalogue, words, phrases = translated(code), set(), []
        for message in messages():
            if catalogue.get(message, message) == message:
                continue  # the same in both languages ("Programme" in French)
            for part in (p.strip(" :·.,()") for p in _PLACES.split(message)):
                if len(part.split()) > 1:
                    phrases.append(part)
                elif len(part) > 2 and part.isalpha():
                    words.add(part)
        found[code] = words, sorted(set(phrases))
    return found


def _record_strings(value: object) -> Iterator[str]:
    """Every text of a record, as documents print it: whole, by paragraph, unnumbered."""
    if isinstance(value, str):
        for text in {" ".join(value.split()), *split_paragraphs(value)}:
            yield from {text, strip_numbering(text)}
    elif isinstance(value, BaseModel):
        for field in type(value).model_fields:
            yield from _record_strings(getattr(value, field))
    elif isinstance(value, (list, tuple, dict)):
        for item in value.values() if isinstance(value, dict) else value:
            yield from _record_strings(item)


@pytest.fixture(scope="module")
def organisers(events: dict[str, tuple[Event, Library]]) -> dict[str, list[str]]:
    """Per event, its record's texts and those of the event it follows up, longest first
    (so a title inside a paragraph goes with its paragraph)."""
    def records(event: Event, library: Library) -> list[Event]:
        return [event, *([library.load(event.previous_event)] if event.previous_event else [])]
    return {name: sorted({t for record in records(event, library)
                          for t in _record_strings(record) if len(t) > 3},
                         key=len, reverse=True) for name, (event, library) in events.items()}


def _unmarked(whole: str, theirs: list[str]) -> str:
    # Organiser text marked as not yet translated is theirs, not ours: it is cut out, in
    # whatever case it is printed ("THE DAR ES SALAAM ACTION PLAN" heads a theme as "The Dar
    # es Salaam action plan").
    lower = whole.lower()
    for text in theirs:
        mark = "[en] " + text.lower()
        while mark in lower and len(lower) == len(whole):
            at = lower.index(mark)
            whole, lower = (w[:at] + w[at + len(mark):] for w in (whole, lower))
    return whole


def _cases() -> Iterator[tuple[str, str]]:
    for name in ("dar-es-salaam-2010", "nairobi-2027", "bare-2027"):
        for code in OTHERS:
            yield name, code


@pytest.mark.parametrize(("name", "code"), list(_cases()))
def test_no_wording_of_ours_is_left_in_english(
        name: str, code: str, rendered: dict[tuple[str, str, str], bytes],
        wording: dict[str, tuple[set[str], list[str]]],
        organisers: dict[str, list[str]]) -> None:
    words, phrases = wording[code]
    for kind in KINDS:
        whole = _unmarked("\n".join(texts_of(rendered[name, kind, code])), organisers[name])
        assert "[EN]" not in whole, (kind, whole[whole.index("[EN]"):][:100])
        texts = [t.strip() for t in whole.split("\n")]
        left = [p for p in phrases if p in whole] + [t for t in texts if t in words]
        assert left == [], (kind, left)
        assert not _ENGLISH_DATES.search(whole), (kind, _ENGLISH_DATES.search(whole))


def test_every_kind_renders_in_english_as_before(
        events: dict[str, tuple[Event, Library]],
        rendered: dict[tuple[str, str, str], bytes]) -> None:
    for name, (event, library) in events.items():
        for kind in KINDS:
            previous = library.load(event.previous_event) if event.previous_event else None
            assert texts_of(rendered[name, kind, "en"]) == texts_of(render_document(
                kind, event, registry=library.registry, as_of=AS_OF, previous=previous))


@pytest.mark.parametrize(("code", "dates"), [
    ("en", "6–7 September 2027"), ("fr", "6–7 septembre 2027"),
    ("es", "6–7 de septiembre de 2027"), ("ru", "6–7 сентября 2027\u202fг."),
    ("ar", "6–7 سبتمبر 2027"), ("zh", "2027年9月6日\u2009–\u20097日"),
])
def test_dates_as_cldr_writes_them(code: str, dates: str,
                                   rendered: dict[tuple[str, str, str], bytes]) -> None:
    with using(code):
        assert format_date_range(dt.date(2027, 9, 6), dt.date(2027, 9, 7)) == dates
    for kind in (*REPORTS, "invitations"):
        assert any(dates in t for t in texts_of(rendered["nairobi-2027", kind, code])), kind
    for kind in REPORTS:
        assert any(dates in t for t in texts_of(rendered["bare-2027", kind, code])), kind


def _organiser_texts(record: BaseModel) -> Iterator[str]:
    """The English of every field organisers may translate, anywhere in a record."""
    if isinstance(record, Translatable):
        for field in record.TRANSLATED:
            value = getattr(record, field)
            for text in value if isinstance(value, list) else [value]:
                yield from (strip_numbering(p) for p in split_paragraphs(text))
    for field in type(record).model_fields:
        value = getattr(record, field)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, BaseModel):
                yield from _organiser_texts(item)


@pytest.mark.parametrize("name", ["dar-es-salaam-2010", "nairobi-2027"])
def test_organiser_text_without_translation_is_marked(
        name: str, events: dict[str, tuple[Event, Library]],
        rendered: dict[tuple[str, str, str], bytes], organisers: dict[str, list[str]]) -> None:
    # Whatever the document prints of the organisers' translatable text (the opening words
    # of each field, long enough to be theirs alone), it prints marked: once every marked
    # text is cut out, none is left.
    openings = {t[:40] for t in _organiser_texts(events[name][0]) if len(t) >= 25}
    assert len(openings) > 10
    printed = 0
    for kind in KINDS:
        for code in OTHERS:
            whole = "\n".join(texts_of(rendered[name, kind, code]))
            printed += sum(o in whole for o in openings)
            left = _unmarked(whole, organisers[name])
            assert [o for o in openings if o in left] == [], (kind, code)
    assert printed > 100


def test_the_first_paragraph_of_a_report_is_the_marked_title(
        events: dict[str, tuple[Event, Library]],
        rendered: dict[tuple[str, str, str], bytes]) -> None:
    for name, (event, _library) in events.items():
        for kind in REPORTS:
            for code in OTHERS:
                assert texts_of(rendered[name, kind, code])[0] == "[EN] " + event.title


def test_the_renders_are_real_word_files(rendered: dict[tuple[str, str, str], bytes],
                                         tmp_path: Path) -> None:
    from docx import Document  # noqa: PLC0415 -- python-docx refuses broken XML

    for data in rendered.values():
        Document(io.BytesIO(data))
    assert len(rendered) == 3 * len(KINDS) * len(LANGUAGES)


def test_the_new_event_reports_progress_on_the_one_it_follows_up(
        rendered: dict[tuple[str, str, str], bytes]) -> None:
    with using("fr"):
        heading = _(PROGRESS_HEADING)
    assert heading != PROGRESS_HEADING
    assert heading in texts_of(rendered["nairobi-2027", "concept-note", "fr"])
