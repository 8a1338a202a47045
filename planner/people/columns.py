"""Registration lists: which column holds what, and each cell read as the model wants it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import EmailStr, TypeAdapter, ValidationError

from planner.countries import CountryIndex
from planner.errors import PlannerError
from planner.model import (
    Event,
    Gender,
    InvitationStatus,
    OrganisationType,
    ParticipantRole,
    Registry,
    Seniority,
    normalise_name,
)

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
    "roles": ("roles", "role", "role at the event", "fonction a la conference"),
    "status": ("registration state", "status", "invitation status", "registration status",
               "statut", "estado"),
    "registration_date": ("registration date", "registered", "registered on",
                          "date d inscription", "fecha de inscripcion"),
    "consent_to_publish": ("consent to publish", "consent", "publish", "public"),
    "field_staff": ("field staff", "field"),
    "preferences": ("preferences", "working group preferences", "wg preferences"),
    "working_groups": ("working groups", "working group", "wg"),
    "tags": ("tags", "tag"),
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

_HONORIFICS = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "he", "h e", "hon", "amb",
    "ambassador", "sir", "dame", "m", "mme", "mlle", "sr", "sra", "srta", "dra", "don",
    "dona", "excellency", "his", "her", "rev", "the", "honourable", "honorable"})

_SYNONYMS: dict[str, dict[str, Any]] = {
    "gender": {
        **{k: Gender.FEMALE for k in ("f", "female", "woman", "w", "femme", "feminin",
                                      "mujer", "femenino")},
        **{k: Gender.MALE for k in ("m", "male", "man", "homme", "masculin", "hombre",
                                    "masculino")},
        **{k: Gender.OTHER for k in ("other", "x", "non binary", "diverse", "autre", "otro")},
        **{k: Gender.UNDISCLOSED for k in ("undisclosed", "prefer not to say", "n a")},
    },
    "seniority": {"ministerial": Seniority.MINISTER, "senior": Seniority.SENIOR_OFFICIAL,
                  "working level": Seniority.OFFICIAL, "technical": Seniority.EXPERT},
    "roles": {"hod": ParticipantRole.HEAD_OF_DELEGATION, "advisor": ParticipantRole.ADVISER,
              "chairperson": ParticipantRole.CHAIR, "chef de delegation":
              ParticipantRole.HEAD_OF_DELEGATION, "participant": ParticipantRole.DELEGATE},
    # Indico's registration states, in the invitation's terms.
    "status": {"complete": InvitationStatus.CONFIRMED, "unpaid": InvitationStatus.CONFIRMED,
               "pending": InvitationStatus.PROPOSED, "withdrawn": InvitationStatus.DECLINED,
               "rejected": InvitationStatus.CANCELLED, "registered": InvitationStatus.CONFIRMED},
}
for _field_name, _enum in (("gender", Gender), ("seniority", Seniority),
                           ("roles", ParticipantRole), ("status", InvitationStatus)):
    for _member in _enum:
        _SYNONYMS[_field_name].setdefault(normalise_name(_member.value), _member)

_YES = frozenset({"yes", "y", "true", "1", "x", "oui", "si", "o"})
_NO = frozenset({"no", "n", "false", "0", "non", ""})
_EMAIL = TypeAdapter(EmailStr)
_SPLIT = re.compile(r"\s*[;,/|]\s*")
_DATE_FORMATS = ("%d/%m/%Y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d")


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
    while len(words) > 1 and normalise_name(words[0]) in _HONORIFICS:
        titles.append(words.pop(0))
    return " ".join(titles) or None, " ".join(words[:-1]) or None, words[-1]


def _choice(field: str) -> Callable[[str, RowReader], Any]:
    def parse(text: str, _: RowReader) -> Any:
        found = _SYNONYMS[field].get(normalise_name(text))
        if found is None:
            known = sorted({m.value for m in _SYNONYMS[field].values()})
            noun = {"roles": "role", "seniority": "seniority level"}.get(field, field)
            raise ValueError(f"'{text}' is not a {noun}; write one of "
                             f"{', '.join(known)}")
        return found
    return parse


def _many(parse_one: Callable[[str, RowReader], Any]) -> Callable[[str, RowReader], list[Any]]:
    def parse(text: str, reader: RowReader) -> list[Any]:
        items = [parse_one(part, reader) for part in _SPLIT.split(text) if part]
        return list(dict.fromkeys(items))
    return parse


def _text(text: str, _: RowReader) -> str:
    return text


def _yes_no(text: str, _: RowReader) -> bool:
    key = normalise_name(text)
    if key in _YES | _NO:
        return key in _YES
    raise ValueError(f"'{text}' is neither yes nor no")


def _email(text: str, _: RowReader) -> str:
    try:
        return str(_EMAIL.validate_python(text))
    except ValidationError:
        raise ValueError(f"'{text}' is not an e-mail address") from None


def _slug(text: str, _: RowReader) -> str:
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", text) or len(text) > 80:
        raise ValueError(f"'{text}' is not a participant id (lower-case words and hyphens)")
    return text


def _date(text: str, _: RowReader) -> dt.date:
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


def _organisation(text: str, reader: RowReader) -> str:
    found = reader.registry.resolve(text)
    if found is None:
        raise ValueError(reader.registry.unknown_message(text))
    return found.id


def _country(text: str, reader: RowReader) -> str:
    found = reader.countries.resolve(text)
    if found is None:
        raise ValueError(reader.countries.unknown_message(text))
    return found.id


def _group(text: str, reader: RowReader) -> str:
    found = reader.groups.get(normalise_name(text))
    if found is None:
        known = ", ".join(sorted(set(reader.groups.values()))) or "none yet"
        raise ValueError(f"no working group '{text}' in this event (known: {known})")
    return found


_PARSERS: dict[str, Callable[[str, RowReader], Any]] = {
    "participant_id": _slug, "gender": _choice("gender"), "seniority": _choice("seniority"),
    "status": _choice("status"), "roles": _many(_choice("roles")), "languages": _many(_text),
    "tags": _many(_text), "email": _email, "registration_date": _date,
    "consent_to_publish": _yes_no, "field_staff": _yes_no, "organisation": _organisation,
    "country": _country, "preferences": _many(_group), "working_groups": _many(_group),
}


@dataclass
class RowReader:
    """Reads the cells of a row into participant values, checking them against the registry."""

    registry: Registry
    groups: dict[str, str]
    countries: CountryIndex

    @classmethod
    def for_event(cls, event: Event, registry: Registry) -> RowReader:
        """A reader that knows the event's working groups by id and by title."""
        groups = {normalise_name(key): g.id for g in event.working_groups
                  for key in (g.id, g.title)}
        return cls(registry, groups, CountryIndex(registry))

    def read(self, cells: Mapping[str, str]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
        """Values by field from cells by field, and the (field, reason) of each bad cell."""
        values: dict[str, Any] = {}
        problems: list[tuple[str, str]] = []
        for field, text in cells.items():
            try:
                values[field] = _PARSERS.get(field, _text)(text, self)
            except ValueError as err:
                problems.append((field, str(err)))
        self._complete(values)
        return values, problems

    def _complete(self, values: dict[str, Any]) -> None:
        full = values.pop("name", None)
        if full and not (values.get("first_name") or values.get("last_name")):
            title, values["first_name"], values["last_name"] = split_name(full)
            if title and not values.get("title"):
                values["title"] = title
        if values.get("first_name") and not values.get("last_name"):
            values["last_name"] = values.pop("first_name")  # a single name
        for empty in [key for key, value in values.items() if value is None]:
            del values[empty]
        organisation = values.get("organisation")
        if organisation and not values.get("country"):
            state = self._state_of(organisation)
            if state:
                values["country"] = state

    def _state_of(self, org_id: str) -> str | None:
        org = self.registry[org_id]
        places = (OrganisationType.STATE, OrganisationType.TERRITORY)
        if org.type in places:
            return org.id
        if org.type == OrganisationType.GOVERNMENT_BODY and org.parent in self.registry:
            parent = self.registry[org.parent or ""]
            return parent.id if parent.type in places else None
        return None
