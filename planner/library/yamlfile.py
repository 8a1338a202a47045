"""YAML as the library writes it: safe, YAML 1.2 scalars, stable and diffable, with line numbers."""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Sequence
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

import yaml

from planner.library.garbage import collection_paused

__all__ = ["DUMPER", "PYTHON_DUMPER", "YamlSyntaxError", "dump_yaml", "dump_yaml_exact",
           "load_yaml", "locate"]

if TYPE_CHECKING:
    # The C loader, where PyYAML has libyaml, is a drop-in for the pure-Python one; a
    # base chosen at run time cannot be checked, so the checker sees the fallback.
    _BaseLoader = yaml.SafeLoader
else:
    _BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):
    """Safe loader with YAML 1.2 core scalars.

    YAML 1.1 reads `NO` (Norway's ISO code) as false and `10:30` as the
    number 630; organisers write both. Only true/false, plain numbers,
    null and ISO dates are resolved; everything else stays a string.
    """


_CORE_SCALARS = (
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^[-+]?[0-9]+$", "-+0123456789"),
    ("tag:yaml.org,2002:float",
     r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$", "-+.0123456789"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:timestamp", r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "0123456789"),
)
_Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in _CORE_SCALARS:
    _Loader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


def _construct_date(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> dt.date | str:
    # An impossible date (2010-02-30) stays text, so that validation can name
    # its line instead of the parser failing without one.
    try:
        return dt.date.fromisoformat(node.value)
    except ValueError:
        return str(node.value)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_date)


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    # PyYAML keeps the last of two equal keys: a pasted block would silently
    # replace the field above it. Both lines are named instead.
    first: dict[Any, int] = {}
    for key_node, _value in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
            continue
        line = key_node.start_mark.line + 1
        if key_node.value in first:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key '{key_node.value}' is here twice (lines "
                f"{first[key_node.value]} and {line}); keep one", key_node.start_mark)
        first[key_node.value] = line
    return loader.construct_mapping(node)


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


#: Characters no record holds: C0 controls but tab and line feed, and DEL. They break
#: every export (XML refuses them, spreadsheets and calendars garble them).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _construct_str(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    # Raw control characters are refused by the reader; only a double-quoted escape
    # ("\x01", written by a dump of imported text) can carry one into a record.
    value = loader.construct_scalar(node)
    if node.style == '"' and (found := CONTROL_CHARACTERS.search(value)):
        raise yaml.constructor.ConstructorError(
            None, None, f"a control character (U+{ord(found.group()):04X}) is in this text; "
            "remove it", node.start_mark)
    return str(value)


_Loader.add_constructor("tag:yaml.org,2002:str", _construct_str)


class YamlSyntaxError(Exception):
    """The text is not YAML; carries the position of the first error."""

    def __init__(self, message: str, line: int | None, column: int | None) -> None:
        super().__init__(message)
        self.line, self.column = line, column


def load_yaml(text: str) -> Any:
    """Parse YAML text safely into plain data.

    Examples
    --------
    >>> load_yaml("iso: NO\\nstart: '10:30'\\nend: 10:30\\nday: 2008-05-19")
    {'iso': 'NO', 'start': '10:30', 'end': '10:30', 'day': datetime.date(2008, 5, 19)}
    """
    try:
        with collection_paused():
            return yaml.load(text, Loader=_Loader)  # noqa: S506 -- _Loader is a SafeLoader
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        message = " ".join(filter(None, (err.context, err.problem)))
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise YamlSyntaxError(message, line, column) from None
    except yaml.YAMLError as err:
        raise YamlSyntaxError(str(err), None, None) from None


def locate(text: str, loc: Sequence[str | int]) -> tuple[int, int]:
    """Line and column (1-based) of the value at path `loc`, or of its nearest parent.

    Examples
    --------
    >>> locate("a: 1\\nb:\\n  - x\\n  - y\\n", ("b", 1))
    (4, 5)
    """
    node = yaml.compose(text, Loader=_Loader)
    mark = node.start_mark if node else None
    for key in loc:
        child = _child(node, key)
        if child is None:
            break
        node, mark = child
    return (mark.line + 1, mark.column + 1) if mark else (1, 1)


def _child(node: Any, key: str | int) -> tuple[Any, Any] | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == key:
                # A key whose value is missing points at the key itself.
                target = value_node if value_node.value not in ("", None) else key_node
                return value_node, target.start_mark
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        item = node.value[key]
        return item, item.start_mark
    return None


_UNICODE_BREAKS = re.compile("[\x85\u2028\u2029]")
# Either kind of character above: one search per value, since almost none holds any
# (a set intersection walked every character of every value: a second per 10,000 people).
_ODD = re.compile("[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029]")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # A control character typed or pasted into the app is written as a space: the file
    # must read back, and the loader refuses them.
    if _ODD.search(value):
        cleaned = CONTROL_CHARACTERS.sub(" ", value)
        if cleaned != value:
            _altered.set(True)
            value = cleaned
        if _UNICODE_BREAKS.search(value):
            # PyYAML writes these raw inside single quotes and reads them back as
            # line folds; escaped double quotes keep them.
            return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    if "\n" in value or len(value) > 88:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


