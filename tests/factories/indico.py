"""Registrant exports written as Indico writes them: `generate_spreadsheet_from_registrations`
(indico/modules/events/registration/util.py) gives the columns and values, `generate_csv`
and `generate_xlsx` (indico/util/spreadsheets.py) write the file. The functions below follow
that code line by line (Indico is MIT-licensed); only the registrations are ours."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

NAIROBI = ZoneInfo("Africa/Nairobi")
#: `RegistrationState.__titles__`: what the export writes for each state.
STATE_TITLES = {"complete": "Completed", "pending": "Pending", "rejected": "Rejected",
                "withdrawn": "Withdrawn", "unpaid": "Awaiting payment"}
#: The personal-data items of a registration form, then two items of ours, as columns.
FORM_ITEMS = ("First Name", "Last Name", "Email Address", "Affiliation", "Position", "Country",
              "Phone Number", "Title", "Working group preferences")
#: The static columns an organiser ticks, in `special_item_mapping` order.
STATIC_ITEMS = ("Registration date", "Registration state", "Checked in", "Tags")


@dataclass
class Registration:
    """One registrant, with the data Indico keeps for the columns above."""

    friendly_id: int
    first_name: str
    last_name: str
    email: str
    affiliation: str
    position: str
    country: str
    """What `get_country(code)` prints: pycountry's common name, else its name."""
    phone: str
    title: str
    preferences: list[str]
    """A multi-choice field: the export gives the list of captions."""
    state: str = "complete"
    submitted_dt: dt.datetime = dt.datetime(2027, 1, 15, 5, 30, 12, 481516, tzinfo=dt.UTC)
    checked_in: bool = False
    tags: list[str] = field(default_factory=list)


def spreadsheet(registrations: list[Registration]) -> tuple[list[str], list[dict[str, object]]]:
    """`generate_spreadsheet_from_registrations`: headers, and one dict per registration."""
    headers = ["ID", "Name", *FORM_ITEMS, *STATIC_ITEMS]
    rows = []
    for r in registrations:
        values: list[object] = [r.first_name, r.last_name, r.email, r.affiliation, r.position,
                                r.country, r.phone, r.title, r.preferences]
        row: dict[str, object] = {"ID": r.friendly_id, "Name": f"{r.first_name} {r.last_name}"}
        row.update(zip(FORM_ITEMS, values, strict=True))
        row.update({"Registration date": r.submitted_dt,
                    "Registration state": STATE_TITLES[r.state], "Checked in": r.checked_in,
                    "Tags": list(r.tags) if r.tags else ""})
        rows.append(row)
    return headers, rows


def _prepare_csv_data(data: object, _linebreak_re: re.Pattern[str] = re.compile(r"(\r?\n)+"),
                      _dangerous_chars_re: re.Pattern[str] = re.compile(r"^[=+@-]+")) -> str:
    if isinstance(data, list | tuple):
        data = "; ".join(data)
    elif isinstance(data, set):
        data = "; ".join(sorted(data, key=str.lower))
    elif isinstance(data, bool):
        data = "Yes" if data else "No"
    elif data is None:
        data = ""
    data = _linebreak_re.sub("    ", str(data))
    return _dangerous_chars_re.sub("", data)


def indico_csv(registrations: list[Registration]) -> bytes:
    """`generate_csv`: UTF-8 with BOM, the csv module's default dialect."""
    headers, rows = spreadsheet(registrations)
    buf = io.StringIO(newline="")
    writer = csv.writer(buf)
    writer.writerow(headers)
    positions = {name: i for i, name in enumerate(headers)}
    for row in rows:
        ordered = sorted(row.items(), key=lambda x: positions[x[0]])
        writer.writerow([_prepare_csv_data(v) for _, v in ordered])
    return buf.getvalue().encode("utf-8-sig")


