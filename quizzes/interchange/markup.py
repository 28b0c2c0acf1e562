"""Markup from foreign questions ([html], [moodle] and [markdown] texts of GIFT and Moodle XML),
made safe to show. Pure Python, no Django.

Every HTML text is sanitised with nh3 (the Rust ammonia sanitiser) to a small allow-list of
inline and basic tags, with no attribute but `lang`: no script, style, event handler, link or
image survives, so the pages' Content-Security-Policy (no inline style or script) holds.
Markdown is rendered with markdown-it-py (CommonMark, raw HTML disabled), then sanitised.
A question keeps its plain text (graded, compared, sent to Anki) and, when it came with real
markup, the sanitised HTML beside it (Question.html)."""

from __future__ import annotations

import html
import re
from contextlib import contextmanager
from contextvars import ContextVar

import nh3
from markdown_it import MarkdownIt

TAGS = frozenset(
    {"b", "i", "em", "strong", "u", "sub", "sup", "br", "p", "ul", "ol", "li", "code", "span"}
)
ATTRIBUTES = {tag: {"lang"} for tag in TAGS}
# Tags that only carry plain text's own shape (what Moodle's editor writes around plain text):
# a text made of nothing else keeps no HTML.
_PLAIN_TAGS = {"p", "br"}
_TAG_NAME_RE = re.compile(r"</?([a-z0-9]+)")
_BREAK_RE = re.compile(r"<br\s*/?>|</p>\s*<p>|</li>\s*<li>", re.IGNORECASE)

_MARKDOWN = MarkdownIt("commonmark", {"html": False})


def sanitise(text: str) -> str:
    """`text` (HTML) with only the allow-listed tags and `lang` attributes left."""
    return nh3.clean(
        text, tags=set(TAGS), attributes={k: set(v) for k, v in ATTRIBUTES.items()}, link_rel=None
    ).strip()


def markdown_html(text: str) -> str:
    """CommonMark rendered to HTML, raw HTML in the text shown as text (then sanitised)."""
    return sanitise(_MARKDOWN.render(text))


def markdown_is_plain(text: str) -> bool:
    """Whether Markdown renders `text` as the one paragraph of its own words."""
    rendered = _MARKDOWN.render(text).strip()
    return not text.strip() or rendered == f"<p>{html.escape(text.strip(), quote=False)}</p>"


def has_markup(clean: str) -> bool:
    """Whether sanitised HTML holds any tag beyond paragraphs and line breaks."""
    return any(name.lower() not in _PLAIN_TAGS for name in _TAG_NAME_RE.findall(clean))


def to_plain(clean: str) -> str:
    """The plain text of sanitised HTML: paragraphs, breaks and list items on their own lines."""
    work = _BREAK_RE.sub("\n", clean.strip())
    work = nh3.clean(work, tags=set())
    return html.unescape(work).replace("\xa0", " ").strip()


# The texts with markup read while one question is parsed: plain text -> sanitised HTML.
_COLLECTED: ContextVar[dict | None] = ContextVar("collected_html", default=None)


@contextmanager
def collecting():
    """Collect, while one question is read, the HTML of every text that had markup."""
    found: dict[str, str] = {}
    token = _COLLECTED.set(found)
    try:
        yield found
    finally:
        _COLLECTED.reset(token)


def record(plain: str, clean: str) -> None:
    found = _COLLECTED.get()
    if found is not None and clean:
        found[plain] = clean


def item_html(prompt: str, prompt_html: str, final_prompt: str, texts: dict) -> dict:
    """Question.html for an item: {"prompt": html, "texts": {plain text: html}}, only what had
    markup ({} for a plain question). A blank appended to the prompt is appended to its HTML."""
    out: dict = {}
    if prompt_html:
        if final_prompt != prompt and final_prompt.startswith(prompt):
            suffix = html.escape(final_prompt[len(prompt) :], quote=False)
            if prompt_html.endswith("</p>"):  # the blank ends the last paragraph
                prompt_html = prompt_html[: -len("</p>")] + suffix + "</p>"
            else:
                prompt_html += suffix
        out["prompt"] = prompt_html
    if texts:
        out["texts"] = dict(texts)
    return out
