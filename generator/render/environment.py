"""The Jinja environment that turns models into Markdown pages."""

from __future__ import annotations

import html
import json
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .text import escape_markdown, first_sentence, md_inline, md_to_html


def safe_json(value: object) -> Markup:
    """JSON that can sit inside <script type="application/json"> without ending it."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


def front_matter_title(text: object) -> Markup:
    """A page title for the front matter: quoted, so YAML reads it as one string whatever it
    starts with (``&``, ``*``, ``{``) or holds (``: ``, ``#``), and HTML-escaped, because themes
    insert page titles into the navigation as HTML."""
    return Markup(json.dumps(html.escape(str(text)), ensure_ascii=False))


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator.render", "templates"),
        autoescape=True,
        comment_start_string="{##",  # "{#id}" is Markdown attribute syntax in our templates
        comment_end_string="##}",
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = lambda text: Markup(md_to_html(text))
    env.filters["mdi"] = lambda text: Markup(md_inline(text))
    env.filters["mdtext"] = lambda text: Markup(escape_markdown(str(text)))
    env.filters["json"] = safe_json
    env.filters["page_title"] = front_matter_title
    env.filters["first_sentence"] = first_sentence
    return env


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)