def indico_xlsx(registrations: list[Registration], tz: dt.tzinfo = NAIROBI) -> bytes:
    """`generate_xlsx`: XlsxWriter, bold header, date-times in the event's zone."""
    from xlsxwriter import Workbook  # noqa: PLC0415 -- test-only dependency

    headers, rows = spreadsheet(registrations)
    positions = {name: i for i, name in enumerate(headers)}
    lists = [[x[1] for x in sorted(row.items(), key=lambda x: positions[x[0]])] for row in rows]
    buf = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
               "strings_to_urls": False}
    with Workbook(buf, options) as workbook:
        bold = workbook.add_format({"bold": True})
        datetime_format = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"})
        sheet = workbook.add_worksheet()
        for col, name in enumerate(headers):
            sheet.write(0, col, name, bold)
        for row_number, values in enumerate(lists, 1):
            for col, data in enumerate(values):
                if isinstance(data, dt.datetime):
                    sheet.write_datetime(row_number, col,
                                         data.astimezone(tz).replace(tzinfo=None),
                                         datetime_format)
                elif isinstance(data, list | tuple):
                    sheet.write(row_number, col, "; ".join(data))
                else:
                    sheet.write(row_number, col, data)
    return buf.getvalue()


def excel_resave(csv_data: bytes) -> bytes:
    """The CSV opened in Excel and saved as XLSX: numbers become numbers, the rest text."""
    import openpyxl  # noqa: PLC0415 -- slow import

    book = openpyxl.Workbook()
    sheet = book.active
    for row in csv.reader(io.StringIO(csv_data.decode("utf-8-sig"), newline="")):
        sheet.append([int(c) if c.isdigit() and len(c) < 10 else c for c in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


WG = {"entry": "Protection-sensitive entry, screening and referral",
      "reception": "Reception, registration and documentation",
      "solutions": "Durable solutions: return, resettlement and local integration",
      "movements": "Mixed movements, trafficking and smuggling"}


def delegates() -> list[Registration]:
    """31 delegates of a Nairobi conference, every affiliation in `people_registry`."""
    people = [
        # (first, last, affiliation, position, country, title, state, checked in, tags, WGs)
        ("Peter", "Otieno", "Department of Immigration", "Director", "Kenya", "Mr",
         "complete", True, ["Head of delegation"], ["entry", "reception"]),
        ("Grace", "Wanjiru", "Department of Immigration", "Officer", "Kenya", "Ms",
         "complete", True, [], ["entry"]),
        ("Samuel", "Kiprop", "Kenya Department of Immigration", "Officer", "Kenya", "Mr",
         "unpaid", False, ["Visa letter"], ["solutions"]),
        ("Lawrence", "Masha", "Ministry of Home Affairs", "Permanent Secretary", "Tanzania",
         "Mr", "complete", True, ["Head of delegation", "VIP"], ["solutions"]),
        ("Rehema", "Mollel", "Ministry of Home Affairs", "Director", "Tanzania", "Ms",
         "complete", False, [], ["reception", "entry"]),
        ("Abdirahman", "Warsame", "Ministry of Interior, Federal Affairs and Reconciliation",
         "Director", "Somalia", "Mr", "complete", True, ["Head of delegation"], ["entry"]),
        ("Hodan", "Mohamed", "MoIFAR", "Adviser", "Somalia", "Ms", "pending", False, [],
         ["reception"]),
        ("Ali", "Saleh", "Republic of Yemen", "Deputy Minister", "Yemen", "Mr", "complete",
         True, ["Head of delegation"], ["solutions"]),
        ("Huda", "Al-Ariqi", "Republic of Yemen", "Director General", "Yemen", "Ms",
         "withdrawn", False, [], ["entry"]),
        ("Ingrid", "Solberg", "Kingdom of Norway", "Senior Adviser", "Norway", "Ms", "complete",
         False, ["Head of delegation"], ["solutions"]),
        ("Aïcha", "Traoré", "Republic of Côte d'Ivoire", "Conseillère", "Côte d'Ivoire",
         "Mrs", "complete", False, [], ["reception"]),
        ("Halima", "Warsame", "UNHCR", "Representative", "Kenya", "Ms", "complete", True,
         ["Speaker"], ["entry"]),
        ("Erika", "Feller", "UNHCR", "Assistant High Commissioner", "Switzerland", "Ms",
         "complete", True, ["Speaker", "VIP"], []),
        ("Kofi", "Mensah", "UNHCR", "Registration Officer", "Ghana", "Mr", "complete", False,
         [], ["reception"]),
        ("Pia", "Jensen", "UNHCR", "Legal Officer", "Denmark", "Ms", "rejected", False, [],
         []),
        ("Rose", "Kamau", "IOM", "Migration Officer", "Kenya", "Ms", "complete", True, [],
         ["entry"]),
        ("Yitna", "Getachew", "International Organization for Migration", "Adviser",
         "Ethiopia", "Mr", "complete", False, [], ["solutions"]),
        ("Laura", "Nistri", "IOM", "Programme Manager", "Italy", "Ms", "unpaid", False, [],
         ["entry", "solutions"]),
        ("Hanne", "Mikkelsen", "Danish Refugee Council", "Regional Director", "Denmark", "Ms",
         "complete", True, [], ["reception"]),
        ("Omar", "Farah", "DRC", "Protection Manager", "Somalia", "Mr", "complete", False, [],
         ["entry"]),
        ("Ingvild", "Berg", "NRC", "Head of Programmes", "Norway", "Ms", "complete", False, [],
         ["solutions"]),
        ("Pauline", "Mwende", "Norwegian Refugee Council", "Coordinator", "Kenya", "Ms",
         "pending", False, [], ["reception"]),
        ("Annette", "Mbogoh", "Kituo Cha Sheria", "Executive Director", "Kenya", "Ms",
         "complete", True, ["Speaker"], ["entry"]),
        ("Victor", "Nyamori", "Kituo Cha Sheria", "Legal Officer", "Kenya", "Mr", "withdrawn",
         False, [], ["reception"]),
        ("Sabelo", "Mbokazi", "African Union", "Head of Migration", "Ethiopia", "Mr",
         "complete", True, [], ["solutions"]),
        ("Olawale", "Maiyegun", "AU", "Director", "Ethiopia", "Ms", "complete", False, [], []),
        ("Fatuma", "Abdi", "Department of Immigration", "Commissioner", "Kenya", "Ms",
         "complete", True, [], ["solutions"]),
        ("Juma", "Bakari", "United Republic of Tanzania", "Counsellor", "Tanzania", "Mr",
         "complete", False, [], ["entry"]),
        ("Neema", "Kimaro", "Ministry of Home Affairs", "Legal Officer", "Tanzania", "Ms",
         "complete", True, [], ["reception"]),
        ("Deqa", "Yusuf", "Ministry of Interior, Federal Affairs and Reconciliation",
         "Officer", "Somalia", "Ms", "complete", False, [], ["solutions"]),
        ("Lars", "Haugen", "Kingdom of Norway", "Counsellor", "Norway", "Mr", "complete",
         False, [], ["entry"]),
    ]
    return [Registration(
        friendly_id=n, first_name=first, last_name=last, affiliation=affiliation,
        email=f"{first[0].lower()}.{last.lower().replace('-', '')}@example.org".replace(
            "ï", "i").replace("é", "e"),
        position=position, country=country, phone=f"+254 20 {n:03d} 0{n:03d}", title=title,
        preferences=[WG[w] for w in groups], state=state, checked_in=checked,
        submitted_dt=dt.datetime(2027, 1, 5, 6, 0, 0, 481516, tzinfo=dt.UTC)
        + dt.timedelta(days=n, minutes=7 * n), tags=tags)
        for n, (first, last, affiliation, position, country, title, state, checked, tags,
                groups) in enumerate(people, start=17)]
