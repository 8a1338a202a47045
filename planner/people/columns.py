"""Registration lists: which column holds what, and each cell read as the model wants it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic_core import PydanticCustomError

from planner.countries import CountryIndex
from planner.errors import PlannerError
from planner.model import (
    Event,
    InvitationStatus,
    ParticipantRole,
    Registry,
    normalise_name,
)
from planner.model.base import checked_email
from planner.people.organisations import NO_ORGANISATION, OrganisationFinder, Proposal
from planner.people.preferences import GroupFinder
from planner.people.words import HONORIFICS, NO, SYNONYMS, YES

__all__ = [
    "EXPORT_COLUMNS",
    "FIELDS",
    "PUBLIC_COLUMNS",
    "RowReader",
    "UnknownColumn",
    "match_columns",
    "split_name",
]

#: Each importable field with the column names it is recognised by, folded as
#: `normalise_name` folds them (no case, accents or punctuation). Indico's
#: registrant export names come first, then plain, French and Spanish ones.
FIELDS: dict[str, tuple[str, ...]] = {
    "participant_id": ("participant id", "slug"),
    "registration_id": ("id", "registration id", "registrant id", "indico id"),
    "name": ("name", "full name", "nom complet", "nombre completo", "participant name",
             "participant"),
    "first_name": ("first name", "firstname", "given name", "forename", "prenom", "nombre",
                   "first"),
    "last_name": ("last name", "lastname", "surname", "family name", "nom", "apellido",
                  "apellidos", "nom de famille", "last"),
    "title": ("title", "honorific", "salutation", "civilite", "titulo", "tratamiento"),
    "gender": ("gender", "sex", "genre", "sexe", "sexo", "genero"),
    "position": ("position", "job title", "function", "fonction", "poste", "cargo"),
    "organisation": ("affiliation", "organisation", "organization", "institution", "agency",
                     "organisme", "organizacion", "institucion", "entity"),
    "country": ("country", "pays", "pais", "country code"),
    "email": ("email address", "email", "e mail", "e mail address", "courriel", "mail",
              "correo", "correo electronico", "adresse e mail"),
    "phone": ("phone number", "phone", "telephone", "tel", "mobile", "telefono"),
    "languages": ("languages", "language", "langues", "langue", "idiomas", "idioma"),
    "seniority": ("seniority", "level", "niveau", "nivel"),
    "roles": ("roles", "role", "role at the event", "fonction a la conference",
              "participation type", "participant type", "capacity", "attending as"),
    "status": ("registration state", "status", "invitation status", "registration status",
               "statut", "estado"),
    "registration_date": ("registration date", "registered", "registered on",
                          "date d inscription", "fecha de inscripcion"),
    "consent_to_publish": ("consent to publish", "consent", "publish", "public"),
    "field_staff": ("field staff", "field"),
    "preferences": ("preferences", "working group preferences", "wg preferences",
                    "preferred working groups", "working group preference",
                    "preferred working group", "groupes de travail souhaites"),
    "working_groups": ("working groups", "working group", "wg"),
    "tags": ("tags", "tag", "labels"),
    "checked_in": ("checked in", "check in", "attended", "present", "presence"),
    "notes": ("notes", "note", "comments", "comment", "remarks", "observations"),
}
_BY_ALIAS = {alias: field for field, aliases in FIELDS.items() for alias in aliases}
NAME_FIELDS = ("name", "first_name", "last_name")

#: Columns of an exported participant list: (heading, field). Import reads them all back.
EXPORT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("Participant ID", "participant_id"), ("Registration ID", "registration_id"),
    ("Title", "title"), ("First name", "first_name"), ("Last name", "last_name"),
    ("Gender", "gender"), ("Position", "position"), ("Organisation", "organisation"),
    ("Country", "country"), ("E-mail", "email"), ("Phone", "phone"),
    ("Languages", "languages"), ("Seniority", "seniority"), ("Roles", "roles"),
    ("Status", "status"), ("Consent to publish", "consent_to_publish"),
    ("Field staff", "field_staff"), ("Preferences", "preferences"),
    ("Working groups", "working_groups"), ("Tags", "tags"), ("Notes", "notes"))
#: What a public participant list shows: no contact details, nothing personal.
PUBLIC_COLUMNS = frozenset({"title", "first_name", "last_name", "position", "organisation",
                            "country", "roles"})


class UnknownColumn(PlannerError):
    """A `--map` that names a column or field that does not exist."""


def match_columns(header: Sequence[str], mapping: Mapping[str, str] | None = None,
                  ) -> tuple[dict[int, str], list[str]]:
    """Which field each column holds, and the columns left unread.

    `mapping` (`{"Organisme d'origine": "organisation"}`) overrides the
    recognised names; a field name `ignore` skips a column. The first column
    for a field wins.

    Examples
    --------
    >>> match_columns(["Prénom", "NOM", "E-mail", "Diet"])
    ({0: 'first_name', 1: 'last_name', 2: 'email'}, ['Diet'])
    """
    folded = [normalise_name(h) for h in header]
    chosen = {_folded_column(name, folded): _field(field) for name, field in
              (mapping or {}).items()}
    columns: dict[int, str] = {}
    for index, key in enumerate(folded):
        field = chosen.get(index, _BY_ALIAS.get(key))
        if field and field != "ignore" and field not in columns.values():
            columns[index] = field
    ignored = [h for i, h in enumerate(header) if i not in columns and h and
               chosen.get(i) != "ignore"]
    return columns, ignored


def _folded_column(name: str, folded: list[str]) -> int:
    key = normalise_name(name)
    if key not in folded:
        raise UnknownColumn(f"--map: no column '{name}' in the file")
    return folded.index(key)


def _field(name: str) -> str:
    field = name.strip().replace("-", "_").lower()
    if field not in FIELDS and field != "ignore":
        raise UnknownColumn(f"--map: unknown field '{name}'; fields are "
                            f"{', '.join(sorted(FIELDS))} or ignore")
    return field


# --- cells ---------------------------------------------------------------------------------

_SPLIT = re.compile(r"\s*[;,/|\n]\s*")
_DATE_FORMATS = ("%d/%m/%Y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d", "%d/%m/%Y %H:%M",
                 "%d/%m/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%Y-%m-%d %H:%M")


def split_name(text: str) -> tuple[str | None, str | None, str]:
    """Title, first name and last name of a full name as registration forms print it.

    Examples
    --------
    >>> split_name("H.E. Mr Juan Pablo García"), split_name("HASSAN, Amina"), split_name("Ali")
    (('H.E. Mr', 'Juan Pablo', 'García'), (None, 'Amina', 'HASSAN'), (None, None, 'Ali'))
    """
    if "," in text:
        last, _, first = text.partition(",")
        return None, first.strip() or None, last.strip()
    words = text.split()
    titles = []
    while len(words) > 1 and normalise_name(words[0]) in HONORIFICS:
        titles.append(words.pop(0))
    return " ".join(titles) or None, " ".join(words[:-1]) or None, words[-1]


@dataclass
class _Row:
    """What reading one row gathers besides its values."""

    reader: RowReader
    warnings: list[tuple[str, str]] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    roles: list[ParticipantRole] = field(default_factory=list)
    pending: Proposal | None = None


def _choice(field_name: str) -> Callable[[str, _Row], Any]:
    def parse(text: str, _: _Row) -> Any:
        found = SYNONYMS[field_name].get(normalise_name(text))
        if found is None:
            known = sorted({m.value for m in SYNONYMS[field_name].values()})
            noun = {"seniority": "seniority level"}.get(field_name, field_name)
            raise ValueError(f"'{text}' is not a {noun}; write one of {', '.join(known)}")
        return found
    return parse


def _roles(text: str, row: _Row) -> list[ParticipantRole]:
    roles = []
    for part in filter(None, _SPLIT.split(text)):
        role = SYNONYMS["roles"].get(normalise_name(part))
        if role is None:
            row.tags.append(f"role: {part}")
            row.warnings.append(("roles", f"'{part}' is not one of the roles; kept as the tag "
                                          f"'role: {part}'"))
        else:
            roles.append(role)
    return list(dict.fromkeys(roles))


def _tags(text: str, row: _Row) -> list[str]:
    tags = [part for part in _SPLIT.split(text) if part]
    row.roles += [role for t in tags if (role := SYNONYMS["roles"].get(normalise_name(t)))
                  and role != ParticipantRole.DELEGATE]
    return list(dict.fromkeys(tags))


def _many_text(text: str, _: _Row) -> list[str]:
    return list(dict.fromkeys(part for part in _SPLIT.split(text) if part))


def _text(text: str, _: _Row) -> str:
    return text


def _yes_no(text: str, _: _Row) -> bool:
    key = normalise_name(text)
    if key in YES | NO:
        return key in YES
    raise ValueError(f"'{text}' is neither yes nor no")


def _email(text: str, _: _Row) -> str:
    try:
        return checked_email(text)
    except PydanticCustomError:
        raise ValueError(f"'{text}' is not an e-mail address") from None


def _slug(text: str, _: _Row) -> str:
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", text) or len(text) > 80:
        raise ValueError(f"'{text}' is not a participant id (lower-case words and hyphens)")
    return text


def _date(text: str, _: _Row) -> dt.date:
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for pattern in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"'{text}' is not a date (write YYYY-MM-DD)")


def _country(text: str, row: _Row) -> str:
    found = row.reader.countries.resolve(text)
    if found is None:
        raise ValueError(row.reader.countries.unknown_message(text))
    return found.id


def _groups(field_name: str) -> Callable[[str, _Row], list[str]]:
    # A group the event does not have (a list made for another programme, a renamed group)
    # costs the person that choice, not their registration: a warning, the others kept.
    def read(text: str, row: _Row) -> list[str]:
        found, unknown = row.reader.groups.read(text)
        if unknown:
            row.warnings.append((field_name, f"no working group "
                                             f"{', '.join(repr(u) for u in unknown)} in this "
                                             f"event (known: {row.reader.groups.known()}); "
                                             "not kept"))
        return found

    return read


_PARSERS: dict[str, Callable[[str, _Row], Any]] = {
    "participant_id": _slug, "gender": _choice("gender"), "seniority": _choice("seniority"),
    "status": _choice("status"), "roles": _roles, "languages": _many_text, "tags": _tags,
    "email": _email, "registration_date": _date, "consent_to_publish": _yes_no,
    "field_staff": _yes_no, "checked_in": _yes_no, "country": _country,
    "preferences": _groups("preferences"), "working_groups": _groups("working_groups"),
}


@dataclass
class RowReader:
    """Reads the cells of a row into participant values, checking them against the registry
    (the row's country first, so that it can decide the organisation)."""

    registry: Registry
    groups: GroupFinder
    countries: CountryIndex
    organisations: OrganisationFinder

    @classmethod
    def for_event(cls, event: Event, registry: Registry, *, source: str = "a list",
                  today: dt.date | None = None) -> RowReader:
        """A reader that knows the event's working groups by id, number and title."""
        countries = CountryIndex(registry)
        return cls(registry, GroupFinder(event.working_groups), countries,
                   OrganisationFinder(registry, countries, source=source, today=today))

    def read(self, cells: Mapping[str, str]) -> tuple[dict[str, Any], list[tuple[str, str]],
                                                     _Row]:
        """Values by field from cells by field, the (field, reason) of each bad cell, and
        what else the row said: warnings, tags, roles from tags, the proposal it waits on."""
        values: dict[str, Any] = {}
        problems: list[tuple[str, str]] = []
        row = _Row(self)
        for name, text in cells.items():
            if name == "organisation":
                continue
            try:
                values[name] = _PARSERS.get(name, _text)(text, row)
            except ValueError as err:
                problems.append((name, str(err)))
        if cells.get("organisation"):
            found = self.organisations.find(cells["organisation"], values.get("country"))
            if isinstance(found, Proposal):
                row.pending = found
            elif found != NO_ORGANISATION:
                values["organisation"] = found
        self._complete(values, row)
        return values, problems, row

    def _complete(self, values: dict[str, Any], row: _Row) -> None:
        full = values.pop("name", None)
        if full and not (values.get("first_name") or values.get("last_name")):
            title, values["first_name"], values["last_name"] = split_name(full)
            if title and not values.get("title"):
                values["title"] = title
        if values.get("first_name") and not values.get("last_name"):
            values["last_name"] = values.pop("first_name")  # a single name
        if row.tags:
            values["tags"] = list(dict.fromkeys([*values.get("tags", []), *row.tags]))
        if row.roles and not values.get("roles"):  # tags say the role only when no cell does
            values["roles"] = list(dict.fromkeys(row.roles))
        if values.pop("checked_in", False) and values.get("status") not in (
                InvitationStatus.DECLINED, InvitationStatus.CANCELLED):
            values["status"] = InvitationStatus.ATTENDED
        for empty in [key for key, value in values.items() if value in (None, [])]:
            del values[empty]
        organisation = values.get("organisation")
        state = self.organisations.state_of(organisation) if organisation else None
        if state and not values.get("country"):
            values["country"] = state
        elif state and values["country"] != state:
            row.warnings.append(("organisation", f"'{organisation}' is {state}'s; the row's "
                                                 f"country is {values['country']}"))
