"""A fast start: `planner --help` and `planner list` import only what they need.

Each case runs the command in a fresh interpreter (a test process has imported
everything already) and reads `sys.modules` after it: modules, not seconds, so that
a busy machine cannot make the test fail. The timings are in bench/bench_cli.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.model import EventKind, StaffLevel
from planner.model.initiatives import EDITIONS

pytestmark = pytest.mark.e2e

#: The paperwork, the solver, the partner network and the spreadsheets: no listing needs them.
HEAVY = ("planner.documents", "docxtpl", "docx", "lxml", "ortools", "planner.groups.assign",
         "networkx", "planner.network", "pandas", "openpyxl")
#: What `planner --help` does not need either: the library and the pydantic model.
MODEL = ("planner.library", "planner.model", "pydantic", "yaml")

# Runs the command as the `planner` script does, then prints what it printed and the
# top-level names of the modules it loaded.
_SCRIPT = """
import contextlib, io, json, sys
from planner.cli import cli
out = io.StringIO()
with contextlib.redirect_stdout(out):
    cli.main(sys.argv[1:], prog_name="planner", standalone_mode=False)
print(json.dumps({"output": out.getvalue(), "modules": sorted(sys.modules)}))
"""


def _run(*args: str) -> tuple[str, set[str]]:
    env = {k: v for k, v in os.environ.items() if k != "PLANNER_LIBRARY"}
    done = subprocess.run([sys.executable, "-c", _SCRIPT, *args], capture_output=True,
                          text=True, check=True, env=env, timeout=120)
    result = json.loads(done.stdout)
    return result["output"], set(result["modules"])


def _loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    """Which of `names` were imported, themselves or a module under them."""
    return [n for n in names if n in modules or any(m.startswith(n + ".") for m in modules)]


def test_help_loads_neither_the_model_nor_the_heavy_stacks() -> None:
    output, modules = _run("--help")
    assert "Usage: planner [OPTIONS] COMMAND [ARGS]..." in output
    assert _loaded(modules, HEAVY + MODEL) == []


@pytest.mark.parametrize("args", [("list",), ("list", "--json"), ("list", "--kind", "workshop")])
def test_list_loads_no_paperwork_solver_network_or_spreadsheets(args: tuple[str, ...]) -> None:
    output, modules = _run(*args)
    assert "manila-2010" in output  # the shipped library's workshop
    assert _loaded(modules, HEAVY) == []


def test_a_command_help_loads_the_model_only_for_its_choices() -> None:
    # `sections` names no vocabulary of the model: its help needs nothing more than click.
    output, modules = _run("sections", "add", "--help")
    assert "Add a section HEADING" in output
    assert _loaded(modules, HEAVY + MODEL) == []


def test_late_choices_help_and_defaults_read_the_model() -> None:
    runner = CliRunner()
    kinds = runner.invoke(cli, ["list", "--help"]).output
    assert f"[{'|'.join(k.value for k in EventKind)}]" in kinds
    levels = runner.invoke(cli, ["groups", "leaders", "--help"], terminal_width=200).output
    assert f"Levels a chair works at ({', '.join(s.value for s in StaffLevel)})." in levels
    editions = runner.invoke(cli, ["network", "compare", "--help"]).output
    assert f"[default: {EDITIONS[0]}]" in editions and f"[default: {EDITIONS[-1]}]" in editions
    refused = runner.invoke(cli, ["list", "--kind", "gala"])
    assert refused.exit_code == 2 and "'gala' is not one of 'regional-conference'" in refused.output


def test_list_from_its_memo_loads_not_even_the_model() -> None:
    # The first listing loads and validates every event and keeps the rows; the second
    # finds every file as it was and prints the same rows without the model.
    first, _ = _run("list", "--json")
    second, modules = _run("list", "--json")
    assert second == first and "manila-2010" in second
    assert _loaded(modules, (*HEAVY, "planner.library.folder", "planner.model", "pydantic")) == []
