"""YAML reading and writing: scalars survive every round trip, in every editor's reading."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.library import Library
from planner.library.store import dump_event
from planner.library.synthetic import make_synthetic_event
from planner.library.yamlfile import (
    CONTROL_CHARACTERS,
    DUMPER,
    PYTHON_DUMPER,
    YamlSyntaxError,
    dump_yaml,
    load_yaml,
    locate,
)
from tests.conftest import SHIPPED

pytestmark = pytest.mark.unit

TRICKY = st.sampled_from(["NO", "yes", "off", "10:30", "1e3", "0x1F", "null", "~", "",
                          "- item", "a: b", "#hash", " lead", "trail ", "'", '"', "@x",
                          "2008-05-19", "٣", "line\nbreak", "tab\tin", "\u2028"])
# Control characters no record holds: a save writes them as spaces (tested below).
PLAIN = st.text(max_size=120).map(lambda text: CONTROL_CHARACTERS.sub(" ", text))
TEXT = st.one_of(TRICKY, PLAIN)
KEY = st.text(min_size=1, max_size=12).map(lambda text: CONTROL_CHARACTERS.sub(" ", text))
SCALAR = st.one_of(TEXT, st.integers(), st.booleans(), st.none(),
                   st.dates(min_value=dt.date(1900, 1, 1)))
DATA = st.recursive(SCALAR, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(KEY, inner, max_size=4)), max_leaves=20)


@given(DATA)
def test_dump_then_load_gives_the_same_data(data: object) -> None:
    assert load_yaml(dump_yaml(data)) == data


@given(DATA)
def test_dump_is_stable_across_round_trips(data: object) -> None:
    text = dump_yaml(data)
    assert dump_yaml(load_yaml(text)) == text


@given(st.text(max_size=60))
def test_control_characters_are_written_as_spaces_and_read_back(text: str) -> None:
    assert load_yaml(dump_yaml({"name": text})) == {"name": CONTROL_CHARACTERS.sub(" ", text)}


@given(st.text(st.characters(categories=("L", "N", "Zs")), max_size=20),
       st.sampled_from(["\\x01", "\\e", "\\x7f", "\\u001b", "\\b"]))
def test_a_control_character_escaped_by_hand_is_refused_with_its_place(
        words: str, escape: str) -> None:
    with pytest.raises(YamlSyntaxError, match=r"a control character \(U\+00[0-9A-F]{2}\)") as err:
        load_yaml(f'a: 1\nname: "{words}{escape}{words}"\n')
    assert (err.value.line, err.value.column) == (2, 7)


@given(st.dictionaries(KEY, TEXT, max_size=5))
def test_yaml_1_1_readers_see_the_same_strings(data: dict[str, str]) -> None:
    # Editors and other tools read YAML 1.1: `NO` must not turn into false for them.
    assert yaml.safe_load(dump_yaml(data)) == data


def test_dump_writes_shared_values_twice_without_anchors() -> None:
    day = dt.date(2012, 9, 7)
    assert dump_yaml({"a": day, "b": day, "c": [1], "d": [1]}) == (
        "a: 2012-09-07\nb: 2012-09-07\nc: [1]\nd: [1]\n")


def test_load_keeps_norway_and_times_as_strings() -> None:
    assert load_yaml("iso: NO\nat: 10:30\non: yes") == {"iso": "NO", "at": "10:30", "on": "yes"}


def test_load_refuses_python_tags() -> None:
    with pytest.raises(YamlSyntaxError):
        load_yaml("x: !!python/object/apply:os.system ['id']")


def test_locate_points_at_nested_value() -> None:
    text = "a:\n  b:\n    - x\n    - c: 1\n"
    assert locate(text, ("a", "b", 1, "c")) == (4, 10)


def test_locate_falls_back_to_nearest_parent() -> None:
    assert locate("a:\n  b: 1\n", ("a", "missing")) == (2, 3)


# --- the C writer and the pure-Python one -----------------------------------------------

def _files() -> list[Path]:
    return sorted(SHIPPED.glob("*.yaml"))


def test_the_c_writer_is_used_where_pyyaml_has_it() -> None:
    assert issubclass(DUMPER, getattr(yaml, "CSafeDumper", yaml.SafeDumper))
    assert not issubclass(PYTHON_DUMPER, getattr(yaml, "CSafeDumper", yaml.SafeDumper))


@pytest.mark.parametrize("path", _files(), ids=lambda path: path.name)
def test_both_writers_write_every_library_file_byte_for_byte(path: Path) -> None:
    data = load_yaml(path.read_text(encoding="utf-8"))
    assert dump_yaml(data, dumper=DUMPER) == dump_yaml(data, dumper=PYTHON_DUMPER) \
        == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("size", [12, 300, 1000])
def test_both_writers_write_a_synthetic_event_byte_for_byte(size: int) -> None:
    library = Library(SHIPPED)
    event = make_synthetic_event(participants=size, groups=12, registry=library.registry)
    data = load_yaml(dump_event(event))
    assert dump_yaml(data, dumper=DUMPER) == dump_yaml(data, dumper=PYTHON_DUMPER)


@settings(max_examples=300)
@given(data=st.dictionaries(KEY, st.one_of(SCALAR, st.lists(SCALAR, max_size=4),
                                          st.dictionaries(KEY, SCALAR, max_size=3)),
                            max_size=6))
def test_both_writers_agree_on_any_data(data: dict[str, object]) -> None:
    assert dump_yaml(data, dumper=DUMPER) == dump_yaml(data, dumper=PYTHON_DUMPER)


def test_the_collector_is_back_after_a_failed_read_or_a_write() -> None:
    import gc  # noqa: PLC0415

    with pytest.raises(YamlSyntaxError):
        load_yaml("a: [1, 2\n")
    dump_yaml({"a": [1, 2]})
    assert gc.isenabled()
