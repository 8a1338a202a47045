"""What an organisation's name says: the kind of body it is, its initials, whether it is an
acronym, the id it would take."""

from __future__ import annotations

import re

from planner.model import OrganisationType, normalise_name

__all__ = ["STOP_WORDS", "guess_type", "initials", "is_acronym", "one_swap", "slug"]

_T = OrganisationType
#: What a name says about the kind of body, tried in this order (folded names).
_KINDS: tuple[tuple[OrganisationType, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(rf"(?:^| )(?:{words})(?: |$)")) for kind, words in (
        (_T.RED_CROSS, r"red cross|red crescent|croix rouge|croissant rouge|cruz roja|"
                       r"media luna roja|magen david adom"),
        (_T.ACADEMIC, r"university|universite|universidad|universidade|universitat|college|"
                      r"institute|institut|instituto|school of|academy|academie|"
                      r"research cent(?:re|er)|centre for the study|center for the study|"
                      r"think tank|faculty|faculte"),
        (_T.UN_AGENCY, r"united nations|nations unies|naciones unidas|un women|un habitat|"
                       r"unhcr|unicef|undp|unfpa|unodc|unesco|ohchr|ocha|wfp|unops|unrwa|"
                       r"who|ilo|fao|unep|unaids|undss|unmiss"),
        (_T.DONOR_AGENCY, r"giz|fcdo|dfid|jica|usaid|sida|norad|danida|echo|dg echo|koica|"
                          r"afd|bmz|sdc|dfat|irish aid|prm|enabel|aecid|kfw|dg intpa|"
                          r"europeaid|global affairs canada|development agency|"
                          r"agency for (?:international )?development|"
                          r"development cooperation|cooperation agency|foreign commonwealth|"
                          r"international development|population refugees and migration"),
        (_T.REGIONAL_ORGANISATION, r"great lakes region|economic community|african union|"
                                   r"intergovernmental authority|east african community|"
                                   r"icglr|comesa|ecowas|sadc|igad|eac|league of arab states"),
        (_T.GOVERNMENT_BODY, r"ministry|ministere|ministerio|ministerium|department of|"
                             r"departement|departamento|office of the (?:prime minister|"
                             r"president|vice president|attorney general)|presidency|"
                             r"prime minister|directorate|direction generale|"
                             r"direccion general|secretariat of state|state department|"
                             r"commissioner for refugees|commission for refugees|"
                             r"refugee affairs|refugee commission|immigration|home affairs|"
                             r"interior|police|border|embassy|ambassade|embajada|"
                             r"permanent mission|mission permanente|high commission of|"
                             r"government of|gouvernement|gobierno|parliament|"
                             r"national assembly|judiciary|high court|attorney general|"
                             r"federal office|national commission|county government|"
                             r"commission nationale|office national|returnees service|"
                             r"federal public service|police force|"
                             r"police service|police de|coast guard|armed forces|"
                             r"defence forces|secretariat d etat|royal .* embassy"),
    ))
#: Words that neither make initials nor count as shared between two names.
STOP_WORDS = frozenset({"of", "the", "for", "and", "on", "in", "de", "la", "le", "les", "des",
                        "du", "et", "pour", "del", "y", "el", "los", "a", "an", "to"})


def guess_type(name: str) -> OrganisationType:
    """The kind of body a name suggests; an NGO when nothing says otherwise.

    Examples
    --------
    >>> [guess_type(n).value for n in ("Ministère de l'Intérieur", "University of Nairobi",
    ...                                "Kenya Red Cross Society", "GIZ", "HIAS")]
    ['government-body', 'academic', 'red-cross', 'donor-agency', 'ngo']
    """
    folded = normalise_name(name)
    if re.search(r"\bUN[A-Z]{2,6}\b", name) and guess_type(name.lower()) == _T.NGO:
        return _T.UN_AGENCY  # UNHRC, UNMISS
    return next((kind for kind, pattern in _KINDS if pattern.search(folded)), _T.NGO)


def slug(text: str) -> str:
    """The id a name would take: its words as a slug, at most 60 characters, whole words.

    Examples
    --------
    >>> slug("Ministère de l'Intérieur"), slug("People's Council")
    ('ministere-de-l-interieur', 'peoples-council')
    """
    text = re.sub(r"\b([dlDL])['’]", r"\1 ", text)  # l'Intérieur, d'Ivoire
    words = re.findall(r"[a-z0-9]+", normalise_name(re.sub("['’]", "", text)))
    while len("-".join(words)) > 60 and len(words) > 1:
        words.pop()
    return "-".join(words)[:60]


def initials(name: str) -> str:
    """The initials of a name's words, small words left out.

    Examples
    --------
    >>> initials("International Rescue Committee"), initials("Office of the Prime Minister")
    ('irc', 'opm')
    """
    return "".join(w[0] for w in normalise_name(name).split() if w not in STOP_WORDS)


def one_swap(a: str, b: str) -> bool:
    """Whether two spellings differ by two letters swapped, as typing does.

    Examples
    --------
    >>> one_swap("unhrc", "unhcr"), one_swap("hias", "iasc")
    (True, False)
    """
    if len(a) != len(b) or len(a) < 4:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] \
        and a[diff[1]] == b[diff[0]]


def is_acronym(text: str) -> bool:
    """Whether a name is written as an acronym: one word, mostly capitals.

    Examples
    --------
    >>> is_acronym("IRC"), is_acronym("RefuSHE"), is_acronym("Norad")
    (True, True, False)
    """
    letters = [c for c in text if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return " " not in text.strip() and 2 <= len(letters) <= 10 and capitals >= 2 \
        and capitals * 2 >= len(letters)
