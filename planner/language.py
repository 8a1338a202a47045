"""The language a document is written in: gettext catalogues (Babel) and CLDR dates.

The toolkit's own wording is English in the code, marked `_("…")`, and translated
through `planner/locale/<lang>/LC_MESSAGES/planner.po`, compiled in memory the first
time a language is asked for (so there is no build step and no binary file to keep in
step). The language is set for a whole render with `using(lang)`, so every helper that
words something (`describe_event`, `day_label`, `format_date`…) follows without a
parameter threaded through each of them. English never touches a catalogue: English
documents come out exactly as before.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any

from planner.errors import PlannerError

__all__ = [
    "APP_DOMAIN",
    "LANGUAGES",
    "LOCALE_DIR",
    "N_",
    "RIGHT_TO_LEFT",
    "_",
    "app_language",
    "app_languages",
    "app_text",
    "catalogue",
    "check_language",
    "contracted",
    "current",
    "in_language",
    "items_in_language",
    "labelled",
    "speak",
    "speaking",
    "untranslated",
    "using",
]

#: The six official languages of the UN, as each names itself (the app's choice shows these).
LANGUAGES = {"en": "English", "fr": "Français", "es": "Español", "ru": "Русский",
             "ar": "العربية", "zh": "中文"}
#: Languages written right to left.
RIGHT_TO_LEFT = frozenset({"ar"})
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
#: How organiser text without a translation is marked: visibly, and the same in every
#: language, so a reader sees at once what is still to be translated.
UNTRANSLATED = "[EN] "

#: The gettext domain of the app's own words (`app.po` beside each `planner.po`): the app
#: speaks the organiser's language while the documents keep their own language choice.
APP_DOMAIN = "app"

_current: ContextVar[str] = ContextVar("planner_language", default="en")
_app: ContextVar[str] = ContextVar("planner_app_language", default="en")


def check_language(code: str) -> str:
    """The code itself if it is one of the six UN languages, else a one-line error."""
    if code not in LANGUAGES:
        raise PlannerError(f"unknown language '{code}' (known: {', '.join(LANGUAGES)})")
    return code


def current() -> str:
    """The language being written in (`en` unless inside `using`)."""
    return _current.get()


@contextmanager
def using(code: str) -> Iterator[str]:
    """Write in `code` inside the block (per thread and task: the app renders in several)."""
    token = _current.set(check_language(code))
    try:
        yield code
    finally:
        _current.reset(token)


@cache
def catalogue(code: str, domain: str = "planner") -> Any:
    """The compiled catalogue of a language (`babel.support.Translations`): the documents'
    wording (`planner`) or the app's (`app`)."""
    from babel.messages.mofile import write_mo  # noqa: PLC0415 -- only off English
    from babel.messages.pofile import read_po  # noqa: PLC0415
    from babel.support import Translations  # noqa: PLC0415

    path = LOCALE_DIR / code / "LC_MESSAGES" / f"{domain}.po"
    with path.open("rb") as po:
        messages = read_po(po, locale=code)
    compiled = io.BytesIO()
    write_mo(compiled, messages, use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled, domain=domain)


def _(message: str) -> str:
    """`message` in the current language (the English itself where none is written)."""
    code = _current.get()
    if code == "en":
        return message
    return str(catalogue(code).gettext(message))


def N_(message: str) -> str:
    """Mark a message for the catalogues where it is translated later (tables of labels)."""
    return message


def labelled(label: str, text: str) -> str:
    """`Label: text`, with the colon as the language writes it (`Label : text` in French)."""
    return text and (f"{label}: {text}" if _current.get() == "en"
                     else _("{label}: {text}").format(label=label, text=text))


#: Around English text in a right-to-left document: a left-to-right embedding, so that its
#: mark, brackets and stops stay where an English reader expects them (Unicode's bidi
#: algorithm would otherwise move "[EN]" and a closing bracket to the other end).
_LTR_EMBEDDING = ("\u202a", "\u202c")


def untranslated(text: str) -> str:
    """Organiser text that has no translation, marked as such off English."""
    code = _current.get()
    if code == "en" or not text:
        return text
    if code in RIGHT_TO_LEFT:
        return f"{_LTR_EMBEDDING[0]}{UNTRANSLATED}{text}{_LTR_EMBEDDING[1]}"
    return UNTRANSLATED + text


def in_language(record: Any, field: str) -> str:
    """An organiser-written field in the current language: their translation where given,
    else the English marked `[EN]` (empty stays empty)."""
    text: str | None = getattr(record, field)
    code = _current.get()
    if code == "en" or not text:
        return text or ""
    given = getattr(record, "translations", {}).get(code, {}).get(field)
    return given if isinstance(given, str) and given else untranslated(text)


def items_in_language(record: Any, field: str) -> list[str]:
    """A list field organisers wrote, item by item in the current language: their
    translation of each item where given, else the English item marked `[EN]`."""
    items: list[str] = list(getattr(record, field))
    code = _current.get()
    if code == "en":
        return items
    given = getattr(record, "translations", {}).get(code, {}).get(field)
    given = given if isinstance(given, list) else []
    return [given[i] if i < len(given) and given[i] else untranslated(item)
            for i, item in enumerate(items)]


#: French contractions a sentence put together from parts needs: "au nom de" + "le
#: Gouvernement" is "au nom du Gouvernement", never "de le".
_CONTRACTIONS = {"fr": ((" de le ", " du "), (" de les ", " des "), (" à le ", " au "),
                        (" à les ", " aux "))}


def contracted(text: str) -> str:
    """A sentence assembled from parts, with the contractions the language requires.

    Examples
    --------
    >>> with using("fr"):
    ...     contracted("Au nom de le Gouvernement (Kenya), nous invitons à les réunions")
    'Au nom du Gouvernement (Kenya), nous invitons aux réunions'
    >>> contracted("in the name of the Government")
    'in the name of the Government'
    """
    for written, said in _CONTRACTIONS.get(_current.get(), ()):
        text = text.replace(written, said)
    return text


@cache
def app_languages() -> list[str]:
    """The languages the app can speak: English and those with an app catalogue."""
    return ["en", *(code for code in LANGUAGES if code != "en"
                    and (LOCALE_DIR / code / "LC_MESSAGES" / f"{APP_DOMAIN}.po").exists())]


def app_language() -> str:
    """The language the app speaks to the organiser (`en` unless inside `speaking`)."""
    return _app.get()


@contextmanager
def speaking(code: str) -> Iterator[str]:
    """The app speaks `code` inside the block (the documents' language is left alone)."""
    token = _app.set(code if code in app_languages() else "en")
    try:
        yield _app.get()
    finally:
        _app.reset(token)


def speak(code: str) -> str:
    """The app speaks `code` from now on in this thread: a Streamlit run is one thread, so
    the navigation and the page drawn in it follow. Each run says again which language it
    speaks, first thing; a callback runs before that, so none of them words anything."""
    _app.set(code if code in app_languages() else "en")
    return _app.get()


def app_text(message: Any) -> Any:
    """`message` (a sentence, or a table of them) in the app's language; English untouched."""
    code = _app.get()
    if code == "en":
        return message
    if isinstance(message, dict):
        return {name: app_text(text) for name, text in message.items()}
    if not isinstance(message, str) or not message:
        return message
    return str(catalogue(code, APP_DOMAIN).gettext(message))
