"""What the pages share: the chosen library and event, cached by the state of their files."""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import streamlit as st

from planner.dates import format_date_range
from planner.errors import PlannerError, Problem, ValidationFailed
from planner.language import LANGUAGES, app_language, app_languages, speak, using
from planner.library import DEFAULT_LIBRARY, INITIATIVES_FILE, REGISTRY_FILE, Library
from planner.model import Event
from planner.ui import phrases
from planner.ui.keys import KEYS, key  # here too: pages take them with the state

__all__ = [
    "FLASH",
    "KEYS",
    "RUN",
    "UNSAVED",
    "configured_libraries",
    "current_event",
    "describe_place",
    "events",
    "find_event",
    "held_events",
    "key",
    "language_choice",
    "library",
    "open_page",
    "page_link",
    "remember_pages",
    "select_event",
    "sidebar",
    "speak_chosen_language",
    "worded",
]

#: Session key of a message shown once at the top of the next run.
FLASH = "flash"
#: Session key of the forms with unsaved edits: form → what the sidebar calls it.
UNSAVED = "unsaved-forms"
#: Session key counting the app's runs, so a form knows when the organiser comes back to it.
RUN = "run-number"
_PICKER = "event-picker-version"
_ASKED = "event-asked-in-link"
_PAGES = "app-pages"
_T = TypeVar("_T")

def _signature(folder: Path, pattern: str = "*.yaml") -> tuple[tuple[str, int, int], ...]:
    # A file edited or added since the last run invalidates the cache.
    return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size)
                        for p in folder.glob(pattern)))


@st.cache_resource(show_spinner=False, max_entries=4)
def _library(folder: str, signature: tuple[object, ...]) -> Library:
    # One Library per state of the registry and initiatives: they load once, not per rerun.
    return Library(Path(folder))


@lru_cache(maxsize=1024)  # a plain cache: Streamlit's hashes its arguments, ten per read
def _event_file(folder: str, event_id: str, state: tuple[int, int],
                stamp: tuple[object, ...]) -> Event:
    # One entry per state of one file (and of the registry it is checked against): after
    # a save, the next rerun reads that one file again, not the whole library. The events
    # are shared, not copied on every rerun: pages never change an event in place (every
    # domain function they call returns a changed copy).
    return _library(folder, stamp).load(event_id)


def _events(folder: str) -> list[Event]:
    stamp = _stamp(Path(folder))
    library = _library(folder, stamp)
    found: list[Event] = []
    problems: list[Problem] = []
    for event_id in library.event_ids():
        file = library.event_path(event_id).stat()
        try:
            found.append(_event_file(folder, event_id, (file.st_mtime_ns, file.st_size),
                                     stamp))
        except ValidationFailed as failure:  # every file's problems, as a load says them
            problems.extend(failure.problems)
    if problems:
        raise ValidationFailed(problems)
    return found


def _stamp(folder: Path) -> tuple[object, ...]:
    return (*_signature(folder, REGISTRY_FILE), *_signature(folder, INITIATIVES_FILE))


def configured_libraries(argv: Sequence[str] | None = None,
                         environ: Mapping[str, str] | None = None) -> list[str]:
    """The library folders this app may open, as whoever started it configured them:
    `streamlit run streamlit_app.py -- --library DIR` (repeatable), else
    `$PLANNER_LIBRARY` (several separated by the path separator), else the shipped one.

    On a shared server nobody can type another folder of the machine into the page.

    Examples
    --------
    >>> configured_libraries(["--library", "/srv/a", "--library=/srv/b"], {})
    ['/srv/a', '/srv/b']
    >>> configured_libraries([], {"PLANNER_LIBRARY": "/srv/a:/srv/c"})
    ['/srv/a', '/srv/c']
    """
    argv = sys.argv[1:] if argv is None else argv
    environ = os.environ if environ is None else environ
    given = [value for flag, value in itertools.pairwise(argv) if flag == "--library"]
    given += [arg.split("=", 1)[1] for arg in argv if arg.startswith("--library=")]
    if given:
        return given
    listed = [part for part in environ.get("PLANNER_LIBRARY", "").split(os.pathsep) if part]
    return listed or [str(DEFAULT_LIBRARY)]


