"""Recommendations, a clean action plan over them and a well-kept follow-up item, for the
tests of action plans and follow-up and of the commands over them."""

from __future__ import annotations

import datetime as dt
from typing import Any

#: Three recommendations: two in section I (one addressed to IOM), one in section II.
RECS = [
    {"order": 1, "section": "I", "label": "i",
     "text": "States should train officials on protection."},
    {"order": 2, "section": "I", "label": "ii", "addressed_to": ["iom"],
     "text": "Reception centres should be opened for new arrivals."},
    {"order": 3, "section": "II", "label": "i",
     "text": "Research on mixed movements should include mapping of data gaps."},
]
#: An action plan citing each of `RECS` once, with a target that has a deadline and a quantifier.
CLEAN_PLAN = {
    "title": "Crafted plan",
    "areas": [{
        "number": "I", "heading": "Operations",
        "targets": [{"text": "Centres open in two countries", "deadline": "By 2012",
                     "deadline_year": 2012, "quantifier": "in two countries"}],
        "sub_themes": [{"title": "Borders", "actions": [
            {"text": "Train border officials on protection.", "references": ["I (i)"]},
            {"text": "Open reception centres for new arrivals.", "references": ["I (ii)"]},
            {"text": "Map data gaps on mixed movements.", "references": ["II (i)"]}]}],
    }],
}

#: A follow-up item with an owner, a deadline and a recent update: nothing to flag in 2012.
# The test event ends on 2010-09-07.
GOOD: dict[str, Any] = {"text": "Train officials", "status": "in-progress", "lead": ["unhcr"],
                        "deadline": dt.date(2012, 12, 31),
                        "updates": [{"on": dt.date(2012, 1, 10), "text": "Started"}]}
