"""The organisation registry: one canonical id per State, agency, NGO or process."""

from __future__ import annotations

import difflib
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache

from pydantic import Field, model_validator

from planner.model.base import Model, Slug, lax
from planner.model.vocabulary import OrganisationType

__all__ = ["Organisation", "Registry", "normalise_name"]


_NOT_LETTER_OR_DIGIT = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65_536)
def normalise_name(text: str) -> str:
    """Fold a name for matching: no accents, no case, no punctuation.

    Kept for the names seen last: an import of 10,000 rows folds the same organisations,
    countries and registry names tens of thousands of times.

    Examples
    --------
    >>> normalise_name("Côte d'Ivoire")
    'cote d ivoire'
    """
    text = text.replace("’", "'").replace("‘", "'")  # typographic apostrophes part words too
    # After the fold to ASCII, the letters and digits are a-z and 0-9 once lower-cased.
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return _NOT_LETTER_OR_DIGIT.sub(" ", folded).strip()


class Organisation(Model):
    """An organisation, State or territory as the toolkit knows it everywhere."""

    id: Slug
    """Canonical id used in every event file (`unhcr`, `yemen`)."""
    name: str = Field(min_length=1)
    """Full official name."""
    short_name: str | None = None
    """For States: the official short name, used to sort delegations."""
    acronym: str | None = None
    type: lax[OrganisationType]
    iso: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    """For States: the ISO 3166-1 alpha-2 code."""
    parent: Slug | None = None
    """The State a territory or ministry belongs to, or the parent body."""
    regions: list[str] = Field(default_factory=list)
    """UN M49 sub-regions covered, or `global`."""
    aliases: list[str] = Field(default_factory=list)
    """Other spellings met in the sources, OCR variants included."""
    note: str | None = None

    @model_validator(mode="after")
    def _states_have_codes(self) -> Organisation:
        if self.type == OrganisationType.STATE and self.iso is None:
            raise ValueError("a State needs its ISO 3166-1 alpha-2 code in 'iso'")
        return self

    @property
    def display_name(self) -> str:
        """The name to print in lists: short name, else acronym, else name."""
        return self.short_name or self.acronym or self.name

    def names(self) -> Iterator[str]:
        """Every name this organisation answers to."""
        yield self.id
        yield self.name
        yield from filter(None, (self.short_name, self.acronym))
        yield from self.aliases


class Registry:
    """The organisations of a library, looked up by id, name, acronym or alias.

    `known` entries are found like the others but not listed (iterating lists
    the library's own): every State of ISO 3166 that the library does not name.
    An own entry wins over a known one with the same id or name.

    Examples
    --------
    >>> reg = Registry([Organisation(id="kenya", name="Kenya", type="state", iso="KE")],
    ...                known=[Organisation(id="norway", name="Norway", type="state", iso="NO")])
    >>> [o.id for o in reg], "norway" in reg, [o.id for o in reg.every()]
    (['kenya'], True, ['kenya', 'norway'])
    """

    def __init__(self, organisations: Iterable[Organisation], *,
                 known: Iterable[Organisation] = ()) -> None:
        self._by_id = {org.id: org for org in organisations}
        self._listed = len(self._by_id)
        for org in known:
            self._by_id.setdefault(org.id, org)
        self._by_name: dict[str, str] = {}
        for org in self._by_id.values():
            for name in org.names():
                self._by_name.setdefault(normalise_name(name), org.id)

    def __contains__(self, org_id: object) -> bool:
        return org_id in self._by_id

    def __getitem__(self, org_id: str) -> Organisation:
        return self._by_id[org_id]

    def __iter__(self) -> Iterator[Organisation]:
        return itertools.islice(self._by_id.values(), self._listed)

    def __len__(self) -> int:
        return self._listed

    def every(self) -> Iterator[Organisation]:
        """Every entry, the library's own first, then the `known` ones."""
        return iter(self._by_id.values())

    def known(self) -> list[Organisation]:
        """The entries known without being the library's own."""
        return list(itertools.islice(self._by_id.values(), self._listed, None))

    def resolve(self, name: str) -> Organisation | None:
        """Find the organisation a name, acronym or alias stands for.

        Examples
        --------
        >>> reg = Registry([Organisation(id="iom", name="International Organization "
        ...     "for Migration", acronym="IOM", type="intergovernmental", aliases=["|OM"])])
        >>> reg.resolve("|om").id
        'iom'
        """
        org_id = self._by_name.get(normalise_name(name))
        return self._by_id[org_id] if org_id else None

    def suggest(self, name: str, *, limit: int = 3) -> list[str]:
        """The ids whose names come closest to `name`, best first."""
        matches = difflib.get_close_matches(
            normalise_name(name), list(self._by_name), n=limit * 3, cutoff=0.6
        )
        ids = dict.fromkeys(self._by_name[m] for m in matches)
        return list(ids)[:limit]

    def unknown_message(self, name: str) -> str:
        """The message for a name the registry does not know, with suggestions."""
        known = self.resolve(name)
        if known is not None:
            return f"'{name}' is not an id; write the registry id '{known.id}'"
        hint = ", ".join(f"'{s}'" for s in self.suggest(name))
        message = f"unknown organisation '{name}'"
        return f"{message}; did you mean {hint}?" if hint else (
            f"{message}; add it to organisations.yaml first")
