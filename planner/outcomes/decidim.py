"""Follow-up items as Decidim Accountability results, in the CSV its results importer reads.

Decidim's `ResultsCsvImporter` (decidim-accountability) reads the file with
`Decidim.default_csv_col_sep` (`;` by default) and headers, without a byte-order mark
(one would become part of the first header); it requires `title/<locale>` and
`description/<locale>` in the organisation's default locale, parses `start_date`
and `end_date`, takes `progress` as a number and `status/id` as the id of one of the
component's own statuses, and links a row to its `parent/id`, the `id` of another row
of the file. Columns it does not know (`owner`, `recommendation_refs`, `event`) it
leaves alone.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import re
from collections.abc import Mapping, Sequence

from planner.errors import PlannerError
from planner.model import Event, FollowUpStatus, Registry
from planner.outcomes.follow_up import FollowUpRow, assess_follow_up
from planner.tables import neutralise, read_table

__all__ = [
    "DEFAULT_STATUS_IDS",
    "accountability_columns",
    "accountability_rows",
    "check_locale",
    "export_accountability",
    "export_statuses",
    "read_status_map",
    "unmapped_statuses",
]

#: The status ids a new Decidim gives the statuses of `export_statuses` when they are
#: created in its order (done 1 … dropped 6); give `read_status_map` Decidim's own ids
#: when they differ.
DEFAULT_STATUS_IDS: dict[str, int] = {s.value: n for n, s in enumerate(FollowUpStatus, 1)}
#: Decidim's own separator (`Decidim.default_csv_col_sep`).
SEPARATOR = ";"
_LOCALE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$")
_STATUS_COLUMNS = ("status/id", "key")


def check_locale(locale: str) -> str:
    """A Decidim locale (`en`, `fr`, `pt-BR`), checked.

    Raises
    ------
    PlannerError
        For anything else.

    Examples
    --------
    >>> check_locale("pt-BR")
    'pt-BR'
    """
    if not _LOCALE.match(locale):
        raise PlannerError(f"--locale '{locale}': give the Decidim organisation's default "
                           "locale, such as en, fr, ar or pt-BR")
    return locale


def accountability_columns(locale: str = "en") -> tuple[str, ...]:
    """The columns of the results file: Decidim's, then ours.

    Examples
    --------
    >>> accountability_columns("fr")[:4]
    ('id', 'parent/id', 'title/fr', 'description/fr')
    """
    return ("id", "parent/id", f"title/{check_locale(locale)}", f"description/{locale}",
            "start_date", "end_date", "status/id", "progress", "owner",
            "recommendation_refs", "event")


def _title(text: str, width: int = 150) -> str:
    first = " ".join(text.split())
    return first if len(first) <= width else first[: width - 1].rstrip() + "…"


def _paragraphs(*texts: str) -> str:
    # Decidim's descriptions are rich text: HTML paragraphs, the text escaped.
    return "".join(f"<p>{html.escape(' '.join(t.split()))}</p>" for t in texts if t)


def _name(org_id: str, registry: Registry | None) -> str:
    return registry[org_id].display_name if registry and org_id in registry else org_id


_Member = tuple[FollowUpRow, Sequence[str], dt.date]


def _result(number: int, parent: str, member: _Member, *, ids: Mapping[str, int],
            registry: Registry | None) -> list[str]:
    row, item_links, started = member
    owners = "; ".join(_name(o, registry) for o in row.owners)
    description = _paragraphs(row.text,
                              f"Serves: {'; '.join(item_links)}" if item_links else "",
                              f"Lead: {owners}" if owners else "")
    status = ids.get(row.status)
    return [str(number), parent, _title(row.text), description, started.isoformat(),
            row.deadline.isoformat() if row.deadline else "",
            "" if status is None else str(status),
            "" if row.progress is None else str(row.progress), "; ".join(row.owners),
            "; ".join(item_links)]


def accountability_rows(event: Event, *, as_of: dt.date, locale: str = "en",
                        statuses: Mapping[str, int] | None = None,
                        registry: Registry | None = None) -> list[dict[str, str]]:
    """One result per follow-up item under one result per area, every cell text.

    Each area (the items' heading) is a result of its own, first, with its items
    after it pointing at it in `parent/id`; `id` numbers the rows from 1. An item's
    `start_date` is its first recorded update (else the day after the event),
    `end_date` its deadline, `status/id` the Decidim id of its status in `statuses`
    (default `DEFAULT_STATUS_IDS`), `owner` the lead organisations' ids.

    Examples
    --------
    >>> from planner.model import FollowUpItem
    >>> ev = Event(id="e", kind="workshop", title="T", city="C", country="yemen",
    ...            timezone="Asia/Aden", start=dt.date(2010, 1, 1), end=dt.date(2010, 1, 1),
    ...            follow_up=[FollowUpItem(heading="Data", text="Map", status="done",
    ...                                    lead=["unhcr"], links=["VII (i)"])])
    >>> area, item = accountability_rows(ev, as_of=dt.date(2011, 1, 1))
    >>> area["title/en"], item["parent/id"], item["status/id"], item["progress"]
    ('Data', '1', '1', '100')
    """
    columns = accountability_columns(locale)
    ids = DEFAULT_STATUS_IDS if statuses is None else statuses
    report = assess_follow_up(event, as_of=as_of)
    areas: dict[str, list[_Member]] = {}
    for item, row in zip(event.follow_up, report.rows, strict=True):
        started = min((u.on for u in item.updates), default=event.end + dt.timedelta(days=1))
        areas.setdefault(row.area if item.heading else "", []).append(
            (row, item.links, started))
    table: list[list[str]] = []
    for area, members in sorted(areas.items(), key=lambda pair: not pair[0]):
        parent = ""
        if area:
            parent = str(len(table) + 1)
            table.append([parent, "", _title(area),
                          _paragraphs(f"{area}: follow-up of {event.title}"),
                          "", "", "", "", "", "", event.id])
        for member in members:
            table.append([*_result(len(table) + 1, parent, member, ids=ids, registry=registry),
                          event.id])
    return [dict(zip(columns, cells, strict=True)) for cells in table]


def _csv(header: Sequence[str], rows: Sequence[Sequence[str]]) -> bytes:
    # No byte-order mark: Ruby's CSV would make it part of the first header (`id`).
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=SEPARATOR)
    for row in [header, *rows]:
        writer.writerow([neutralise(cell) for cell in row])
    return out.getvalue().encode("utf-8")


def export_accountability(event: Event, *, as_of: dt.date, locale: str = "en",
                          statuses: Mapping[str, int] | None = None,
                          registry: Registry | None = None) -> bytes:
    """The follow-up as the CSV Decidim's results importer takes as it is: `;`-separated,
    UTF-8 without BOM, no cell readable as a formula (see `accountability_rows`).

    Examples
    --------
    >>> from planner.library import Library
    >>> data = export_accountability(Library.open().load("dar-es-salaam-2010"),
    ...                              as_of=dt.date(2012, 1, 1))
    >>> data.decode().splitlines()[0]
    'id;parent/id;title/en;description/en;start_date;end_date;status/id;progress;owner;\
recommendation_refs;event'
    """
    rows = accountability_rows(event, as_of=as_of, locale=locale, statuses=statuses,
                               registry=registry)
    columns = accountability_columns(locale)
    return _csv(columns, [[row[c] for c in columns] for row in rows])


def export_statuses(*, locale: str = "en", statuses: Mapping[str, int] | None = None) -> bytes:
    """The statuses to create in Decidim (Accountability, Statuses) before importing, with
    the `status/id` each is given in the results: key, name and progress.

    Examples
    --------
    >>> export_statuses().decode().splitlines()[:2]
    ['status/id;key;name/en;progress', '1;done;Done;100']
    """
    ids = DEFAULT_STATUS_IDS if statuses is None else statuses
    rows = [[str(ids.get(s.value, "")), s.value, s.label,
             "100" if s == FollowUpStatus.DONE else ""] for s in FollowUpStatus]
    return _csv([*_STATUS_COLUMNS, f"name/{check_locale(locale)}", "progress"], rows)


def unmapped_statuses(event: Event, statuses: Mapping[str, int]) -> list[str]:
    """The statuses of the event's follow-up items that have no Decidim id in `statuses`.

    Examples
    --------
    >>> from planner.library import Library
    >>> unmapped_statuses(Library.open().load("dar-es-salaam-2010"), {"done": 7})
    ['envisaged', 'target']
    """
    return sorted({item.status.value for item in event.follow_up} - set(statuses))


def read_status_map(data: bytes, *, name: str) -> dict[str, int]:
    """Decidim's status ids by status, from a table with `key` and `status/id` columns
    (the statuses file `export_statuses` wrote, with the ids Decidim gave them).

    A blank `status/id` leaves that status without one.

    Raises
    ------
    PlannerError
        One line with the file and row: a missing column, an unknown status, an id that
        is not a whole number, or a status given twice.

    Examples
    --------
    >>> read_status_map(b"key;status/id\\ndone;7\\nplanned;\\n", name="s.csv")
    {'done': 7}
    """
    table = read_table(data, name)
    header = [cell.strip().casefold() for cell in table.header]
    missing = [c for c in _STATUS_COLUMNS if c not in header]
    if missing:
        raise PlannerError(f"{name}:1: no '{missing[0]}' column; the statuses file has "
                           "the columns key and status/id")
    key_at, id_at = header.index("key"), header.index("status/id")
    known = {s.value for s in FollowUpStatus}
    ids: dict[str, int] = {}
    seen: set[str] = set()
    for row in table.rows:
        cells = [*row.cells, "", ""]
        key, number = cells[key_at].strip(), cells[id_at].strip()
        if key not in known:
            raise PlannerError(f"{name}:{row.number}: unknown status '{key}'; the statuses "
                               f"are {', '.join(sorted(known))}")
        if key in seen:
            raise PlannerError(f"{name}:{row.number}: status '{key}' is given twice")
        seen.add(key)
        if not number:
            continue
        if not number.isdigit() or int(number) == 0:
            raise PlannerError(f"{name}:{row.number}: status/id '{number}' is not the "
                               "number of a Decidim status")
        ids[key] = int(number)
    return ids