def _default_folder() -> str:
    return configured_libraries()[0]


def library() -> Library:
    """The library folder chosen in the sidebar (its registry loaded once per file state)."""
    folder = Path(st.session_state.get(KEYS["library_path"], _default_folder()))
    return _library(str(folder), _stamp(folder))


_LAST_GOOD = "library-last-good"


class _Reading(NamedTuple):
    events: list[Event] | None
    refusal: str | None = None
    """Why the library cannot be opened at all: no such folder, a link out of it."""
    problems: str | None = None
    """What is wrong with its files, one per line."""
    stale: bool = False
    """The events are the last good reading: a file was hand-edited into a broken state
    while a page was open, and the page (with what the organiser typed) stays on screen."""


def _loaded() -> _Reading:
    # Said once per page, by `events`; the sidebar and lookups read silently.
    folder = str(library().path)
    try:
        found = _events(folder)
    except ValidationFailed as failure:
        problems = "\n".join(str(p) for p in failure.problems)
        kept = st.session_state.get(_LAST_GOOD)
        if kept is not None and kept[0] == folder:
            return _Reading(kept[1], problems=problems, stale=True)
        return _Reading(None, problems=problems)
    except PlannerError as err:
        return _Reading(None, refusal=str(err))
    st.session_state[_LAST_GOOD] = (folder, found)
    return _Reading(found)


def held_events() -> list[Event]:
    """The events as the app holds them, saying nothing (`events` says what is wrong)."""
    return _loaded().events or []


def events() -> list[Event] | None:
    """Every event of the chosen library, or None after showing its problems. When a file
    broke on disk after the page opened: the last good reading, with a warning; a save
    then refuses to write over the broken file, and the page keeps the edits."""
    reading = _loaded()
    if reading.refusal is not None:
        st.error(reading.refusal)
    elif reading.problems is not None:
        if reading.stale:
            st.warning(phrases.CHANGED_ON_DISK)
        else:
            st.error(phrases.LIBRARY_PROBLEMS)
        st.code(reading.problems, language=None)
    return reading.events


def current_event() -> Event | None:
    """The event chosen in the sidebar, or None when the library has none."""
    found = events() or []
    return find_event(st.session_state.get(KEYS["event"])) or next(iter(found), None)


def open_page(title: str, *, intro: str | None = None) -> Event | None:
    """Title a page of the current event and name the event under it (with `intro`);
    None, said on the page, when the library holds no event."""
    st.title(title)
    event = current_event()
    if event is None:
        st.info(phrases.NO_EVENT)
        return None
    st.subheader(event.title, anchor=False)
    st.caption(f"{describe_place(event)}. {intro}" if intro else describe_place(event))
    return event


def describe_place(event: Event) -> str:
    """Where and when, as a page header says it: `Nairobi, 6–7 September 2027`."""
    return f"{event.city}, {worded(format_date_range, event.start, event.end)}"


def find_event(event_id: str | None) -> Event | None:
    """An event of the chosen library by id, from the cache; None when there is none."""
    return next((e for e in _loaded().events or [] if e.id == event_id), None)


def select_event(event_id: str, message: str) -> None:
    """Make `event_id` the current event and rerun, showing `message` once.

    The sidebar's selectbox is already drawn when a page acts, so the choice
    shows on the rerun.
    """
    st.session_state[KEYS["event"]] = event_id
    # A new widget key makes the browser drop the selectbox's old choice.
    st.session_state[_PICKER] = st.session_state.get(_PICKER, 0) + 1
    st.session_state[FLASH] = message
    st.rerun()


