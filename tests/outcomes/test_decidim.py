"""Follow-up items as Decidim Accountability results, read back the way Decidim's results
importer reads them (decidim-accountability, `ResultsCsvImporter#import!`)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

import pytest

from planner.errors import PlannerError
from planner.library import Library
from planner.model import Event, FollowUpStatus
from planner.outcomes.decidim import (
    DEFAULT_STATUS_IDS,
    accountability_columns,
    accountability_rows,
    export_accountability,
    export_statuses,
    read_status_map,
    unmapped_statuses,
)
from tests.conftest import SHIPPED_IDS

pytestmark = pytest.mark.unit

AS_OF = dt.date(2031, 1, 1)
BOM = b"\xef\xbb\xbf"


@dataclass
class Imported:
    """What Decidim's importer made of a file: the results it kept, by new id, and the
    errors of each row (which roll the whole import back)."""

    results: dict[int, dict[str, Any]] = field(default_factory=dict)
    errors: list[tuple[int, list[str]]] = field(default_factory=list)


def _form_errors(row: dict[str, str], default_locale: str, locales: Collection[str],
                 statuses: Collection[int]) -> list[str]:
    """`ResultForm`'s validations, and the importer's date parsing, of one row."""
    problems = []
    for name in ("title", "description"):
        given = {loc: row.get(f"{name}/{loc}") or row.get(f"{name}/{default_locale}")
                 for loc in locales}
        if not given[default_locale]:
            problems.append(f"{name.title()} cannot be blank")
    for name in ("start_date", "end_date"):
        try:
            if row.get(name):
                dt.date.fromisoformat(row[name])
        except ValueError:
            problems.append(f"{name} is an invalid date")
    if row.get("status/id") and int(row["status/id"]) not in statuses:
        problems.append("Status cannot be blank")
    return problems


def decidim_import(data: bytes, *, default_locale: str = "en",
                   locales: Collection[str] = ("en",), statuses: Collection[int] = range(1, 7),
                   existing: Collection[int] = (), first_id: int = 1) -> Imported:
    """Decidim's `ResultsCsvImporter`, row by row: `CSV.new(file, headers: true,
    col_sep: ";")`; `title/<locale>` and `description/<locale>` for every available
    locale, falling back on the default one, both required; `Date.parse` of the dates;
    `status/id` one of the component's statuses; an `id` of an existing result is an
    update; then `update_parents` (a row's `parent/id` becomes the new id of the row
    whose `id` it names) and `remove_invalid_results` (a result whose parent is missing
    is destroyed)."""
    rows = csv.DictReader(io.StringIO(data.decode("utf-8"), newline=""), delimiter=";")
    done, next_id, matches = Imported(), first_id, []
    for line, row in enumerate(rows, start=2):
        problems = _form_errors(row, default_locale, locales, statuses)
        if problems:
            done.errors.append((line, problems))
            continue
        if row.get("id") and row["id"].isdigit() and int(row["id"]) in existing:
            continue  # an update of a result already there
        done.results[next_id] = {**row, "parent_id": row.get("parent/id") or None}
        if row.get("id"):
            matches.append((row["id"], next_id))
        next_id += 1
    for csv_id, new_id in matches:
        for result in done.results.values():
            if result["parent_id"] == csv_id:
                result["parent_id"] = new_id
    done.results = {k: r for k, r in done.results.items()
                    if r["parent_id"] is None or r["parent_id"] in done.results}
    return done


def follow_up_event(make_event: Callable[..., Event]) -> Event:
    """An event ahead of us with follow-up under two headings and one without any."""
    return make_event(follow_up=[
        {"text": "Train  officials", "heading": "Training", "status": "target",
         "lead": ["unhcr", "iom"], "deadline": dt.date(2032, 6, 30), "links": ["I (i)"]},
        {"text": "=HYPERLINK(\"http://x\")", "heading": "Training", "status": "in-progress",
         "progress": 40},
        {"text": "Map the routes", "heading": "Data", "status": "done"},
        {"text": "Report back", "status": "planned"}])


def test_accountability_rows_put_each_area_before_its_results(
        make_event: Callable[..., Event]) -> None:
    rows = accountability_rows(follow_up_event(make_event), as_of=AS_OF)

    assert [(r["id"], r["parent/id"], r["title/en"], r["status/id"], r["progress"])
            for r in rows] == [
        ("1", "", "Training", "", ""),
        ("2", "1", "Train officials", "4", ""),
        ("3", "1", "=HYPERLINK(\"http://x\")", "5", "40"),
        ("4", "", "Data", "", ""),
        ("5", "4", "Map the routes", "1", "100"),
        ("6", "", "Report back", "2", "")]
    assert {k: rows[1][k] for k in ("description/en", "start_date", "end_date", "owner",
                                    "recommendation_refs", "event")} == {
        "description/en": "<p>Train officials</p><p>Serves: I (i)</p><p>Lead: unhcr; iom</p>",
        "start_date": "2010-09-08", "end_date": "2032-06-30", "owner": "unhcr; iom",
        "recommendation_refs": "I (i)", "event": "test-2010"}


def test_export_is_semicolon_separated_without_bom_and_formula_free(
        make_event: Callable[..., Event]) -> None:
    data = export_accountability(follow_up_event(make_event), as_of=AS_OF)

    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline=""), delimiter=";"))
    assert (data[:3] != BOM, tuple(rows[0])) == (True, accountability_columns("en"))
    assert rows[3][2] == "'=HYPERLINK(\"http://x\")"


def test_decidim_imports_every_result_under_its_area(make_event: Callable[..., Event]) -> None:
    event = follow_up_event(make_event)

    imported = decidim_import(export_accountability(event, as_of=AS_OF))

    assert imported.errors == []
    titles = {k: r["title/en"] for k, r in imported.results.items()}
    assert {titles[k]: titles.get(r["parent_id"]) for k, r in imported.results.items()} == {
        "Training": None, "Train officials": "Training",
        "'=HYPERLINK(\"http://x\")": "Training", "Data": None, "Map the routes": "Data",
        "Report back": None}


def test_decidim_links_parents_where_its_own_ids_run_elsewhere(
        make_event: Callable[..., Event]) -> None:
    data = export_accountability(follow_up_event(make_event), as_of=AS_OF)

    # A Decidim whose results table already holds hundreds of results.
    imported = decidim_import(data, first_id=812, existing=range(100, 700))

    assert (imported.errors, len(imported.results)) == ([], 6)
    assert sorted(r["parent_id"] for r in imported.results.values() if r["parent_id"]) == [
        812, 812, 815]


@pytest.mark.integration
@pytest.mark.parametrize("event_id", SHIPPED_IDS)
def test_decidim_imports_the_follow_up_of_each_shipped_event(event_id: str) -> None:
    library = Library.open()
    event = library.load(event_id)

    imported = decidim_import(export_accountability(event, as_of=AS_OF,
                                                    registry=library.registry))

    areas = {item.heading.casefold() for item in event.follow_up if item.heading}
    assert imported.errors == []
    assert len(imported.results) == len(event.follow_up) + len(
        {" ".join(a.split()) for a in areas})


def test_without_bom_handling_decidim_would_lose_the_id_column(
        make_event: Callable[..., Event]) -> None:
    data = BOM + export_accountability(follow_up_event(make_event), as_of=AS_OF)

    imported = decidim_import(data)

    # Why there is no BOM: the first header would be "\ufeffid", every parent lost.
    assert len(imported.results) == 3


def test_locale_names_the_columns_the_organisation_reads(
        make_event: Callable[..., Event]) -> None:
    event = follow_up_event(make_event)
    french = export_accountability(event, as_of=AS_OF, locale="fr")

    assert decidim_import(french, default_locale="fr", locales=("fr", "en")).errors == []
    assert decidim_import(french).errors[0] == (2, ["Title cannot be blank",
                                                    "Description cannot be blank"])


def test_bad_locale_is_refused(make_event: Callable[..., Event]) -> None:
    with pytest.raises(PlannerError, match="--locale 'English': give the Decidim"):
        export_accountability(follow_up_event(make_event), as_of=AS_OF, locale="English")


def test_statuses_file_lists_what_to_create_in_decidim() -> None:
    rows = list(csv.DictReader(io.StringIO(export_statuses(locale="fr").decode("utf-8")),
                               delimiter=";"))

    assert [(r["status/id"], r["key"], r["name/fr"], r["progress"]) for r in rows] == [
        (str(DEFAULT_STATUS_IDS[s.value]), s.value, s.label,
         "100" if s == FollowUpStatus.DONE else "") for s in FollowUpStatus]


def test_status_map_sets_the_ids_decidim_gave(make_event: Callable[..., Event]) -> None:
    event = follow_up_event(make_event)
    edited = export_statuses().decode("utf-8").replace("1;done", "17;done").replace(
        "4;target", ";target")
    ids = read_status_map(edited.encode("utf-8"), name="statuses.csv")

    data = export_accountability(event, as_of=AS_OF, statuses=ids)

    assert [r["status/id"] for r in accountability_rows(event, as_of=AS_OF, statuses=ids)] == [
        "", "", "5", "", "17", "2"]
    assert unmapped_statuses(event, ids) == ["target"]
    assert decidim_import(data, statuses={2, 5, 17}).errors == []
    # Without the map, a Decidim that numbered its statuses otherwise refuses the file.
    assert decidim_import(export_accountability(event, as_of=AS_OF),
                          statuses={2, 5, 17}).errors != []


@pytest.mark.parametrize(("text", "message"), [
    ("key;id\ndone;1\n", "s.csv:1: no 'status/id' column; the statuses file has the columns "
                         "key and status/id"),
    ("key;status/id\nfinished;1\n", "s.csv:2: unknown status 'finished'; the statuses are "
                                    "done, dropped, envisaged, in-progress, planned, target"),
    ("key;status/id\ndone;seven\n", "s.csv:2: status/id 'seven' is not the number of a "
                                    "Decidim status"),
    ("key;status/id\ndone;1\ndone;2\n", "s.csv:3: status 'done' is given twice"),
])
def test_status_map_errors_are_one_line_with_the_row(text: str, message: str) -> None:
    with pytest.raises(PlannerError) as caught:
        read_status_map(text.encode("utf-8"), name="s.csv")

    assert str(caught.value) == message
