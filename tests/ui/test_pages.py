"""Every page of the app runs against a library and shows what it should."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from planner.documents import KINDS
from planner.library import Library
from planner.library.synthetic import make_synthetic_event
from planner.model import ConceptNote, FollowUpStatus
from planner.people.importing import import_participants
from planner.ui import PAGES, phrases
from planner.ui.state import KEYS, key

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]


def page_app(url_path: str, library: Library | None = None) -> AppTest:
    index = [p.url_path for p in PAGES].index(url_path)
    app = AppTest.from_string(f"from planner.ui import PAGES\nPAGES[{index}].render()\n",
                              default_timeout=30)
    if library is not None:
        app.session_state[KEYS["library_path"]] = str(library.path)
    return app


@pytest.mark.parametrize("url_path", [p.url_path for p in PAGES])
def test_page_renders_on_shipped_library(url_path: str) -> None:
    app = page_app(url_path).run()
    assert (list(app.exception), bool(app.title[0].value)) == ([], True)


def test_app_router_starts_on_library_page_with_sidebar() -> None:
    app = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30).run()
    assert (list(app.exception), app.title[0].value) == ([], "Library of past events")
    assert "dar-es-salaam-2010" in app.sidebar.selectbox[0].options


def test_library_page_lists_every_event(small_library: Library) -> None:
    app = page_app("library", small_library).run()
    assert list(app.dataframe[0].value["id"]) == small_library.event_ids()


def test_library_page_sees_a_file_added_since_last_run(small_library: Library,
                                                       make_event) -> None:
    app = page_app("library", small_library).run()
    small_library.create(make_event(id="added-2011"))
    app.run()
    assert list(app.dataframe[0].value["id"]) == ["added-2011", "test-2010"]


def test_library_page_filters_by_kind() -> None:
    app = page_app("library").run()
    app.selectbox(key=KEYS["filter_kind"]).set_value("expert-roundtable").run()
    ids = list(app.dataframe[0].value["id"])
    assert ids == ["geneva-2008-borders", "geneva-2009-return", "tunis-2009-profiling"]


def test_library_page_compares_two_events() -> None:
    app = page_app("library").run()
    app.selectbox(key=KEYS["compare_left"]).set_value("sanaa-2008")
    app.selectbox(key=KEYS["compare_right"]).set_value("almaty-2011").run()
    text = " ".join(m.value for m in app.markdown)
    assert ("Sana'a, 19–20 May 2008" in text, "Almaty, 15–16 March 2011" in text) == (True, True)


def test_library_page_shows_problems_of_broken_library(small_library: Library) -> None:
    path = small_library.event_path("test-2010")
    path.write_text(path.read_text(encoding="utf-8").replace("day: 2", "day: two"),
                    encoding="utf-8")
    app = page_app("library", small_library).run()
    assert "sessions.1.day: Input should be a valid integer" in app.code[0].value


def test_new_event_wizard_previews_then_creates(small_library: Library) -> None:
    app = page_app("new-event", small_library).run()
    app.text_input(key=KEYS["new_id"]).input("next-2026")
    app.text_input(key=KEYS["new_title"]).input("Next Conference")
    app.date_input(key=KEYS["new_start"]).set_value(dt.date(2026, 3, 9)).run()
    preview = app.markdown[0].value
    assert preview.startswith("- Next Conference — Sana'a, 9–10 March 2026")
    app.button(key=KEYS["new_create"]).click().run()
    created = small_library.load("next-2026")
    assert (created.title, str(created.start), app.session_state[KEYS["event"]]) == (
        "Next Conference", "2026-03-09", "next-2026")


def test_new_event_wizard_takes_new_template_values() -> None:
    app = page_app("new-event").run()
    app.selectbox(key=KEYS["new_template"]).set_value("manila-2010").run()
    fields = (app.text_input(key=KEYS["new_city"]).value,
              app.text_input(key=KEYS["new_timezone"]).value,
              app.selectbox(key=KEYS["new_country"]).value)
    assert fields == ("Manila", "Asia/Manila", "philippines")


def test_new_event_wizard_refuses_existing_id(small_library: Library) -> None:
    app = page_app("new-event", small_library).run()
    app.text_input(key=KEYS["new_id"]).input("test-2010").run()
    app.button(key=KEYS["new_create"]).click().run()
    assert app.error[0].value.endswith("already exists; choose another id")


# --- pages of the current event --------------------------------------------------------

REGISTRATIONS = Path(__file__).with_name("registrations.csv")
DAR = "dar-es-salaam-2010"


def event_app(url_path: str, library: Library | None, event_id: str = DAR) -> AppTest:
    app = page_app(url_path, library)
    app.session_state[KEYS["event"]] = event_id
    return app.run()


def test_concept_note_preview_follows_the_typed_text() -> None:
    app = event_app("concept-note", None)
    app.text_area(key=key("note_items", DAR, 3)).input("Map the mixed flows.\nTrain.").run()
    preview = [m.value for m in app.markdown]
    objectives = preview.index("### 2. Objectives of the Conference") + 1
    assert "\n\n1. Map the mixed flows.\n1. Train.\n\n" in preview[objectives]
    # A section the record leaves unnumbered shows no stray number.
    assert "### Conference methodology/status of discussions and outcomes" in preview


def test_concept_note_shows_where_generated_parts_come_from() -> None:
    app = event_app("concept-note", None)
    captions = [c.value for c in app.caption]
    assert "From the event's `start` (2010-09-06) and `end` (2010-09-07)." in captions


def test_concept_note_saves_the_edited_section(shipped_copy: Library) -> None:
    app = event_app("concept-note", shipped_copy)
    app.text_area(key=key("note_text", DAR, 0)).input("A new introduction.").run()
    app.button(key=key("note_save", DAR)).click().run()
    saved = shipped_copy.load(DAR)
    assert (saved.concept_note.sections[0].text, saved.revision, app.success[0].value) == (
        "A new introduction.", 2, f"Saved {shipped_copy.event_path(DAR)} (revision 2).")


def test_concept_note_refuses_a_stale_save_and_keeps_the_edit(shipped_copy: Library) -> None:
    app = event_app("concept-note", shipped_copy)
    app.text_area(key=key("note_text", DAR, 0)).input("My introduction.").run()
    other = shipped_copy.load(DAR)
    shipped_copy.save(other.model_copy(update={"title": "Saved in another tab"}))
    app.button(key=key("note_save", DAR)).click().run()
    on_disk = shipped_copy.load(DAR)
    assert "was saved by someone else since you opened it" in app.error[0].value
    assert (app.text_area(key=key("note_text", DAR, 0)).value, on_disk.title,
            on_disk.concept_note.sections[0].text == "My introduction.") == (
        "My introduction.", "Saved in another tab", False)


def test_a_file_broken_on_disk_keeps_the_page_and_the_edit(shipped_copy: Library) -> None:
    app = event_app("concept-note", shipped_copy)
    app.text_area(key=key("note_text", DAR, 0)).input("My introduction.").run()
    path = shipped_copy.event_path(DAR)
    before = path.read_text(encoding="utf-8")
    hand_edited = before.replace("title:", "title: [unclosed", 1)
    path.write_text(hand_edited, encoding="utf-8")

    app.button(key=key("note_save", DAR)).click().run()
    broken = (list(app.exception), app.warning[0].value, app.error[0].value,
              path.read_text(encoding="utf-8"))
    path.write_text(before, encoding="utf-8")  # the colleague undoes the hand edit
    app.run()
    app.button(key=key("note_save", DAR)).click().run()

    assert broken[:2] == ([], phrases.CHANGED_ON_DISK)
    assert broken[2].startswith(f"{path}: this event was changed on disk and no longer reads "
                                "(while parsing a flow sequence"), broken[2]
    assert broken[2].endswith(f"fix the file, or reload it, then save. {phrases.CONFLICT_KEPT}")
    assert broken[3] == hand_edited  # nothing written over the colleague's edit
    assert shipped_copy.load(DAR).concept_note.sections[0].text == "My introduction."


def test_concept_note_untouched_form_follows_another_save(shipped_copy: Library) -> None:
    app = event_app("concept-note", shipped_copy)
    other = shipped_copy.load(DAR)
    sections = [s.model_copy(update={"text": "Theirs."}) if i == 0 else s
                for i, s in enumerate(other.concept_note.sections)]
    shipped_copy.save(other.model_copy(update={"concept_note": ConceptNote(sections=sections)}))
    app.run()
    assert (app.text_area(key=key("note_text", DAR, 0)).value, list(app.warning)) == (
        "Theirs.", [])


def _upload(app: AppTest, data: bytes, name: str = "registrations.csv") -> AppTest:
    app.file_uploader(key=key("upload", DAR, 0)).upload(name, data, "text/csv")
    return app.run()


def test_participants_import_reports_every_row_before_saving(shipped_copy: Library) -> None:
    app = _upload(event_app("participants", shipped_copy), REGISTRATIONS.read_bytes())
    report = app.dataframe[1].value
    assert (list(report["outcome"]), shipped_copy.load(DAR).participants) == (
        ["imported"] * 6 + ["rejected", "merged"], [])


def test_participants_import_saves_into_the_event(shipped_copy: Library) -> None:
    app = _upload(event_app("participants", shipped_copy), REGISTRATIONS.read_bytes())
    app.button(key=key("upload_save", DAR)).click().run()
    saved = shipped_copy.load(DAR)
    assert ([p.id for p in saved.participants][:2], len(saved.participants),
            [d.organisation for d in saved.delegations]) == (
        ["amina-hassan", "peter-otieno"], 6, ["kenya", "tanzania", "unhcr", "drc"])


def test_participants_import_reads_a_remapped_column(shipped_copy: Library) -> None:
    app = _upload(event_app("participants", shipped_copy), REGISTRATIONS.read_bytes())
    app.session_state[key("upload_mapping", DAR, 0)] = {
        "edited_rows": {7: {"field": "notes"}}, "added_rows": [], "deleted_rows": []}
    app.run()
    app.button(key=key("upload_save", DAR)).click().run()
    assert shipped_copy.load(DAR).participants[0].notes == "Ministry"


def test_participants_bad_upload_shows_its_error_and_changes_nothing(
        shipped_copy: Library) -> None:
    app = _upload(event_app("participants", shipped_copy), b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
                  name="old.csv")
    assert (app.error[0].value, shipped_copy.load(DAR).revision) == (
        "old.csv: old Excel (.xls) files are not read; save it as .xlsx or .csv", 1)


def _imported(library: Library) -> None:
    event = library.load(DAR)
    updated, _ = import_participants(event, REGISTRATIONS.read_bytes(), name="r.csv",
                                     registry=library.registry)
    library.save(updated)


def test_participants_roster_edit_is_saved(shipped_copy: Library) -> None:
    _imported(shipped_copy)
    app = event_app("participants", shipped_copy)
    app.session_state[key("roster", DAR)] = {
        "edited_rows": {1: {"status": "declined", "head": True}}, "added_rows": [],
        "deleted_rows": []}
    app.run()
    app.button(key=key("roster_save", DAR)).click().run()
    saved = shipped_copy.load(DAR)
    assert (saved.participants[1].status.value, saved.delegations[0].head) == (
        "declined", "peter-otieno")


def test_participants_balance_lists_its_warnings(shipped_copy: Library) -> None:
    _imported(shipped_copy)
    app = event_app("participants", shipped_copy)
    warnings = list(app.dataframe[-1].value["message"])
    assert "Kenya takes part without a civil-society organisation" in warnings


def test_documents_offer_every_kind() -> None:
    app = event_app("documents", None)
    app.selectbox(key=key("document_group", DAR)).set_value("wg-1").run()
    labels = [b.label for b in app.get("download_button")]
    assert labels.count("Word (.docx)") == len(KINDS)


def test_documents_are_offered_in_the_six_languages() -> None:
    app = event_app("documents", None)
    choice = app.selectbox(key=key("document_language", DAR))
    assert choice.options[:1] == ["English"] and len(choice.options) == 6
    choice.set_value("fr").run()
    assert not app.exception
    labels = [b.label for b in app.get("download_button")]
    assert labels.count("Word (.docx)") == len(KINDS)


def test_action_plan_check_lists_the_source_errors() -> None:
    app = event_app("action-plan", None)
    findings = app.dataframe[-1].value
    dangling = findings[findings["kind"] == "dangling-reference"]
    assert list(dangling["ref"]) == ["III (ix)"]


def test_action_plan_edit_changes_the_check(shipped_copy: Library) -> None:
    app = event_app("action-plan", shipped_copy)
    app.session_state[key("plan_editor", DAR)] = {
        "edited_rows": {0: {"references": "I (i); IX (z)"}}, "added_rows": [],
        "deleted_rows": []}
    app.run()
    findings = app.dataframe[-1].value
    checked = list(findings[findings["kind"] == "dangling-reference"]["ref"])
    app.button(key=key("plan_save", DAR)).click().run()
    plan = shipped_copy.load(DAR).action_plan
    assert (checked, plan.areas[0].sub_themes[0].actions[0].references) == (
        ["IX (z)", "III (ix)"], ["I (i)", "IX (z)"])


def test_action_plan_draft_is_adopted(shipped_copy: Library) -> None:
    app = event_app("action-plan", shipped_copy, "almaty-2011")
    app.toggle(key=key("plan_draft", "almaty-2011")).set_value(True).run()
    app.button(key=key("plan_adopt", "almaty-2011")).click().run()
    plan = shipped_copy.load("almaty-2011").action_plan
    assert plan.title.startswith("Draft action plan: ")


def test_follow_up_shows_overdue_items_and_records_an_update(shipped_copy: Library) -> None:
    app = event_app("follow-up", shipped_copy)
    app.date_input(key=key("follow_up_as_of", DAR)).set_value(dt.date(2013, 1, 1)).run()
    overdue = (app.metric[2].label, app.metric[2].value, len(app.dataframe[0].value))
    app.selectbox(key=key("follow_up_status", DAR)).set_value(FollowUpStatus.DONE)
    app.button(key=key("follow_up_record", DAR)).click().run()
    item = shipped_copy.load(DAR).follow_up[0]
    assert (overdue, item.status, item.updates[-1].on) == (
        ("overdue", "2", 2), FollowUpStatus.DONE, dt.date(2013, 1, 1))


def test_programme_shows_the_grid_and_publishes_a_version(shipped_copy: Library) -> None:
    app = event_app("programme", shipped_copy, "manila-2010")
    first = app.dataframe[0].value.iloc[0].to_dict()
    app.text_input(key=key("programme_note", "manila-2010")).input("rooms confirmed").run()
    app.button(key=key("programme_publish", "manila-2010")).click().run()
    version = shipped_copy.load("manila-2010").programme.versions[0]
    assert (first, version.number, version.note) == (
        {"time": "08:00–08:45", "(no room)": "Registration (continued)"}, 1, "rooms confirmed")


def test_network_filter_narrows_the_map() -> None:
    app = event_app("network", None)
    everything = app.caption[1].value
    app.multiselect(key=KEYS["net_editions"]).set_value([2016]).run()
    narrowed = app.caption[1].value
    # Events belong to no edition of the initiatives: the filter leaves them out.
    assert (" 9 events; " in everything, " 0 events; " in narrowed) == (True, True)


def test_network_lists_who_is_mapped_but_not_invited() -> None:
    app = event_app("network", None)
    suggestions = app.dataframe[0].value  # at the top of the event's view
    assert (suggestions.iloc[0]["suggested partner"], suggestions.iloc[0]["why"][0][:12]) == (
        "Save the Children", "secretariat:")


def test_network_search_shows_the_partners_of_the_organisation_found() -> None:
    app = event_app("network", None)
    app.text_input(key="network-search").input("IOM").run()
    partners = next(d.value for d in app.dataframe if "partner" in d.value.columns)
    assert list(partners["partner"][:2]) == ["UNHCR", "UNICEF"]


def _synthetic(library: Library) -> str:
    event = make_synthetic_event(participants=40, groups=4, registry=library.registry)
    library.create(event)
    return event.id


def test_groups_compose_explain_and_save(shipped_copy: Library) -> None:
    event_id = _synthetic(shipped_copy)
    app = event_app("working-groups", shipped_copy, event_id)
    app.button(key=f"{key('groups_solve', event_id)}-button").click().run()
    label = app.status[0].label
    explanation = app.info[0].value
    app.button(key=key("groups_save", event_id)).click().run()
    saved = shipped_copy.load(event_id)
    assert (label.startswith("Composed in "), explanation.startswith("Leila Hassan — Round 1: "),
            [len(p.working_groups) for p in saved.participants[:3]]) == (True, True, [2, 2, 2])
    assert (saved.composition.placements["p-00001"], app.info[0].value) == (
        explanation, explanation)


def test_groups_move_is_saved_with_the_composition_around_it(shipped_copy: Library) -> None:
    event_id = _synthetic(shipped_copy)
    app = event_app("working-groups", shipped_copy, event_id)
    app.selectbox(key=key("groups_person", event_id)).set_value("p-00005")
    app.selectbox(key=key("groups_target", event_id)).set_value("wg-2").run()
    app.button(key=key("groups_move", event_id)).click().run()
    before = shipped_copy.load(event_id).participants[4]
    proposed = app.info[0].value
    app.button(key=key("groups_save", event_id)).click().run()
    after = shipped_copy.load(event_id)
    assert (before.pinned, "Round 1: Data collection and analysis (2), where the organisers "
            "placed" in proposed) == ([], True)
    assert (after.participants[4].pinned, after.composition.placements["p-00005"]) == (
        ["wg-2"], proposed)


def test_groups_capacity_edit_is_saved(shipped_copy: Library) -> None:
    event_id = _synthetic(shipped_copy)
    app = event_app("working-groups", shipped_copy, event_id)
    app.session_state[key("groups_editor", event_id)] = {
        "edited_rows": {0: {"capacity": 25}}, "added_rows": [], "deleted_rows": []}
    app.run()
    app.button(key=key("groups_save_capacities", event_id)).click().run()
    assert shipped_copy.load(event_id).working_groups[0].capacity == 25


def test_groups_preferences_edit_is_saved(shipped_copy: Library) -> None:
    event_id = _synthetic(shipped_copy)
    app = event_app("working-groups", shipped_copy, event_id)
    app.session_state[key("groups_preferences", event_id)] = {
        "edited_rows": {0: {"preferences": "wg-3; wg-1"}}, "added_rows": [], "deleted_rows": []}
    app.run()
    app.button(key=key("groups_save_preferences", event_id)).click().run()
    assert shipped_copy.load(event_id).participants[0].preferences == ["wg-3", "wg-1"]