def _flow(value: list[Any]) -> bool:
    """Short lists of short words (`action_points: [1, 6]`) read best on one line."""
    short = all(isinstance(item, int | str) and len(str(item)) <= 40 and "\n" not in str(item)
                for item in value)
    return short and sum(len(str(item)) + 2 for item in value) <= 60


def _represent_list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=_flow(value))


def _represent_date(dumper: yaml.SafeDumper, value: dt.date) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


class _Layout:
    """Block style, literal blocks for long text, YAML 1.1-safe quoting for other tools;
    a list under a key starts at the key's column, as libyaml writes it."""

    def ignore_aliases(self, data: Any) -> bool:
        # A value used twice (one date object in two places) is written twice:
        # anchors and aliases are not for hand-edited files.
        return True


def _dumper(emitter: type[Any]) -> type[Any]:
    dumper: Any = type(f"_{emitter.__name__}", (_Layout, emitter), {})
    # The dumper quotes a string that either YAML 1.1 or our 1.2 reading would
    # take for something else, so files read the same in every editor.
    for tag, pattern, first in _CORE_SCALARS:
        dumper.add_implicit_resolver(tag, re.compile(pattern), list(first))
    dumper.add_representer(str, _represent_str)
    dumper.add_representer(list, _represent_list)
    dumper.add_representer(dt.date, _represent_date)
    # Vocabulary values (StrEnum members) are written as their plain strings.
    dumper.add_multi_representer(enum.Enum,
                                 lambda dumper, value: _represent_str(dumper, value.value))
    return dumper


_MAP, _SEQ = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"


class _Direct:
    """Builds the node tree straight from plain data: the same nodes the representers
    above make, without PyYAML's per-value dispatch (alias bookkeeping, a walk of each
    type's MRO): profiled on a 10,000-person event, building the tree took a third of the
    time it took through the representers. Anything but plain dicts, lists, strings and
    dates goes through the representers."""

    def represent(self, data: Any) -> None:
        self.serialize(self._node(data))  # type: ignore[attr-defined]

    def _node(self, value: Any) -> yaml.Node:
        kind = type(value)
        if kind is str:
            return _represent_str(self, value)  # type: ignore[arg-type]
        if kind is dict:
            return yaml.MappingNode(_MAP, [(self._node(k), self._node(v))
                                           for k, v in value.items()], flow_style=False)
        if kind is list:
            return yaml.SequenceNode(_SEQ, [self._node(item) for item in value],
                                     flow_style=_flow(value))
        if kind is dt.date:
            return _represent_date(self, value)  # type: ignore[arg-type]
        # Booleans, numbers, null, vocabulary members: rare enough to dispatch.
        return self.represent_data(value)  # type: ignore[attr-defined]


#: The pure-Python writer: the reference the C one is tested against, byte for byte.
PYTHON_DUMPER = _dumper(yaml.SafeDumper)
#: libyaml's C emitter where PyYAML has it (2.5 times faster on a large event), else the
#: pure-Python one, fed the node tree built directly: the same nodes, so the same text.
DUMPER: type[Any] = type("_Dumper", (_Direct, _dumper(getattr(yaml, "CSafeDumper",
                                                              yaml.SafeDumper))), {})


#: Whether the dump under way wrote a value otherwise than it is (a control character as a
#: space): then the text does not read back as the data it was written from.
_altered: ContextVar[bool] = ContextVar("planner_yaml_altered", default=False)


def dump_yaml_exact(data: Any) -> tuple[str, bool]:
    """The canonical text of `data`, and whether it reads back as `data` exactly (False
    when a value had to be written otherwise: a control character as a space).

    Examples
    --------
    >>> dump_yaml_exact({"city": "Nairobi"}), dump_yaml_exact({"city": "Nai\\x07robi"})[1]
    (('city: Nairobi\\n', True), False)
    """
    token = _altered.set(False)
    try:
        text = dump_yaml(data)
        return text, not _altered.get()
    finally:
        _altered.reset(token)


def dump_yaml(data: Any, *, dumper: type[Any] = DUMPER) -> str:
    """Write plain data as the library's canonical YAML text.

    Examples
    --------
    >>> print(dump_yaml({"iso": "NO", "tags": [1, 6], "items": [{"a": "b", "c": "d"}]}), end="")
    iso: 'NO'
    tags: [1, 6]
    items:
    - a: b
      c: d
    """
    with collection_paused():
        text: str = yaml.dump(
            data, Dumper=dumper, sort_keys=False, allow_unicode=True,
            default_flow_style=False, width=88, indent=2,
        )
    if dumper is not PYTHON_DUMPER and ("\\U" in text or text.endswith("\n...\n")):
        # Where the two writers differ, the pure-Python text is the canonical one: libyaml
        # escapes characters beyond the Basic Multilingual Plane (a rare script in a name,
        # an emoji) that it prints as they are, and ends a file with "..." once any text
        # ended in blank lines, where it does so only when the last one does.
        return dump_yaml(data, dumper=PYTHON_DUMPER)
    return text
