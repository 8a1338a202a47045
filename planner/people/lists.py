"""The participant list as a table of text: every column reads back through the import."""

from __future__ import annotations

from planner.model import NOT_COMING, Event, Gender, Participant, Registry, Seniority
from planner.people.columns import EXPORT_COLUMNS, PUBLIC_COLUMNS
from planner.people.words import ROLE_WORDS, STATUS_WORDS

__all__ = ["TEMPLATE_EXAMPLE", "participant_table", "template_tables"]

#: The example row of the template, by field.
TEMPLATE_EXAMPLE = {
    "title": "Ms", "first_name": "Amina", "last_name": "Hassan", "gender": "female",
    "position": "Director of Refugee Affairs", "organisation": "Department of Immigration",
    "country": "Kenya", "email": "amina.hassan@example.org", "phone": "+254 20 000 0000",
    "languages": "English; Swahili", "seniority": "senior-official",
    "roles": "head-of-delegation", "status": "confirmed", "consent_to_publish": "yes",
    "field_staff": "no", "preferences": "WG 1; WG 3", "tags": "visa letter"}


def _org_cell(org_id: str | None, registry: Registry) -> str:
    if org_id is None or org_id not in registry:
        return org_id or ""
    org = registry[org_id]
    # A name that would resolve to another entry is written as the id instead.
    for shown in (org.display_name, org.name):
        found = registry.resolve(shown)
        if found is not None and found.id == org_id:
            return shown
    return org_id


def _cell(person: Participant, field_name: str, registry: Registry) -> str:
    value = getattr(person, "id" if field_name == "participant_id" else field_name)
    if field_name in ("organisation", "country"):
        return _org_cell(value, registry)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return "" if value is None else str(value)


def participant_table(event: Event, registry: Registry, *, public: bool = False,
                      ) -> tuple[list[str], list[list[str]]]:
    """The participant list as a header and rows of text, ready for `write_table`.

    Every column reads back through `planner participants import`. `public`
    keeps only people who consented to publication and are still coming, and
    leaves out contact details and personal data (see `PUBLIC_COLUMNS`).

    Examples
    --------
    >>> import datetime as dt
    >>> event = Event(id="x", kind="workshop", title="T", city="C", country="yemen",
    ...     timezone="Asia/Aden", start=dt.date(2010, 1, 1), end=dt.date(2010, 1, 1),
    ...     participants=[Participant(id="a", last_name="Hassan", email="a@example.org",
    ...                               consent_to_publish=True), Participant(id="b", last_name="B")])
    >>> participant_table(event, Registry([]), public=True)
    (['Title', 'First name', 'Last name', 'Position', 'Organisation', 'Country', 'Roles'], \
[['', '', 'Hassan', '', '', '', 'delegate']])
    """
    columns = [(h, f) for h, f in EXPORT_COLUMNS if not public or f in PUBLIC_COLUMNS]
    people = [p for p in event.participants
              if not public or (p.consent_to_publish and p.status not in NOT_COMING)]
    return ([h for h, _ in columns],
            [[_cell(p, f, registry) for _, f in columns] for p in people])


def template_tables() -> list[tuple[str, list[str], list[list[str]]]]:
    """The import template: a sheet with the accepted headings and an example row, and a
    sheet of the values each column accepts (a CSV holds the first sheet only).

    Examples
    --------
    >>> (name, header, rows), (values, _, accepted) = template_tables()
    >>> header[:4], rows[0][3], values, accepted[0][:2]
    (['Participant ID', 'Registration ID', 'Title', 'First name'], 'Amina', 'Accepted values', \
['Status', 'confirmed'])
    """
    header = [heading for heading, _ in EXPORT_COLUMNS]
    example = [TEMPLATE_EXAMPLE.get(field, "") for _, field in EXPORT_COLUMNS]
    accepted = [["Status", status.value, ", ".join(words)]
                for status, words in STATUS_WORDS.items()]
    accepted += [["Roles", role.value, ", ".join(words)] for role, words in ROLE_WORDS.items()]
    accepted += [["Gender", g.value, ""] for g in Gender]
    accepted += [["Seniority", s.value, ""] for s in Seniority]
    accepted += [
        ["Consent to publish, Field staff, Checked in", "yes / no", "oui, si, x, true, 1"],
        ["Country", "a name or ISO 3166 code", "Kenya, KE, KEN, Ivory Coast"],
        ["Organisation", "a name, acronym or alias of the registry", "new ones are proposed"],
        ["Preferences, Working groups", "ids, numbers (WG 3) or titles",
         "separate with ; or new lines"]]
    return [("Participants", header, [example]),
            ("Accepted values", ["Column", "Value", "Also read"], accepted)]
