"""The app in French: every message of the app's catalogue translated with its placeholders,
every page drawn in French with no English label left, and English exactly as before."""

from __future__ import annotations

import re
from collections.abc import Iterator
from string import Formatter
from typing import Any

import pytest
from babel.messages.pofile import read_po
from streamlit.testing.v1 import AppTest

from planner.language import LOCALE_DIR, app_languages, catalogue, speaking
from planner.library import Library
from planner.ui import PAGES, phrases
from planner.ui.messages import app_messages, english
from planner.ui.state import KEYS, key
from tests.ui.test_pages import DAR, ROOT

APP_PO = LOCALE_DIR / "fr" / "LC_MESSAGES" / "app.po"
NAIROBI = "nairobi-2027"
#: The elements whose value is wording of the app (elsewhere, a value is the organiser's).
WORDED = {"title", "header", "subheader", "caption", "markdown", "alert", "success", "info",
          "warning", "error", "exception"}


def _french() -> dict[str, str]:
    with APP_PO.open("rb") as po:
        return {str(m.id): str(m.string) for m in read_po(po, locale="fr") if m.id}


def _fields(text: str) -> list[tuple[str, str]]:
    return sorted((name, spec or "") for _, name, spec, _ in Formatter().parse(text)
                  if name is not None)


def english_left() -> dict[str, str]:
    """The English messages a French page must not show: those whose French differs."""
    return {m: fr for m, fr in _french().items() if fr and fr != m}


def test_every_message_of_the_app_has_a_french_translation() -> None:
    french = _french()
    messages = app_messages()

    missing = [m for m in messages if not french.get(m)]

    assert (missing, len(messages) > len(english())) == ([], True)


def test_french_keeps_the_placeholders_of_each_message() -> None:
    differ = {m: fr for m, fr in _french().items() if _fields(m) != _fields(fr)}

    assert differ == {}


def test_the_catalogue_holds_no_message_the_app_no_longer_shows() -> None:
    assert sorted(set(_french()) - set(app_messages())) == []


def test_the_app_speaks_english_and_the_languages_with_a_catalogue() -> None:
    assert app_languages() == ["en", *(p.parents[1].name for p in sorted(
        LOCALE_DIR.glob("*/LC_MESSAGES/app.po")))]


def test_documents_keep_their_own_catalogue() -> None:
    title = english()["LIBRARY_TITLE"]

    assert (catalogue("fr").gettext(title), catalogue("fr", "app").gettext(title)) == (
        title, _french()[title])


def test_phrases_are_english_unless_the_app_speaks_french() -> None:
    shown = {name: getattr(phrases, name) for name in english()}
    with speaking("fr"):
        spoken = {name: getattr(phrases, name) for name in english()}

    french = _french()
    expected = {name: {k: french[v] for k, v in value.items()} if isinstance(value, dict)
                else french[value] for name, value in english().items()}

    assert (shown, spoken) == (english(), expected)


def _walk(node: Any) -> Iterator[Any]:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def shown_texts(app: AppTest) -> list[str]:
    """The app's wording on screen: widget labels, tab and expander names, and the text of
    titles, captions, notices and markdown."""
    texts = []
    for node in _walk(app._tree):
        label = getattr(node, "label", None)
        if isinstance(label, str):
            texts.append(label)
        value = getattr(node, "value", None)
        if getattr(node, "type", None) in WORDED and isinstance(value, str):
            texts.append(value)
        texts += [o for o in getattr(node, "options", []) or [] if isinstance(o, str)]
    return [t.strip() for t in texts if t and t.strip()]


def english_in(texts: list[str]) -> list[str]:
    """Lines of `texts` that are an English message of the app (or hold a sentence of it),
    bullets and emphasis aside."""
    left = english_left()
    sentences = [m for m in left if len(m.split()) >= 3]
    lines = [re.sub(r"^[-•#*\s]+|\*+$", "", line).strip() for text in texts
             for line in text.splitlines()]
    return [t for t in lines if t in left or any(s in t for s in sentences)]


def _french_page(url_path: str, library: Library | None, event_id: str) -> AppTest:
    # The page run as the router runs it: the language chosen in the session first.
    index = [p.url_path for p in PAGES].index(url_path)
    app = AppTest.from_string("from planner.ui import PAGES, state\n"
                              f"state.speak_chosen_language()\nPAGES[{index}].render()\n",
                              default_timeout=30)
    app.session_state[KEYS["app_language"]] = "fr"
    app.session_state[KEYS["event"]] = event_id
    if library is not None:
        app.session_state[KEYS["library_path"]] = str(library.path)
    return app.run()


@pytest.mark.e2e
@pytest.mark.parametrize("url_path", [p.url_path for p in PAGES])
def test_each_page_of_a_new_event_is_french(url_path: str, planned: Library) -> None:
    app = _french_page(url_path, planned, NAIROBI)

    assert (list(app.exception), english_in(shown_texts(app))) == ([], [])
    assert app.title[0].value == _french()[_english_title(url_path, planned)]


@pytest.mark.e2e
@pytest.mark.parametrize("url_path", [p.url_path for p in PAGES])
def test_each_page_of_a_past_event_is_french(url_path: str) -> None:
    app = _french_page(url_path, None, DAR)

    assert (list(app.exception), english_in(shown_texts(app))) == ([], [])


@pytest.mark.e2e
@pytest.mark.parametrize("url_path", ["event", "participants", "programme", "working-groups"])
def test_the_pages_of_a_bare_event_are_french(url_path: str, small_library: Library) -> None:
    app = _french_page(url_path, small_library, small_library.event_ids()[0])

    assert (list(app.exception), english_in(shown_texts(app))) == ([], [])


def _english_title(url_path: str, library: Library) -> str:
    index = [p.url_path for p in PAGES].index(url_path)
    app = AppTest.from_string(f"from planner.ui import PAGES\nPAGES[{index}].render()\n",
                              default_timeout=30)
    app.session_state[KEYS["library_path"]] = str(library.path)
    app.session_state[KEYS["event"]] = NAIROBI
    return str(app.run().title[0].value)


@pytest.mark.e2e
def test_the_address_chooses_french_and_the_sidebar_keeps_it() -> None:
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30)
    app.query_params["lang"] = "fr"
    app.run()

    choice = app.sidebar.selectbox(key=KEYS["app_language"])
    assert (list(app.exception), choice.value, app.title[0].value) == (
        [], "fr", _french()[english()["LIBRARY_TITLE"]])
    assert choice.label == _french()[english()["APP_LANGUAGE"]]


@pytest.mark.e2e
def test_choosing_english_again_drops_the_language_from_the_address() -> None:
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30)
    app.query_params["lang"] = "fr"
    app.run()

    # As the choice would (AppTest cannot set one widget while another shows its options
    # through a format_func in French; the browser test chooses in the sidebar itself).
    app.session_state[KEYS["app_language"]] = "en"
    app.run()

    assert (app.title[0].value, app.query_params.get("lang")) == (
        english()["LIBRARY_TITLE"], None)


@pytest.mark.e2e
def test_the_documents_keep_their_own_language_when_the_app_speaks_french(
        planned: Library) -> None:
    app = _french_page("documents", planned, NAIROBI)

    choice = app.selectbox(key=key("document_language", NAIROBI))

    assert (choice.value, choice.label) == (planned.load(NAIROBI).working_languages[0],
                                            _french()[english()["DOCUMENTS_LANGUAGE"]])
