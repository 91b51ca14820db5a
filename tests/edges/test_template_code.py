"""careerpath's own templates compiled by templates._TrustedCode: the same text as Jinja's own
code generator writes, errors as loud, and a cache key of their own."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import jinja2
import jinja2.compiler
import markupsafe
import pytest

from careerpath.edges import locations, templates
from careerpath.edges.load import load_library
from careerpath.edges.plan_formats import render_plan
from careerpath.errors import CareerpathError
from tests.helpers import example_plan


def plain(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, trusted environments compile with Jinja's own code generator."""
    monkeypatch.setattr(templates._Trusted, "code_generator_class", jinja2.compiler.CodeGenerator)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_shipped_templates_write_the_same_bytes_as_jinja_s_own_code(
    fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = load_library()
    plans = [example_plan(library, role) for role in sorted(library.roles)]
    fast = [render_plan(plan, library, fmt).text for plan in plans]
    plain(monkeypatch)
    assert [render_plan(plan, library, fmt).text for plan in plans] == fast


# Expressions whose meaning the fast code must keep: attributes and dict keys through `.`,
# chains, namespaces, text with % signs between values, autoescaping, loops and filters.
SOURCES = [
    "{{ d.key }} {{ d.items is callable }} {{ o.a.b }} {{ o.a.b.upper() }}\n",
    "{% set n = namespace(x=1) %}{% set n.x = n.x + 1 %}{{ n.x }}"
    "{% if n.nosuch is undefined %}!{% endif %}",
    "100% {{ o.a.b }} %s %% %(x)s {{ '%' }}{{ '%d' % 5 }}%\n",
    "{% for x in xs %}{{ loop.index }}: {{ x.b }}{{ ', ' if not loop.last else '.' }}{% endfor %}",
    "<p>{{ html }} {{ html | safe }} {{ 1.0 }} {{ True }} {{ 1 }} {{ o.a.b | length }}</p>",
    "{{ dash }}{{ marked }}{{ dash }}{{ marked }} {{ 1 }}{{ 1.0 }}{{ True }}{{ 1 }}",
    "{% macro m(v) %}[{{ v.b }}]{% endmacro %}{{ m(o.a) }}"
    "{% set s %}{{ o.a.b }}%{% endset %}{{ s }}",
    "{% autoescape false %}{{ html }}{% endautoescape %}"
    "{% autoescape true %}{{ html }}{% endautoescape %}",
]
VALUES = {
    "d": {"key": "value"},
    "o": SimpleNamespace(a=SimpleNamespace(b="b_*")),
    "xs": [SimpleNamespace(b=1), SimpleNamespace(b="<x>")],
    "html": "<b>&</b>",
    "dash": "-",  # escaped as a list marker in Markdown, where marked text is not
    "marked": markupsafe.Markup("-"),
}


@pytest.mark.parametrize("markdown", [True, False])
@pytest.mark.parametrize("source", SOURCES)
def test_expressions_mean_what_jinja_s_own_code_means(
    source: str, markdown: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    builtin = [locations.builtin("templates")]
    fast = templates.environment(builtin, markdown=markdown)
    assert isinstance(fast, templates._Trusted)
    for autoescape in (False, True):
        fast.autoescape = autoescape
        text = fast.from_string(source).render(VALUES)
        plain(monkeypatch)
        own = templates.environment(builtin, markdown=markdown)
        own.autoescape = autoescape
        assert text == own.from_string(source).render(VALUES)
        monkeypatch.undo()


def trusted_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> Path:
    (tmp_path / "t.md.j2").write_text(text, encoding="utf-8")
    monkeypatch.setattr(templates, "shipped", lambda dirs: True)
    return tmp_path


def test_a_missing_attribute_is_still_a_strict_error_with_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = trusted_folder(
        tmp_path, monkeypatch, "line one {{ plan.person }}\n{{ plan.nosuch }}\n"
    )
    assert isinstance(templates.environment([folder]), templates._Trusted)
    with pytest.raises(CareerpathError) as caught:
        templates.render([folder], "t.md.j2", {"plan": SimpleNamespace(person="x")})
    assert caught.value.line == 2
    assert "nosuch" in caught.value.message


def test_an_error_among_the_values_of_one_line_names_the_value_s_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Text and values between two tags are written as one piece, each value on its own line."""
    folder = trusted_folder(
        tmp_path, monkeypatch, "{{ plan.person }} and\n{{ plan.person }} then\n{{ plan.x.y }}\n"
    )
    with pytest.raises(CareerpathError) as caught:
        templates.render([folder], "t.md.j2", {"plan": SimpleNamespace(person="x")})
    assert caught.value.line == 3


def test_the_compiled_code_has_a_cache_key_of_its_own(tmp_path: Path) -> None:
    """A template compiled by Jinja's own code generator, or an earlier revision of careerpath's,
    is never loaded for this one (nor the other way round)."""
    builtin = [locations.builtin("templates")]
    own = templates.environment(builtin, tmp_path)
    theirs = templates.environment([tmp_path], tmp_path)
    keys = {
        env.bytecode_cache.get_cache_key("plan.md.j2")  # type: ignore[union-attr]
        for env in (own, theirs)
    }
    assert len(keys) == 2
    assert own.bytecode_cache.kind == (  # type: ignore[union-attr]
        f"_Trusted _TrustedCode {templates._TrustedCode.REVISION} _html"
    )
