"""Follow-up items as Decidim Accountability results."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable

import pytest

from planner.library import Library
from planner.model import Event
from planner.outcomes.decidim import (
    ACCOUNTABILITY_COLUMNS,
    accountability_rows,
    export_accountability,
)

pytestmark = pytest.mark.unit


def test_accountability_rows_dates_and_owner(make_event: Callable[..., Event]) -> None:
    event = make_event(follow_up=[
        {"text": "Train  officials", "heading": "Training", "status": "target",
         "lead": ["unhcr", "iom"], "when": "By 2012", "links": ["I (i)", "II (i)"]}])
    row = accountability_rows(event, as_of=dt.date(2011, 1, 1))[0]
    assert row == {"title": "Train officials", "description": "Training: Train officials",
                   "start_date": "2010-09-08", "end_date": "2012-12-31", "status": "target",
                   "progress": "", "owner": "unhcr; iom",
                   "recommendation_refs": "I (i); II (i)", "event": "test-2010"}


@pytest.mark.integration
def test_export_accountability_reads_back_one_row_per_item() -> None:
    event = Library.open().load("san-jose-2009")
    data = export_accountability(event, as_of=dt.date(2012, 1, 1))
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert (len(rows), tuple(rows[0])) == (len(event.follow_up), ACCOUNTABILITY_COLUMNS)