def remember_pages(pages: Mapping[str, Any]) -> None:
    """Keep the app's pages by url path, so that a page can link to another."""
    st.session_state[_PAGES] = dict(pages)


def page_link(url_path: str, label: str, *, icon: str | None = None) -> None:
    """A link to another page of the app (plain text where the app's navigation is not
    running, as in a test of one page)."""
    page = st.session_state.get(_PAGES, {}).get(url_path)
    if page is None:
        st.markdown(f"**{label}**")
    else:
        st.page_link(page, label=label, icon=icon)


def speak_chosen_language() -> str:
    """Speak, for this run, the language the organiser chose (kept in the session and in the
    address, `?lang=fr`, so a reload or a bookmark keeps it); English unless chosen."""
    asked = st.query_params.get("lang")
    if KEYS["app_language"] not in st.session_state and asked in app_languages():
        st.session_state[KEYS["app_language"]] = asked
    return speak(st.session_state.get(KEYS["app_language"], "en"))


def worded(make: Callable[..., _T], *args: Any) -> _T:
    """What `make(*args)` words as a document would (a preview of the concept note), in the
    language the app speaks: a French-speaking organiser previews the French note."""
    with using(app_language()):
        return make(*args)


def language_choice() -> None:
    """The organiser's language of the app, under the rest of the sidebar."""
    spoken = app_languages()
    if len(spoken) < 2:  # nothing to choose between
        return
    # No `index`: the session (or the address, read before the pages) holds the choice.
    chosen = st.sidebar.selectbox(phrases.APP_LANGUAGE, spoken, key=KEYS["app_language"],
                                  format_func=LANGUAGES.__getitem__)
    # English is the default: its address stays as it was, without a parameter.
    if chosen == "en":
        st.query_params.pop("lang", None)
    elif st.query_params.get("lang") != chosen:
        st.query_params["lang"] = chosen


def sidebar() -> None:
    """The library folder and the current event, on every page; the event is also in the
    address (`?event=…`), so a refresh, a bookmark or a link opens the same event."""
    st.session_state[RUN] = st.session_state.get(RUN, 0) + 1
    if FLASH in st.session_state:
        st.success(st.session_state.pop(FLASH))
    folders = configured_libraries()
    if len(folders) > 1:
        st.sidebar.selectbox(phrases.LIBRARY_FOLDER, folders, key=KEYS["library_path"])
    else:
        st.sidebar.caption(f"{phrases.LIBRARY_FOLDER}: `{library().path}`")
    ids = [e.id for e in _loaded().events or []]
    if not ids:
        return
    asked = st.query_params.get("event")
    if asked in ids and st.session_state.get(_ASKED) != asked:
        # A link such as `/concept-note?event=dakar-2008` opens that event once; after that
        # the address follows the sidebar.
        st.session_state[_ASKED] = asked
        st.session_state[KEYS["event"]] = asked
        st.session_state[_PICKER] = st.session_state.get(_PICKER, 0) + 1
    current = st.session_state.get(KEYS["event"])
    chosen = st.sidebar.selectbox(phrases.CURRENT_EVENT, ids,
                                  index=ids.index(current) if current in ids else 0,
                                  key=f"event-picker-{st.session_state.get(_PICKER, 0)}")
    st.session_state[KEYS["event"]] = chosen
    # Switching pages clears the address's parameters (Streamlit 1.30+): set it on every run.
    st.session_state[_ASKED] = chosen
    if st.query_params.get("event") != chosen:
        st.query_params["event"] = chosen
    event = find_event(chosen)
    if event is not None:
        st.sidebar.markdown(f"**{event.title}**  \n{describe_place(event)}")
    unsaved = list(st.session_state.get(UNSAVED, {}).values())
    if unsaved:
        st.sidebar.warning(phrases.UNSAVED_ELSEWHERE.format(forms="; ".join(unsaved)))
