"""Dates as organisers write them in documents: `6–7 September 2010`, and in the language
being written (`planner.language.using`) as Babel's CLDR data writes them:
`6–7 septembre 2027`, `6–7 de septiembre de 2027`, `6–7 сентября 2027 г.`."""

from __future__ import annotations

import datetime as dt

from planner.language import current

__all__ = ["clamp_date", "format_date", "format_date_range", "weekday"]


def clamp_date(day: dt.date, low: dt.date, high: dt.date) -> dt.date:
    """`day` moved into `low`…`high`: a default date an input can take (today is before the
    first day of an event still being planned).

    Examples
    --------
    >>> clamp_date(dt.date(2026, 12, 2), dt.date(2027, 9, 6), dt.date(2100, 12, 31))
    datetime.date(2027, 9, 6)
    """
    return min(max(day, low), high)


def format_date(day: dt.date) -> str:
    """One day, day first and month in words.

    Examples
    --------
    >>> format_date(dt.date(2010, 9, 6))
    '6 September 2010'
    """
    if current() != "en":
        from babel.dates import format_date as cldr  # noqa: PLC0415 -- only off English

        return str(cldr(day, "long", locale=current()))
    return f"{day.day} {day:%B %Y}"


def weekday(day: dt.date) -> str:
    """The day of the week in words, in the language being written.

    Examples
    --------
    >>> weekday(dt.date(2010, 9, 6))
    'Monday'
    """
    if current() != "en":
        from babel.dates import format_date as cldr  # noqa: PLC0415 -- only off English

        return str(cldr(day, "EEEE", locale=current()))
    return f"{day:%A}"


def _cldr_range(start: dt.date, end: dt.date, code: str) -> str:
    # CLDR's interval formats abbreviate the month in most languages ("6–7 sept. 2027");
    # documents spell it out, so the span is built from the long date of its last day,
    # as CLDR's own long formats put day, month and year.
    from babel.dates import format_date as cldr  # noqa: PLC0415
    from babel.dates import format_interval, format_skeleton  # noqa: PLC0415

    if code == "zh":  # the year comes first: CLDR's interval says it once
        return str(format_interval(start, end, "yMMMd", locale=code))
    last = str(cldr(end, "long", locale=code))
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{last}"
    if start.year == end.year:
        return f"{format_skeleton('MMMMd', start, locale=code)} – {last}"
    return f"{cldr(start, 'long', locale=code)} – {last}"


def format_date_range(start: dt.date, end: dt.date) -> str:
    """A span of days with as little repetition as reads naturally (en dash between).

    Examples
    --------
    >>> format_date_range(dt.date(2010, 9, 6), dt.date(2010, 9, 7))
    '6–7 September 2010'
    >>> format_date_range(dt.date(2009, 11, 30), dt.date(2009, 12, 1))
    '30 November – 1 December 2009'
    >>> format_date_range(dt.date(2010, 12, 31), dt.date(2011, 1, 2))
    '31 December 2010 – 2 January 2011'
    >>> format_date_range(dt.date(2010, 9, 6), dt.date(2010, 9, 6))
    '6 September 2010'
    """
    if start == end:
        return format_date(start)
    if current() != "en":
        return _cldr_range(start, end, current())
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{format_date(end)}"
    if start.year == end.year:
        return f"{start.day} {start:%B} – {format_date(end)}"
    return f"{format_date(start)} – {format_date(end)}"
