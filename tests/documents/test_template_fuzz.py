"""Random Jinja expressions in an organiser's own template (#20): built from the names a
template sees, literals (huge ones too), operators, filters, calls and attributes, each
renders to a document or is refused in one line naming the template, within the limits:
never a traceback, never a hang."""

from __future__ import annotations

import io
import time

from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.documents import sandbox
from planner.documents.render import render_own_template
from planner.documents.sandbox import TemplateProblem
from tests.documents.test_template_limits import template

CONTEXT = {"title": "Nairobi 2027", "count": 90, "dates": "6–7 September 2027",
           "people": [{"name": "Amina Hassan", "organisation": "IOM"},
                      {"name": "Léonce Ndikumana", "organisation": "Burundi"}],
           "none": None}

ATOMS = st.one_of(
    st.sampled_from([*CONTEXT, "people[0]", "people[0].name", "loop", "range", "namespace",
                     "lipsum", "dict", "cycler", "joiner", "missing"]),
    st.integers(min_value=-10**6, max_value=10**30).map(str),
    st.text(st.sampled_from("aé{}%'\"\\ 0"), max_size=6).map(repr),
    st.sampled_from(["[1, 2]", "(1,)", "{'a': 1}", "none", "true", "''", "1.5e308",
                     "range(5)", "range(10**9)", "range(100000)", "9**9**9"]),
)
OPERATORS = ["+", "-", "*", "/", "//", "%", "**", "~", " and ", " or ", " in ", " == ",
             " < ", " is ", " if true else "]
FILTERS = ["upper", "length", "list", "join(', ')", "default('x')", "int", "float", "round",
           "reverse", "first", "last", "string", "title", "trim", "wordcount", "sum",
           "unique", "sort", "batch(2)", "e", "center(10**7)", "indent(10**7)", "format(1)",
           "replace('a', 'bb')", "map('upper')", "attr('__class__')", "pprint", "tojson",
           "truncate(3)", "wordwrap(1)", "xmlattr", "dictsort", "groupby('name')"]
TRAILERS = [".upper()", ".split()", ".__class__", ".format(title)", "[0]", "[1:]",
            ".items()", ".mro()", "()", ".append(1)", ".__globals__", ".zfill(10**8)",
            ".ljust(10**8)", ".expandtabs(10**8)"]

EXPRESSIONS = st.recursive(ATOMS, lambda inner: st.one_of(
    st.tuples(inner, st.sampled_from(OPERATORS), inner).map(lambda t: f"({t[0]}{t[1]}{t[2]})"),
    st.tuples(inner, st.sampled_from(FILTERS)).map(lambda t: f"({t[0]} | {t[1]})"),
    st.tuples(inner, st.sampled_from(TRAILERS)).map("".join),
), max_leaves=6)

STATEMENTS = st.one_of(
    EXPRESSIONS.map(lambda e: f"{{{{ {e} }}}}"),
    st.tuples(EXPRESSIONS, EXPRESSIONS).map(
        lambda t: f"{{% for x in {t[0]} %}}{{{{ x }}}}{{{{ {t[1]} }}}}{{% endfor %}}"),
    st.tuples(EXPRESSIONS, EXPRESSIONS).map(
        lambda t: f"{{% if {t[0]} %}}{{{{ {t[1]} }}}}{{% endif %}}"),
    EXPRESSIONS.map(lambda e: f"{{% set y = {e} %}}{{{{ y }}}}"),
)


@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(text=STATEMENTS)
def test_any_expression_renders_or_is_refused_in_one_line(text: str) -> None:
    start = time.perf_counter()
    try:
        data = render_own_template(template(text), CONTEXT, name="mine.docx")
    except TemplateProblem as err:
        message = str(err)
        assert "\n" not in message and message.startswith("mine.docx: "), message
    else:
        Document(io.BytesIO(data))  # a document Word opens
    assert time.perf_counter() - start < sandbox.RENDER_SECONDS + 15, text
