"""Numbers that agree with their nouns, in the toolkit's own English messages."""

from __future__ import annotations

__all__ = ["counted"]


def counted(count: int, word: str, plural: str | None = None) -> str:
    """`count` and `word`, in the plural unless there is exactly one.

    Examples
    --------
    >>> counted(1, "row"), counted(3, "row"), counted(0, "delegate"), counted(2, "entry", "entries")
    ('1 row', '3 rows', '0 delegates', '2 entries')
    """
    return f"{count} {word}" if count == 1 else f"{count} {plural or word + 's'}"
