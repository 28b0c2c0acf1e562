"""Questions' texts as learners and teachers see them: the sanitised HTML a foreign question
came with (Question.html), sanitised again here before it is marked safe, else the plain text
escaped with its line breaks."""

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import escape
from django.utils.safestring import mark_safe

from quizzes.interchange.markup import sanitise, to_plain

register = template.Library()


def _html(question) -> dict:
    value = getattr(question, "html", None)
    return value if isinstance(value, dict) else {}


@register.filter
def rich_prompt(question, prompt=None):
    """`{{ question|rich_prompt }}`: the question's prompt (or `prompt`, when it is the
    question's own prompt) as sanitised HTML when it has markup and that markup still reads as
    the prompt (a prompt edited since the import is shown as its plain text), else escaped
    plain text."""
    text = question.prompt if prompt is None else prompt
    stored = _html(question).get("prompt")
    if stored and text == question.prompt:
        clean = sanitise(stored)
        if to_plain(clean) == text.strip():
            return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above
    return linebreaksbr(escape(text))


@register.filter
def rich_option(text, question):
    """`{{ choice|rich_option:question }}`: an option or item as sanitised HTML when it came
    with markup, else escaped plain text."""
    stored = _html(question).get("texts", {}).get(str(text))
    if stored:
        return mark_safe(sanitise(stored))  # noqa: S308 - sanitised by nh3 just above
    return escape(text)


@register.filter
def rich_comment(text, question):
    """`{{ comment|rich_comment:question }}`: an imported question's feedback as sanitised HTML
    when it came with markup, else escaped plain text with its line breaks."""
    stored = _html(question).get("texts", {}).get(str(text)) if question is not None else None
    if stored:
        return mark_safe(sanitise(stored))  # noqa: S308 - sanitised by nh3 just above
    return linebreaksbr(escape(text))
