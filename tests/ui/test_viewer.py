"""What a viewer sees with sign-in configured: every page of an event with no control that
changes the record, a note saying why, and only the public documents, whose files name no
contact; an editor, on the same pages, has the controls (so that the check finds them)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from typing import Any

import docx  # type: ignore[import-untyped]
import pytest
from streamlit.testing.v1 import AppTest

from planner.documents import DOCUMENT_KINDS
from planner.library import Library, history
from planner.library.access import ACCESS_FILE
from planner.library.synthetic import make_synthetic_event
from planner.ui import PAGES, phrases, signin, widgets
from planner.ui.keys import KEYS, key
from tests.library.history_support import isolate_git
from tests.ui.test_pages import page_app
from tests.ui.test_signin import as_user, editors

pytestmark = pytest.mark.e2e

NEW, SHIPPED, PEOPLE = "nairobi-2027", "dar-es-salaam-2010", "synthetic-12-0"
ACCESS = """\
people:
  owner@unhcr.org: owner
  "@iom.int": editor
  viewer@example.org: viewer
"""
VIEWER, EDITOR = "viewer@example.org", "omar@iom.int"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")

#: Widgets that only change what the page shows (which event, filters, a chart's grouping,
#: the options of a document to download): a viewer may use them; none saves.
VIEW_WIDGETS = (
    "sign-out", "event-picker-", KEYS["filter_kind"], KEYS["filter_region"],
    KEYS["filter_year"], KEYS["filter_point"], KEYS["compare_left"], KEYS["compare_right"],
    KEYS["balance_scope"], KEYS["groups_dimension"], KEYS["groups_person"],
    KEYS["document_group"], KEYS["document_language"], KEYS["document_as_of"],
    KEYS["follow_up_as_of"], "history-older", "history-newer", "network-")
#: The kinds of element through which a person changes something.
WIDGET_KINDS = ("button", "form_submit_button", "checkbox", "toggle", "text_input",
                "text_area", "number_input", "multiselect", "radio", "selectbox",
                "select_slider", "slider", "date_input", "time_input", "datetime_input",
                "color_picker", "chat_input", "file_uploader", "pills", "segmented_control",
                "feedback", "audio_input", "camera_input")


@pytest.fixture
def shared(planned: Library, monkeypatch: pytest.MonkeyPatch) -> Library:
    """The shipped library with `nairobi-2027` (made from a template, with future dates) and
    an event with people and their contact details, kept in git, with sign-in configured."""
    isolate_git(monkeypatch)
    people = make_synthetic_event(participants=12, groups=4, rounds=2,
                                  registry=planned.registry)
    # Contact details to keep from a viewer, and a place in a group of each round.
    contacts = [p.model_copy(update={"email": f"{p.id}@example.org",
                                     "phone": f"+254 700 000 {n:03}",
                                     "working_groups": [f"wg-{1 + n % 2}", f"wg-{3 + n % 2}"]})
                for n, p in enumerate(people.participants)]
    planned.create(people.model_copy(update={"participants": contacts}))
    history.init_repository(planned.path, "Library started")
    # Two saves, so that the History page would offer to restore the older one.
    nairobi = planned.load(NEW)
    planned.save(nairobi.model_copy(update={"venue": "UN Gigiri"}))
    (planned.path / ACCESS_FILE).write_text(ACCESS, encoding="utf-8")
    monkeypatch.setattr(signin, "auth_configured", lambda: True)
    return Library(planned.path)


def opened(url_path: str, library: Library, event_id: str) -> AppTest:
    app = page_app(url_path, library)
    app.session_state[KEYS["event"]] = event_id
    return app.run()


def widgets_of(app: AppTest) -> list[Any]:
    """Every input of the page, a data editor counted as one."""
    found: list[Any] = [*editors(app)]
    for kind in WIDGET_KINDS:
        found.extend(app.get(kind))
    return found


def _key(widget: Any) -> str:
    # A widget keyed by the page has its key; an element without one, its id.
    return str(getattr(widget, "key", None) or widget.proto.id)


def edit_controls(app: AppTest) -> list[str]:
    """The inputs of the page that are not only a choice of what to look at."""
    return [f"{type(w).__name__}:{_key(w)}" for w in widgets_of(app)
            if not _key(w).startswith(VIEW_WIDGETS)]


@pytest.mark.parametrize("event_id", [NEW, SHIPPED, PEOPLE])
@pytest.mark.parametrize("url_path", [p.url_path for p in PAGES])
def test_a_viewer_opens_every_page_and_finds_no_edit_control(
        shared: Library, monkeypatch: pytest.MonkeyPatch, url_path: str,
        event_id: str) -> None:
    as_user(monkeypatch, VIEWER)
    app = opened(url_path, shared, event_id)
    assert (list(app.exception), [e.value for e in app.error], edit_controls(app)) == (
        [], [], [])


#: The pages with edit controls for an editor, each on an event that has something to edit
#: there (a plan to follow up, two revisions to restore one of).
EDITED = [*((page, PEOPLE) for page in (
    "event", "concept-note", "participants", "working-groups", "programme", "documents",
    "recommendations", "action-plan", "new-event", "library")), ("follow-up", SHIPPED),
    ("history", NEW)]


@pytest.mark.parametrize(("url_path", "event_id"), EDITED)
def test_an_editor_has_the_controls_a_viewer_is_told_about(
        shared: Library, monkeypatch: pytest.MonkeyPatch, url_path: str,
        event_id: str) -> None:
    as_user(monkeypatch, EDITOR)
    editing = opened(url_path, shared, event_id)
    as_user(monkeypatch, VIEWER)
    viewing = opened(url_path, shared, event_id)
    note = (phrases.LIBRARY_VIEWER_NOTE if url_path in ("new-event", "library") else
            phrases.VIEWER_NOTE)
    shown = [i.value for i in viewing.info] + [c.value for c in viewing.caption]
    assert (bool(edit_controls(editing)), note in shown) == (True, True)
    assert note not in [i.value for i in editing.info] + [c.value for c in editing.caption]


def test_the_page_s_save_and_the_domain_refuse_a_viewer(
        shared: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    as_user(monkeypatch, VIEWER)
    app = AppTest.from_string(
        "from planner.ui import forms, state\n"
        f"event = state.library().load('{NEW}')\n"
        "forms.save_event(event.model_copy(update={'venue': 'Elsewhere'}), message='saved')\n",
        default_timeout=30)
    app.session_state[KEYS["library_path"]] = str(shared.path)
    app.run()
    refusal = (f"{VIEWER} is a viewer of '{NEW}' and cannot save; ask an owner for the "
               "editor role")
    assert ([e.value for e in app.error], shared.load(NEW).venue) == ([refusal], "UN Gigiri")


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Callable[[], bytes]]]:
    """The files the pages offer, by file name, with what makes each when it is clicked."""
    offered: dict[str, Callable[[], bytes]] = {}
    real = widgets.download

    def recording(label: str, data: Callable[[], bytes], *, file_name: str,
                  key: str) -> None:
        offered[file_name] = data
        real(label, data, file_name=file_name, key=key)

    monkeypatch.setattr(widgets, "download", recording)
    yield offered


def _text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_a_viewer_downloads_the_public_documents_and_no_contact(
        shared: Library, monkeypatch: pytest.MonkeyPatch,
        downloads: dict[str, Callable[[], bytes]]) -> None:
    as_user(monkeypatch, VIEWER)
    app = opened("documents", shared, PEOPLE)
    docx_files = sorted(name for name in downloads if name.endswith(".docx"))
    public = [k for k, entry in DOCUMENT_KINDS.items() if not entry.personal]
    assert (list(app.exception), docx_files) == (
        [], sorted(f"{PEOPLE}-{kind}.docx" for kind in public))
    assert {"participant-list", "programme", "concept-note"} <= set(public)
    assert "badges" not in public  # everyone coming, whatever their consent
    event = shared.load(PEOPLE)
    listed = {p.name for p in event.participants if p.consent_to_publish}
    unlisted = {p.name for p in event.participants if not p.consent_to_publish} - listed
    texts = {name: _text(downloads[name]()) for name in docx_files}
    people = texts[f"{PEOPLE}-participant-list.docx"]
    assert [name for name, text in texts.items() if EMAIL.search(text) or "+254" in text] == []
    assert (all(n in people for n in listed), [n for n in unlisted if n in people]) == (True, [])
    groups = texts[f"{PEOPLE}-working-groups.docx"]
    assert (all(n in groups for n in listed), [n for n in unlisted if n in groups]) == (True, [])
    assert unlisted  # the event has people a viewer must not read of


def test_an_editor_downloads_the_lists_with_contacts_and_everyone(
        shared: Library, monkeypatch: pytest.MonkeyPatch,
        downloads: dict[str, Callable[[], bytes]]) -> None:
    # The same page and the same check find the addresses where they are meant to be.
    as_user(monkeypatch, EDITOR)
    app = opened("documents", shared, PEOPLE)
    text = _text(downloads[f"{PEOPLE}-participant-list.docx"]())
    groups = _text(downloads[f"{PEOPLE}-working-groups.docx"]())
    event = shared.load(PEOPLE)
    assert (list(app.exception), f"{PEOPLE}-badges.docx" in downloads) == ([], True)
    assert all(p.name in groups for p in event.participants)
    assert sorted(EMAIL.findall(text)) == sorted(str(p.email) for p in event.participants
                                                 if p.status.value not in ("declined",
                                                                           "cancelled"))


def test_a_viewer_s_participant_lists_name_no_contact(
        shared: Library, monkeypatch: pytest.MonkeyPatch,
        downloads: dict[str, Callable[[], bytes]]) -> None:
    as_user(monkeypatch, VIEWER)
    app = opened("participants", shared, PEOPLE)
    offered = sorted(name for name in downloads if not name.endswith(".pdf"))
    assert (list(app.exception), offered) == ([], sorted(
        f"{PEOPLE}-participants-public.{fmt}" for fmt in ("csv", "docx", "xlsx")))
    csv = downloads[f"{PEOPLE}-participants-public.csv"]().decode("utf-8")
    assert (EMAIL.findall(csv), EMAIL.findall(_text(
        downloads[f"{PEOPLE}-participants-public.docx"]()))) == ([], [])
    assert app.dataframe[0].value.shape[0] == len(csv.strip().splitlines()) - 1


def test_an_owner_s_grant_opens_the_edit_controls(
        shared: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    as_user(monkeypatch, VIEWER)
    assert edit_controls(opened("concept-note", shared, NEW)) == []
    as_user(monkeypatch, "owner@unhcr.org")
    app = opened("history", shared, NEW)
    app.text_input(key="grant-who").input(VIEWER)
    app.selectbox(key="grant-role-choice").set_value("editor")
    next(b for b in app.button if b.label == phrases.ACCESS_GRANT).click().run()
    assert (list(app.exception), [e.value for e in app.error]) == ([], [])
    assert phrases.ACCESS_GRANTED.format(who=VIEWER, role="editor", where=NEW) in [
        s.value for s in app.success]
    assert f"  {NEW}:\n    {VIEWER}: editor" in app.code[0].value  # the file, as it is now
    as_user(monkeypatch, VIEWER)
    app = opened("concept-note", shared, NEW)
    app.text_area(key=key("note_text", NEW, 0)).input("Typed by the new editor.").run()
    app.button(key=key("note_save", NEW)).click().run()
    assert (list(app.exception), [e.value for e in app.error]) == ([], [])
    assert shared.load(NEW).concept_note.sections[0].text == "Typed by the new editor."
    latest = history.revisions(shared.path, shared.event_path(NEW))[0]
    assert (latest.author, latest.email) == ("Viewer", VIEWER)  # their name, as signed in


def test_a_viewer_s_working_groups_page_names_only_who_consented(
        shared: Library, monkeypatch: pytest.MonkeyPatch,
        downloads: dict[str, Callable[[], bytes]]) -> None:
    as_user(monkeypatch, VIEWER)
    app = opened("working-groups", shared, PEOPLE)
    event = shared.load(PEOPLE)
    unlisted = {p.name for p in event.participants if not p.consent_to_publish}
    people = app.selectbox(key=key("groups_person", PEOPLE))
    groups = _text(downloads[f"{PEOPLE}-working-groups.docx"]())
    assert (list(app.exception), sorted(people.options)) == ([], sorted(
        p.name for p in event.participants if p.consent_to_publish))
    assert ([n for n in unlisted if n in groups], phrases.GROUPS_PREFERENCES in [
        s.value for s in app.subheader]) == ([], False)
