"""HTML written in Python where a template cost too much (the dashboard's lists, the question
card, the review card): the pieces a template would have written. Imports only Django, so any
layer may use it.

    from config.html import html_lang, template_value

    f'<p lang="{html_lang(question.language)}">{template_value(count)}</p>'
"""

from django.conf import settings
from django.utils.formats import localize
from django.utils.html import conditional_escape


def template_value(value) -> str:
    """`{{ value }}` as a template writes it: localized, then escaped."""
    if type(value) is int and not settings.USE_THOUSAND_SEPARATOR:
        # What localize gives a whole number without grouping, without its three format
        # lookups (most of the values written this way are counts): digits need no escaping.
        return str(value)
    return conditional_escape(localize(value))


def html_lang(language: str) -> str:
    """The `lang` attribute of a text in `language` ("zh" or "vi")."""
    return "zh-Hans" if language == "zh" else "vi"
