"""Documents in the six UN languages (#24): the catalogues are complete, dates read as CLDR
writes them, organiser text is in its translation or marked, and Arabic is set right to
left (every kind in every language: test_six_languages)."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from planner.dates import format_date_range
from planner.documents import render_document
from planner.errors import PlannerError
from planner.language import LANGUAGES, using
from planner.library import Library
from planner.model import Event
from tests.conftest import SHIPPED
from tests.documents.catalogue import messages, translated
from tests.documents.reading import read_docx
from tests.documents.visual import NEEDS_TOOLS_REASON, _pdftotext, has_tools

pytestmark = pytest.mark.integration

LIBRARY = Library(SHIPPED)
OTHERS = [code for code in LANGUAGES if code != "en"]
#: The embedding marks pdftotext puts around right-to-left runs.
_BIDI_MARKS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_PLACES = re.compile(r"\{\{.*?\}\}|\{[a-z_]+\}")


def _texts(data: bytes) -> list[str]:
    reading = read_docx(data)
    texts = [text for _style, text in reading.paragraphs]
    texts += [cell for table in reading.tables for row in table for cell in row]
    with zipfile.ZipFile(io.BytesIO(data)) as package:  # headers and footers too
        for name in package.namelist():
            if re.match(r"word/(header|footer)\d*\.xml$", name):
                texts += re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", package.read(name).decode())
    # Organiser text without a translation is marked and is the organisers', not ours.
    return [t.strip() for t in texts if t.strip() and "[EN]" not in t]


def test_every_catalogue_translates_every_message() -> None:
    for code in OTHERS:
        catalogue = translated(code)
        assert [m for m in messages() if not catalogue.get(m)] == [], code
        # A translation uses only the message's placeholders (an unknown one breaks the
        # template or .format()); it may leave one out where its grammar words it itself
        # ("son Gouvernement" for "the Government of Kenya").
        assert [m for m in messages()
                if not set(_PLACES.findall(catalogue[m])) <= set(_PLACES.findall(m))] == []


def test_english_is_written_as_before() -> None:
    event = LIBRARY.load("manila-2010")
    assert render_document("programme", event, registry=LIBRARY.registry) == \
        render_document("programme", event, registry=LIBRARY.registry, language="en")


# CLDR keeps "г." with its year by a narrow no-break space, and sets the dash of a
# Chinese span between thin spaces.
@pytest.mark.parametrize(("code", "dates"), [
    ("fr", "6–7 septembre 2027"), ("es", "6–7 de septiembre de 2027"),
    ("ru", "6–7 сентября 2027\u202fг."), ("ar", "6–7 سبتمبر 2027"),
    ("zh", "2027年9月6日\u2009–\u20097日"),
])
def test_dates_read_as_cldr_writes_them(code: str, dates: str, planned: Library) -> None:
    with using(code):
        assert format_date_range(dt.date(2027, 9, 6), dt.date(2027, 9, 7)) == dates
    data = render_document("concept-note", planned.load("nairobi-2027"),
                           registry=planned.registry, language=code)
    assert any(dates in text for text in _texts(data))


def test_dates_across_months_and_years() -> None:
    with using("fr"):
        assert format_date_range(dt.date(2027, 9, 30), dt.date(2027, 10, 1)) == \
            "30 septembre – 1 octobre 2027"
    with using("es"):
        assert format_date_range(dt.date(2027, 12, 31), dt.date(2028, 1, 1)) == \
            "31 de diciembre de 2027 – 1 de enero de 2028"


def _translated_event() -> Event:
    event = LIBRARY.load("dar-es-salaam-2010")
    first, *rest = event.concept_note.sections
    first = first.model_copy(update={"translations": {"fr": {
        "heading": "1. Introduction générale", "text": "Cette note présente la conférence."}}})
    sessions = [s.model_copy(update={"translations": {"fr": {"title": "Ouverture"}}})
                for s in event.sessions]
    return event.model_copy(update={
        "translations": {"fr": {"title": "Conférence régionale de Dar es Salaam"}},
        "concept_note": event.concept_note.model_copy(update={"sections": [first, *rest]}),
        "sessions": sessions})


def test_organiser_text_in_its_translation_or_marked() -> None:
    event = _translated_event()
    note = read_docx(render_document("concept-note", event, registry=LIBRARY.registry,
                                     language="fr")).paragraphs
    texts = [text for _style, text in note]
    assert texts[0] == "Conférence régionale de Dar es Salaam"
    assert "1. Introduction générale" in texts
    assert "Cette note présente la conférence." in texts
    # The next section has no French: its heading and prose are the English, marked.
    assert "1.1 [EN] The Growth of the Phenomenon of Mixed Migratory Movements" in texts
    assert any(t.startswith("[EN] International migratory movements") for t in texts)
    programme = read_docx(render_document("programme", event, registry=LIBRARY.registry,
                                          language="fr")).tables
    assert programme[0][1][1].startswith("Ouverture")


def test_a_translation_into_an_unknown_language_or_field_is_refused() -> None:
    event = LIBRARY.load("dar-es-salaam-2010")
    data = event.model_dump(mode="json", exclude_defaults=True)
    with pytest.raises(ValueError, match="'de' is not a language"):
        Event.model_validate({**data, "translations": {"de": {"title": "x"}}},
                             strict=False)
    with pytest.raises(ValueError, match="'city' cannot be translated"):
        Event.model_validate({**data, "translations": {"fr": {"city": "x"}}}, strict=False)
    with pytest.raises(PlannerError, match="unknown language 'de'"):
        render_document("programme", event, registry=LIBRARY.registry, language="de")


def test_working_languages_read_codes_and_names() -> None:
    event = LIBRARY.load("dar-es-salaam-2010")
    assert event.working_languages == ["en"]
    assert event.model_copy(update={"languages": ["French", "en", "Swahili"]}) \
        .working_languages == ["fr", "en"]


def _xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read("word/document.xml").decode()


@pytest.mark.parametrize("kind", ["programme", "concept-note", "participant-list"])
def test_arabic_is_set_right_to_left(kind: str) -> None:
    data = render_document(kind, LIBRARY.load("dar-es-salaam-2010"),
                           registry=LIBRARY.registry, language="ar")
    xml = _xml(data)
    assert xml.count("<w:p>") + xml.count("<w:p ") == xml.count("<w:bidi/>")
    assert xml.count("<w:tbl>") == xml.count("<w:bidiVisual/>")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert 'w:cs="DejaVu Sans"' in package.read("word/styles.xml").decode()
    read_docx(data)  # python-docx still reads it: the elements are where the schema wants


@pytest.mark.skipif(not has_tools(), reason=NEEDS_TOOLS_REASON)
def test_arabic_programme_and_concept_note_read_right_to_left(tmp_path: Path) -> None:
    from planner.documents import convert_to_pdf  # noqa: PLC0415 -- needs LibreOffice

    event = LIBRARY.load("dar-es-salaam-2010")
    paths = []
    for kind in ("programme", "concept-note"):
        path = tmp_path / f"{kind}.docx"
        path.write_bytes(render_document(kind, event, registry=LIBRARY.registry,
                                         language="ar"))
        paths.append(path)
    programme, note = (_BIDI_MARKS.sub("", _pdftotext(pdf, "-layout"))
                       for pdf in convert_to_pdf(paths))
    # pdftotext -layout writes each line as it stands on the page, left to right. Words
    # come out whole (their letters in reading order), and the table is mirrored: the
    # time column, first in reading order, stands rightmost.
    header = next(line for line in programme.splitlines() if "الوقت" in line)
    assert header.index("الجلسة") < header.index("الوقت")
    # The day heading reads from the right: "اليوم 1" (day 1) rightmost, the year leftmost,
    # and it is right-aligned, far from the left margin.
    day = next(line for line in programme.splitlines() if "اليوم" in line)
    assert day.index("2010") < day.index("سبتمبر") < day.index("اليوم")
    assert len(day) - len(day.lstrip()) > 20
    assert "المشاركون" in note and "الحكومات" in note
    # English without a translation keeps its reading order inside the Arabic line: its
    # mark first, on the left of the English it marks, not thrown to the line's end.
    title = next(line for line in programme.splitlines() if "Regional Conference" in line)
    assert title.index("[EN]") < title.index("Regional Conference")


def _has_cjk_font() -> bool:
    program = shutil.which("fc-list")
    return bool(program and subprocess.run([program, ":lang=zh", "family"],
                                           capture_output=True, text=True, check=False).stdout)


@pytest.mark.skipif(not has_tools() or not _has_cjk_font(),
                    reason=f"{NEEDS_TOOLS_REASON}, and fonts-noto-cjk for Chinese")
def test_chinese_is_set_in_a_font_that_has_it(tmp_path: Path) -> None:
    from planner.documents import convert_to_pdf  # noqa: PLC0415 -- needs LibreOffice

    path = tmp_path / "programme.docx"
    path.write_bytes(render_document("programme", LIBRARY.load("dar-es-salaam-2010"),
                                     registry=LIBRARY.registry, language="zh"))
    with zipfile.ZipFile(path) as package:
        assert 'w:eastAsia="Noto Sans CJK SC"' in package.read("word/styles.xml").decode()
    (pdf,) = convert_to_pdf([path])
    assert "2010年9月6日" in re.sub(r"\s", "", _pdftotext(pdf))  # spaced out by pdftotext
    fonts = subprocess.run([shutil.which("pdffonts") or "pdffonts", str(pdf)],
                           capture_output=True, text=True, check=True).stdout
    assert "CJK" in fonts  # the characters are drawn from a CJK font, not as empty boxes
