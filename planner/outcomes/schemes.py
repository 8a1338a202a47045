"""The areas an action plan is laid out in, and the recorded rules that place a recommendation."""

from __future__ import annotations

import re
from dataclasses import dataclass

from planner.model import ACTION_POINTS, Recommendation

__all__ = ["SCHEMES", "AreaRule", "Placement", "place_recommendation"]


@dataclass(frozen=True)
class AreaRule:
    """An area of a scheme and what places a recommendation in it."""

    number: str
    heading: str
    points: tuple[int, ...]
    """Action points whose tag places a recommendation here."""
    keywords: tuple[str, ...]
    """Word beginnings (regular expressions) that place a recommendation here."""

    def matches(self, text: str) -> list[str]:
        """The distinct words of `text` that begin with one of the keywords.

        Examples
        --------
        >>> SCHEMES["dar-es-salaam"][1].matches("Training and more trainings for capacity")
        ['training', 'trainings', 'capacity']
        """
        found = re.findall(rf"\b(?:{'|'.join(self.keywords)})\w*", text.lower())
        return list(dict.fromkeys(found))


@dataclass(frozen=True)
class Placement:
    """Where a recommendation goes, and the rule that sent it there, in words."""

    area: AreaRule
    rule: str


_DAR_ES_SALAAM = (
    AreaRule("I", "Legislative and policy reform", (6, 9),
             ("legislat", "laws?\\b", "legal framework", "ratif", "accede", "accession",
              "sign\\b", "signing", "reservation", "convention", "protocol", "polic",
              "decriminali", "regulari")),
    AreaRule("II", "Capacity-building", (),
             ("train", "capacit", "curricul", "skills", "expertise")),
    AreaRule("III", "Operations", (3, 4, 5, 7, 8),
             ("reception", "border", "referral", "profil", "screening", "counsel",
              "reintegrat", "resettle", "detention", "search and rescue", "rescue",
              "registration", "assistance", "repatriat")),
    AreaRule("IV", "Communication and outreach", (10,),
             ("awareness", "campaign", "media", "press", "journalist", "xenophob",
              "outreach", "inform\\b", "informing", "public information")),
    AreaRule("V", "Data collection and analysis", (2,),
             ("data\\b", "research", "statistic", "studies", "study", "mapping", "analys")),
    AreaRule("VI", "Cooperation and coordination", (1,),
             ("cooperat", "co-operat", "coordinat", "dialogue", "partnership", "task force",
              "consultative process", "burden", "networks?\\b", "joint")),
)

_POINT_KEYWORDS: dict[int, tuple[str, ...]] = {
    1: ("cooperat", "co-operat", "coordinat", "dialogue", "partnership", "task force"),
    2: ("data\\b", "research", "statistic", "studies", "study", "mapping", "analys"),
    3: ("border", "entry", "visa", "intercept", "rescue"),
    4: ("reception", "detention", "shelter", "basic needs"),
    5: ("profil", "referral", "screening", "identif"),
    6: ("asylum", "status determination", "trafficking", "unaccompanied", "separated child",
        "procedur"),
    7: ("resettle", "local integration", "repatriat", "durable solution", "self-relian"),
    8: ("secondary movement", "onward"),
    9: ("return", "readmission", "legal migration", "labou?r migration", "migrant workers"),
    10: ("awareness", "campaign", "media", "press", "information"),
}

_TEN_POINTS = tuple(
    AreaRule(str(number), point.name, (number,), _POINT_KEYWORDS[number])
    for number, point in ACTION_POINTS.items()
)

#: The layouts a draft plan can take: the six Dar es Salaam areas, or the ten action points.
SCHEMES: dict[str, tuple[AreaRule, ...]] = {
    "dar-es-salaam": _DAR_ES_SALAAM,
    "ten-points": _TEN_POINTS,
}


def _by_keywords(text: str, scheme: tuple[AreaRule, ...], where: str) -> Placement | None:
    hits = {area: area.matches(text) for area in scheme}
    most = max(len(words) for words in hits.values())
    winners = [area for area, words in hits.items() if len(words) == most]
    if most == 0 or len(winners) > 1:
        return None  # no word, or a tie: leave it to the next rule
    area = winners[0]
    words = ", ".join(f"'{w}'" for w in hits[area])
    return Placement(area, f"keywords in the {where} ({words}) → {area.number} {area.heading}")


def _by_tag(rec: Recommendation, scheme: tuple[AreaRule, ...]) -> Placement | None:
    for point in rec.action_points:
        for area in scheme:
            if point in area.points:
                name = ACTION_POINTS[point].name
                return Placement(area, f"tag: action point {point} ({name}) → "
                                       f"{area.number} {area.heading}")
    return None


def place_recommendation(rec: Recommendation, scheme_name: str) -> Placement:
    """The area of `scheme_name` a recommendation goes to, and the rule used.

    The rules are tried in order and the first that decides wins:

    - `dar-es-salaam`: keywords in the recommendation's text (the area with
      the most distinct keywords, if one leads), then its action-point tags,
      then keywords in its section title, else the last area (cooperation).
    - `ten-points`: its first action-point tag, then keywords in its text,
      then in its section title, else point 1.

    Examples
    --------
    >>> rec = Recommendation(order=1, action_points=[2], text="Train officials.")
    >>> place_recommendation(rec, "dar-es-salaam").rule
    "keywords in the text ('train') → II Capacity-building"
    >>> place_recommendation(rec, "ten-points").rule
    'tag: action point 2 (Data collection and analysis) → 2 Data collection and analysis'
    """
    scheme = SCHEMES[scheme_name]
    title = " ".join(filter(None, (rec.section_title, rec.subsection_title, rec.group)))
    text_rule = _by_keywords(rec.text, scheme, "text")
    tag_rule = _by_tag(rec, scheme)
    order = (text_rule, tag_rule) if scheme_name == "dar-es-salaam" else (tag_rule, text_rule)
    for placement in (*order, _by_keywords(title, scheme, "section title") if title else None):
        if placement is not None:
            return placement
    fallback = scheme[-1] if scheme_name == "dar-es-salaam" else scheme[0]
    return Placement(fallback, f"default: no tag or keyword decides → "
                               f"{fallback.number} {fallback.heading}")
