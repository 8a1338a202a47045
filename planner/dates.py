"""Dates as organisers write them in documents: `6–7 September 2010`."""

from __future__ import annotations

import datetime as dt

__all__ = ["clamp_date", "format_date", "format_date_range"]


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
    return f"{day.day} {day:%B %Y}"


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
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{format_date(end)}"
    if start.year == end.year:
        return f"{start.day} {start:%B} – {format_date(end)}"
    return f"{format_date(start)} – {format_date(end)}"
