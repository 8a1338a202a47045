"""The 90 people of Nairobi 2027, the event planned from the Dar es Salaam template: the room
the issue was found in (IOM "in cooperation with", UNHCR staff at duty stations, a donor
agency, a refugee bureau, a logistics assistant and an Assistant High Commissioner)."""

from __future__ import annotations

import random
from typing import Any

from planner.library import Library
from planner.model import Event, Participant

NAIROBI = "nairobi-2027"

# (organisation, country, position, seniority, roles), one per person, in this order.
_GOVERNMENTS = {"kenya": 6, "uganda": 3, "tanzania": 3, "ethiopia": 3, "somalia": 3,
                "rwanda": 2, "burundi": 2, "democratic-republic-of-the-congo": 2, "sudan": 2,
                "djibouti": 2, "zambia": 2, "malawi": 2, "mozambique": 2, "south-africa": 3,
                "zimbabwe": 2}
_UNHCR = [("Assistant High Commissioner for Protection", "switzerland", False),
          ("Logistics Assistant", "kenya", True),
          ("Senior Protection Officer", "botswana", True),
          ("Regional Representative", "kenya", False),
          *[("Protection Officer", c, True) for c in ("kenya", "ethiopia", "uganda",
                                                      "somalia", "tanzania", "kenya")],
          *[("Associate Protection Officer", c, False) for c in ("kenya", "rwanda", "kenya")],
          ("Senior Legal Officer", "switzerland", False),
          *[("Protection Officer", "kenya", False) for _ in range(4)]]
_IOM = [("Chief of Mission", "kenya", False), ("Project Assistant", "kenya", True),
        ("Migration Management Officer", "kenya", True),
        ("Programme Officer", "ethiopia", True), ("Programme Officer", "somalia", True),
        ("Senior Regional Thematic Specialist", "kenya", False),
        ("Migration Officer", "djibouti", True), ("Labour Mobility Officer", "uganda", False)]
_OTHERS = [("au", None), ("au", None), ("igad", None), ("igad", None), ("eac", None),
           ("sadc", None), ("drc", "kenya"), ("drc", "somalia"), ("drc", "ethiopia"),
           ("drc", "uganda"), ("nrc", "kenya"), ("nrc", "tanzania"), ("nrc", "south-africa"),
           ("intersos", "kenya"), ("save-the-children", "ethiopia"),
           ("save-the-children", "somalia"), ("icrc", "kenya"), ("ifrc", "kenya"),
           ("cmrs", "kenya"), ("graduate-institute-geneva", "switzerland"),
           ("unicef", "kenya"), ("unicef", "ethiopia"), ("djibouti-red-crescent", "djibouti"),
           ("bprm", "united-states"), ("sdc", "switzerland")]
_FIRST = {"female": ("Amina", "Wanjiru", "Halima", "Grace", "Neema", "Leila", "Fatuma"),
          "male": ("Peter", "Otieno", "Juma", "Yusuf", "Daniel", "Ahmed", "Samuel")}
_LAST = ("Hassan", "Mwangi", "Abdi", "Ochieng", "Kamau", "Banda", "Osei", "Farah", "Haile")


def _government(state: str, index: int) -> dict[str, Any]:
    head = index == 0
    return {"organisation": state, "country": state,
            "roles": ["head-of-delegation"] if head else ["delegate"],
            "seniority": "senior-official" if head or index == 1 else "official",
            "position": "Principal Secretary" if head and state == "kenya" else None}


def _rows() -> list[dict[str, Any]]:
    rows = [_government(state, k) for state, count in _GOVERNMENTS.items()
            for k in range(count)]
    rows += [{"organisation": "unhcr", "country": country, "position": position,
              "field_staff": field} for position, country, field in _UNHCR]
    rows += [{"organisation": "iom", "country": country, "position": position,
              "field_staff": field} for position, country, field in _IOM]
    rows += [{"organisation": org, "country": country} for org, country in _OTHERS]
    return rows


def nairobi_roster(library: Library, **over: Any) -> Event:
    """Nairobi 2027 as the `planned` fixture holds it, with its 90 people coming: 42
    government delegates of 15 States, 18 UNHCR and 8 IOM staff, regional organisations,
    NGOs, the Red Cross, academics, UNICEF, a US refugee bureau and a Swiss donor agency.
    Each asks for one to three of the eight groups (seeded). Keyword arguments replace
    fields of the event."""
    event = library.load(NAIROBI)
    groups = [g.id for g in event.working_groups]
    rng = random.Random(16)  # noqa: S311 -- a seed for a reproducible roster
    people = []
    for index, row in enumerate(_rows()):
        gender = "female" if index % 2 else "male"
        wanted = rng.sample(groups[:5], k=rng.choice((1, 2, 3)))
        people.append(Participant.model_validate({
            "id": f"n-{index + 1:03d}", "first_name": _FIRST[gender][index % 7],
            "last_name": _LAST[index % len(_LAST)], "gender": gender, "status": "confirmed",
            "preferences": wanted, **row}))
    return event.model_copy(update={"participants": people, **over})
