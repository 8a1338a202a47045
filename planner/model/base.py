"""The strict base model and the small value types every record shares."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Annotated, TypeVar

from pydantic import BaseModel, ConfigDict, Field, Strict, ValidationInfo, WithJsonSchema
from pydantic.functional_validators import AfterValidator
from pydantic.networks import validate_email

__all__ = [
    "MOST_PEOPLE",
    "SLUG_PATTERN",
    "ActionPointNumber",
    "Email",
    "FrozenModel",
    "Headcount",
    "Model",
    "OrgId",
    "Slug",
    "TimeOfDay",
    "checked_email",
    "lax",
]

#: An identifier that is safe as a file name: lower-case words joined by hyphens.
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SLUG = re.compile(SLUG_PATTERN)


class Model(BaseModel):
    """Base of every record: a misspelt key is an error, never a silent default.

    Types are strict (a number is not a string, a quoted date is not a date);
    vocabulary fields accept their plain string values through `lax`.
    """

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        validate_default=False,
        use_attribute_docstrings=True,
    )


class FrozenModel(Model):
    """A value object: compared by value and never changed in place."""

    model_config = ConfigDict(frozen=True)


_Vocabulary = TypeVar("_Vocabulary")

lax = Annotated[_Vocabulary, Strict(False)]
"""A vocabulary field that accepts its string value (`"convener"`) from YAML: `lax[Gender]`.

A generic alias rather than a function so type checkers see the enum itself.
"""


Slug = Annotated[
    str,
    Field(pattern=SLUG_PATTERN, min_length=1, max_length=80),
]
"""An identifier: lower-case letters, digits and single hyphens (`dar-es-salaam-2010`)."""


def _check_registry(value: str, info: ValidationInfo) -> str:
    # The registry is passed as validation context by the store; records built
    # in code without a registry only get the shape checked. A merge of two registry
    # entries passes `renamed` (old id → kept id), so every reference follows.
    value = (info.context or {}).get("renamed", {}).get(value, value)
    registry = (info.context or {}).get("registry")
    if registry is not None and value not in registry:
        raise ValueError(registry.unknown_message(value))
    if not _SLUG.fullmatch(value):
        raise ValueError(f"'{value}' is not an organisation id (lower-case, hyphens)")
    return value


OrgId = Annotated[
    str,
    Field(
        json_schema_extra={"x-planner-registry": "organisations", "pattern": SLUG_PATTERN},
        description="Id of an organisation or State in the organisation registry.",
    ),
    AfterValidator(_check_registry),
]
"""A reference to the organisation registry (`unhcr`, `yemen`)."""

@lru_cache(maxsize=65_536)
def checked_email(value: str) -> str:
    """An e-mail address as pydantic's `EmailStr` checks and normalises it (the domain in
    lower case), raising its error when it is not one.

    One address is checked several times over: an imported row is read twice, then the
    record is validated on import and again on save, and email-validator takes about a
    tenth of a millisecond each time — a second for 10,000 people. Checked once here.

    Examples
    --------
    >>> checked_email("Jane.Doe@Example.ORG")
    'Jane.Doe@example.org'
    """
    return validate_email(value)[1]


Email = Annotated[str, AfterValidator(checked_email),
                  WithJsonSchema({"type": "string", "format": "email"})]
"""An e-mail address (`EmailStr`, each address checked once per process)."""

ActionPointNumber = Annotated[int, Field(ge=1, le=10)]
"""The number of one of the ten action points."""

#: More people than any conference of the field gathers. Every headcount stops here, so a
#: slip of the keyboard (an extra zero, or twenty) is refused with a message where it is
#: typed instead of overflowing the solver's 64-bit arithmetic later.
MOST_PEOPLE = 100_000

Headcount = Annotated[int, Field(ge=1, le=MOST_PEOPLE)]
"""A number of people or seats: a room's capacity, a group's size, a delegation's quota."""

TimeOfDay = Annotated[
    str,
    Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", description="24-hour time, HH:MM."),
]
"""A clock time as printed in a programme, `09:15`."""


def is_slug(value: str) -> bool:
    """Tell whether `value` is a well-formed identifier.

    Examples
    --------
    >>> is_slug("dar-es-salaam-2010"), is_slug("../../etc/passwd"), is_slug("a/b")
    (True, False, False)
    """
    return bool(_SLUG.fullmatch(value)) and len(value) <= 80


__all__ += ["is_slug"]
