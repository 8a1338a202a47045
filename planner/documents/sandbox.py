"""Limits on an organiser's own template: its size, its unpacked size, no DTDs, bounded
arithmetic, and a render in a separate process with a wall-clock and memory limit.

Jinja's sandbox keeps a template away from Python internals but not from work: `'a' *
10**9`, `9**(9**9)` or two nested loops over `range(100000)` ran for minutes and took
gigabytes. Shipped templates are ours and render in-process; a template the organiser
hands over (`--template FILE`) goes through every limit here.
"""

from __future__ import annotations

import io
import operator
import re
import resource
import zipfile
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as RenderTimeout
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from typing import Any

from jinja2.sandbox import SandboxedEnvironment

from planner.errors import PlannerError

__all__ = [
    "MAX_TEMPLATE_BYTES",
    "MAX_UNPACKED_BYTES",
    "RENDER_MEMORY",
    "RENDER_SECONDS",
    "LimitedSandbox",
    "TemplateLimit",
    "TemplateProblem",
    "check_package",
    "memory_limit",
    "run_limited",
]

#: An organiser's template is a few hundred kilobytes; a larger file is refused unread.
MAX_TEMPLATE_BYTES = 10_000_000
#: What its parts may unpack to together (a zip bomb unpacks to gigabytes).
MAX_UNPACKED_BYTES = 50_000_000
#: The most a render of an organiser's template may take, in seconds and bytes of address
#: space. The shipped templates render a 5,000-person event in 2 s within 150 MB.
RENDER_SECONDS = 10.0
RENDER_MEMORY = 500_000_000
#: The longest text or list a template may make by repetition, and the largest power.
MAX_REPEAT = 1_000_000
MAX_EXPONENT = 1_000
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


class TemplateProblem(PlannerError):
    """A template that cannot be used: not a .docx, bad syntax, unknown or unsafe names."""


class TemplateLimit(TemplateProblem):
    """A template that goes past a limit: too large, a bomb, a DTD, too much work."""


def check_package(data: bytes, name: str) -> None:
    """Refuse a .docx that is too large, unpacks to too much, or declares a DTD (the way to
    external entities and entity bombs)."""
    if len(data) > MAX_TEMPLATE_BYTES:
        raise TemplateLimit(f"{name}: the template is {len(data) / 1e6:.1f} MB; templates are "
                            f"limited to {MAX_TEMPLATE_BYTES / 1e6:.0f} MB")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TemplateLimit(f"{name} is not a Word .docx file")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = package.infolist()
            unpacked = sum(part.file_size for part in parts)
            if unpacked > MAX_UNPACKED_BYTES:
                raise TemplateLimit(
                    f"{name}: the template unpacks to {unpacked / 1e6:.0f} MB; at most "
                    f"{MAX_UNPACKED_BYTES / 1e6:.0f} MB are read")
            for part in parts:
                if part.filename.endswith((".xml", ".rels")) and _DOCTYPE.search(
                        package.read(part)):
                    raise TemplateLimit(f"{name}: refused: {part.filename} declares a "
                                        "DTD or entities, which Word files never need")
    except zipfile.BadZipFile as err:
        raise TemplateLimit(f"{name} is not a Word .docx file ({err})") from None


def _repeat(left: Any, right: Any) -> Any:
    for times, thing in ((left, right), (right, left)):
        if isinstance(times, int) and isinstance(thing, (str, list, tuple)) \
                and times * len(thing) > MAX_REPEAT:
            raise OverflowError(f"a text or list of {times} × {len(thing)} items is longer "
                                f"than a template may make ({MAX_REPEAT:,})")
    return operator.mul(left, right)


def _power(left: Any, right: Any) -> Any:
    if isinstance(right, (int, float)) and abs(right) > MAX_EXPONENT:
        raise OverflowError(f"the power {right} is larger than a template may take "
                            f"({MAX_EXPONENT})")
    return operator.pow(left, right)


class LimitedSandbox(SandboxedEnvironment):
    """Jinja's sandbox with `*` and `**` bounded, so that no one operation takes the
    memory or the processor (`range` is already bounded by Jinja's `MAX_RANGE`)."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator_: str, left: Any, right: Any) -> Any:
        if operator_ == "*":
            return _repeat(left, right)
        if operator_ == "**":
            return _power(left, right)
        return super().call_binop(context, operator_, left, right)


def _limit_memory(most: int) -> None:
    # In the render's own process: past this, allocation fails with MemoryError there.
    resource.setrlimit(resource.RLIMIT_AS, (most, most))


_pools: dict[int, ProcessPoolExecutor] = {}


def _pool() -> ProcessPoolExecutor:
    # One render process, kept between renders (a fresh one costs a second to start:
    # fifty invitation letters would wait a minute), replaced when a render is stopped.
    pool = _pools.get(RENDER_MEMORY)
    if pool is None:
        pool = ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn"),
                                   initializer=_limit_memory, initargs=(RENDER_MEMORY,))
        _pools[RENDER_MEMORY] = pool
    return pool


def _stop(pool: ProcessPoolExecutor) -> None:
    for key, kept in list(_pools.items()):
        if kept is pool:
            del _pools[key]
    # A render past its limit is stopped, not waited for: the executor has no public way.
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.kill()
    pool.shutdown(wait=False, cancel_futures=True)


def run_limited(work: Any, *args: Any, name: str) -> Any:
    """Run `work(*args)` in the render process within `RENDER_SECONDS` and `RENDER_MEMORY`;
    its result, or a `TemplateLimit` saying which limit it reached."""
    pool = _pool()
    future = pool.submit(work, *args)
    try:
        return future.result(timeout=RENDER_SECONDS)
    except RenderTimeout:
        _stop(pool)
        raise TemplateLimit(f"{name}: the template still ran after {RENDER_SECONDS:.0f} s "
                            "and was stopped; look for loops inside loops") from None
    except (MemoryError, BrokenProcessPool):
        _stop(pool)
        raise memory_limit(name) from None
    except TemplateLimit:
        # The render process ran out of memory and said so; it keeps what it took (the
        # allocator does not give it back), so the next render starts in a fresh one.
        _stop(pool)
        raise


def memory_limit(name: str) -> TemplateLimit:
    """The one-line message of a render stopped at `RENDER_MEMORY`."""
    return TemplateLimit(f"{name}: the template needed more than "
                         f"{RENDER_MEMORY / 1e6:,.0f} MB and was stopped")
