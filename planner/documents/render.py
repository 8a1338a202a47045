"""Sandboxed docxtpl rendering; an organiser's own template is checked before it is used.

Templates render in Jinja's `SandboxedEnvironment` with autoescaping, so `&`, `<`
and quotes come out as text (not broken XML) and no tag can reach Python
internals. Undefined variables are errors, never silent blanks.
"""

from __future__ import annotations

import hashlib
import io
import re
import threading
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import (
    StrictUndefined,
    Template,
    TemplateSyntaxError,
    UndefinedError,
    meta,
    nodes,
)
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from planner.documents.sandbox import (
    LimitedSandbox,
    TemplateProblem,
    check_package,
    memory_limit,
    run_limited,
)
from planner.errors import PlannerError

__all__ = [
    "TEMPLATE_DIR",
    "TemplateProblem",
    "check_template",
    "environment",
    "render_own_template",
    "render_template",
]

#: The shipped templates, built by templates/build.py.
TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "templates"
_HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
_FOOTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
_TAGS = re.compile(r"<[^>]+>")
#: How many compiled template parts the environment keeps (oldest dropped first).
COMPILED_KEPT = 256


class _Sandbox(LimitedSandbox):
    """The sandbox, remembering what it compiled: docxtpl hands it the same XML of the
    same template on every render, and compiling costs more than rendering."""

    compiled: dict[str, Template]
    lock: threading.Lock

    def from_string(self, source: Any, globals: Any = None,
                    template_class: Any = None) -> Template:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        with self.lock:  # the app renders from several threads
            template = self.compiled.get(source)
        if template is None:
            template = super().from_string(source)
            with self.lock:
                if len(self.compiled) >= COMPILED_KEPT:
                    self.compiled.pop(next(iter(self.compiled)))
                self.compiled[source] = template
        return template


#: Digests of the templates whose package passed `check_package` in this process.
_PASSED: set[bytes] = set()


@cache
def environment() -> SandboxedEnvironment:
    """The one Jinja environment every document renders in: sandboxed, autoescaping, strict."""
    sandbox = _Sandbox(autoescape=True, undefined=StrictUndefined)
    sandbox.compiled, sandbox.lock = {}, threading.Lock()
    return sandbox


def _open(template: Path | bytes, name: str) -> Any:
    from docxtpl import DocxTemplate  # noqa: PLC0415 -- slow import

    data = template if isinstance(template, bytes) else template.read_bytes()
    digest = hashlib.blake2b(data, digest_size=16).digest()
    if digest not in _PASSED:  # each template once: reading every part costs a third
        check_package(data, name)  # its size first: a large file is refused unread
        if len(_PASSED) > COMPILED_KEPT:
            _PASSED.clear()
        _PASSED.add(digest)
    document = DocxTemplate(io.BytesIO(data))
    try:
        document.init_docx()
    except (KeyError, ValueError, zipfile.BadZipFile) as err:
        raise TemplateProblem(f"{name} is not a Word .docx file ({err})") from None
    return document


def _sources(document: Any) -> list[tuple[str, str]]:
    # The Jinja text of each part, exactly as docxtpl will compile it.
    parts = [("body", document.get_xml())]
    for rel in document.docx.part.rels.values():
        if rel.reltype in (_HEADER, _FOOTER) and not rel.is_external:
            label = "header" if rel.reltype == _HEADER else "footer"
            parts.append((label, document.get_part_xml(rel.target_part)))
    return [(label, re.sub(r"<w:p([ >])", r"\n<w:p\1", document.patch_xml(xml)))
            for label, xml in parts]


def _syntax_problem(err: TemplateSyntaxError, source: str, name: str, part: str) -> str:
    lines = source.splitlines()
    text = _TAGS.sub("", lines[err.lineno - 1]) if 0 < err.lineno <= len(lines) else ""
    return (f"{name}: template syntax error in the {part}: {err.message}, "
            f"in the paragraph '{text.strip()[:120]}'")


def _unsafe_names(tree: nodes.Template) -> list[str]:
    found = [node.attr for node in tree.find_all(nodes.Getattr) if node.attr.startswith("_")]
    found += [node.arg.value for node in tree.find_all(nodes.Getitem)
              if isinstance(node.arg, nodes.Const) and str(node.arg.value).startswith("_")]
    return found


def check_template(template: Path | bytes, context: dict[str, Any], *,
                   name: str = "the template") -> list[str]:
    """Check an organiser's template against a context before rendering; return the
    variables it uses.

    Refuses, with a message naming the template: a file that is not a .docx, a
    syntax error (with the paragraph holding the bad tag), any name beginning with
    an underscore (the way into Python internals), and every variable the context
    does not provide.
    """
    document = _open(template, name)
    env, used = environment(), set()
    for part, source in _sources(document):
        try:
            tree = env.parse(source)
            unsafe = _unsafe_names(tree)
            if unsafe:
                raise TemplateProblem(
                    f"{name}: refused: the template reaches for '{unsafe[0]}', a Python "
                    "internal; templates may only use the document's fields")
            # Compiling for the names also checks filters and tests exist (`x is title`).
            used |= meta.find_undeclared_variables(tree) - set(env.globals)
        except TemplateSyntaxError as err:
            raise TemplateProblem(_syntax_problem(err, source, name, part)) from None
    unknown = sorted(used - set(context))
    if unknown:
        raise TemplateProblem(
            f"{name}: unknown variable{'s' if len(unknown) > 1 else ''} "
            f"{', '.join(repr(v) for v in unknown)}; this document provides "
            f"{', '.join(sorted(context))}")
    return sorted(used)


def render_template(template: Path | bytes, context: dict[str, Any], *,
                    name: str = "the template",
                    finish: Callable[[Any], None] | None = None) -> bytes:
    """Render a .docx template with a context in the sandbox; return the .docx bytes.

    `finish`, if given, is done to the rendered document element (`w:document`) before
    the file is written.

    Raises
    ------
    TemplateProblem
        On a syntax error, an undefined variable or attribute, or unsafe access.
    """
    document = _open(template, name)
    try:
        document.render(context, jinja_env=environment())
    except SecurityError as err:
        raise TemplateProblem(f"{name}: refused: {err}") from None
    except UndefinedError as err:
        raise TemplateProblem(f"{name}: unknown variable: {err.message}") from None
    except TemplateSyntaxError as err:
        raise TemplateProblem(f"{name}: template syntax error: {err.message}") from None
    if finish is not None:
        finish(document.docx.element)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _render_bytes(data: bytes, context: dict[str, Any], name: str) -> bytes:
    # In the render's own process: whatever the template does wrong becomes one line.
    try:
        return render_template(data, context, name=name)
    except PlannerError:
        raise
    except MemoryError:
        raise memory_limit(name) from None
    except RecursionError:
        raise TemplateProblem(f"{name}: the template calls itself without end (a macro "
                              "that calls itself)") from None
    except Exception as err:
        detail = str(err).splitlines()[0][:200] if str(err) else type(err).__name__
        raise TemplateProblem(f"{name}: the template cannot be rendered: {detail}") from None


def render_own_template(template: Path | bytes, context: dict[str, Any], *,
                        name: str = "the template") -> bytes:
    """Render an organiser's own template within every limit of `sandbox`: checked
    first (`check_template`), then rendered in a separate process with a time and a
    memory limit; each failure is a `TemplateProblem` of one line."""
    data = template if isinstance(template, bytes) else template.read_bytes()
    check_template(data, context, name=name)
    result: bytes = run_limited(_render_bytes, data, context, name, name=name)
    return result
