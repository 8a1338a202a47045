"""Open slots: the people of a past programme turned into who is wanted in the next one.

A new event started from a template keeps the running order, but the 2010 minister
does not open the 2027 conference: each chair and speaker becomes a slot that names
the organisation wanted (the new host for the old host's government) and the level,
to be confirmed.
"""

from __future__ import annotations

import re
from typing import Any

from planner.model import Event, OrganisationType, Registry, Speaker

__all__ = ["HOST_GOVERNMENT", "open_slot", "open_slots_of_session", "without_names"]

#: How an open slot names the host's own government.
HOST_GOVERNMENT = "host government"

# The level a post title asks for, most specific first. A post title names a person of
# the old event as surely as their name, so only its level is kept.
_LEVELS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), level) for pattern, level in (
        (r"\b(minister|honourable|hon\.)", "minister level"),
        (r"\b(president|director[- ]general|secretary[- ]general|high commissioner for "
         r"refugees\b(?! \())", "head of organisation level"),
        (r"\b(assistant|deputy) (high commissioner|director|secretary)", "senior management "
         "level"),
        (r"\bambassador\b", "ambassador level"),
        (r"\b(director|head|chief|commissioner)\b", "director level"),
        (r"\brepresentative\b", "representative level"),
    ))


def _level(role: str | None) -> str | None:
    for pattern, level in _LEVELS:
        if role and pattern.search(role):
            return level
    return None


def _is_host(org_id: str | None, source: Event, registry: Registry | None) -> bool:
    if org_id is None:
        return False
    if org_id == source.country:
        return True
    org = registry[org_id] if registry is not None and org_id in registry else None
    return (org is not None and org.type == OrganisationType.GOVERNMENT_BODY
            and org.parent == source.country)


def open_slot(speaker: Speaker, *, source: Event, new: Event,
              registry: Registry | None = None) -> Speaker:
    """The slot a past chair or speaker leaves in a new event: the organisation wanted (the
    new host State for the old host's government), the level or function wanted, tbc.

    Examples
    --------
    >>> import datetime as dt
    >>> old = Event(id="o", kind="workshop", title="T", city="C", country="tanzania",
    ...             timezone="Africa/Dar_es_Salaam", start=dt.date(2010, 9, 6),
    ...             end=dt.date(2010, 9, 7))
    >>> new = old.model_copy(update={"id": "n", "country": "kenya"})
    >>> open_slot(Speaker(name="The Honourable L. Masha", organisation="tanzania",
    ...                   role="Minister of Home Affairs"), source=old, new=new)
    Speaker(name=None, participant=None, organisation='kenya', \
role='host government, minister level', tbc=True)
    >>> open_slot(Speaker(name="E. Feller", organisation="unhcr",
    ...                   role="keynote"), source=old, new=new).role
    'keynote'
    """
    level = _level(speaker.role)
    wanted = level or speaker.role
    if _is_host(speaker.organisation, source, registry):
        return Speaker(organisation=new.country, tbc=True,
                       role=", ".join(filter(None, (HOST_GOVERNMENT, wanted))))
    if speaker.organisation is None:
        return Speaker(role=wanted or "speaker", tbc=True)
    return Speaker(organisation=speaker.organisation, role=wanted, tbc=True)


def _slots(speakers: list[Speaker], **context: Any) -> list[Speaker]:
    return [open_slot(s, **context) for s in speakers]


_HONOURS = re.compile(r"^(the\s+)?(honourable|hon\.|h\.e\.|mr\.?|mrs\.?|ms\.?|dr\.?|prof\.?)\s+",
                      re.IGNORECASE)


def without_names(title: str | None, speakers: list[Speaker]) -> str | None:
    """A title with the names of `speakers` taken out (`Keynote speech by the High
    Commissioner, Mr. A. Guterres` → `Keynote speech by the High Commissioner`).

    Examples
    --------
    >>> without_names("Keynote speech, Mr. Antonio Guterres",
    ...               [Speaker(name="Mr. Antonio Guterres", organisation="unhcr")])
    'Keynote speech'
    """
    if not title:
        return title
    for speaker in speakers:
        if not speaker.name:
            continue
        bare = _HONOURS.sub("", speaker.name.strip())
        for name in dict.fromkeys((speaker.name.strip(), bare)):
            title = re.sub(r"\s*(?:[,:;–—-]|\bby\b)?\s*(?:the\s+)?" + re.escape(name),
                           "", title, flags=re.IGNORECASE)
    return title.strip(" ,;:–—-") or None


def _open_item(item: Any, **context: Any) -> Any:
    # The running order may name the speaker in the line itself: the name goes too.
    return item.model_copy(update={
        "title": without_names(item.title, item.speakers) or item.title,
        "speakers": _slots(item.speakers, **context),
        "items": [_open_item(sub, **context) for sub in item.items]})


def open_slots_of_session(session: Any, *, source: Event, new: Event,
                          registry: Registry | None = None) -> Any:
    """A session of the template with every chair and speaker an open slot, a reception
    hosted by the new host where the old host gave it, and no note written for the old
    event."""
    context = {"source": source, "new": new, "registry": registry}
    update: dict[str, Any] = {"note": None}
    for field in ("chairs", "speakers"):
        if hasattr(session, field):
            update[field] = _slots(getattr(session, field), **context)
    if hasattr(session, "items"):
        update["items"] = [_open_item(item, **context) for item in session.items]
    everyone = [*getattr(session, "chairs", []), *getattr(session, "speakers", []),
                *(s for item in getattr(session, "items", []) for s in item.speakers)]
    update["title"] = without_names(session.title, everyone)
    if hasattr(session, "hosted_by"):
        update["hosted_by"] = list(dict.fromkeys(
            new.country if _is_host(o, source, registry) else o for o in session.hosted_by))
    return session.model_copy(update=update, deep=True)
