"""`lang` attributes for text whose language the template does not know (answer lines, the
options of a matching question, result prompts): told from the text's own script.

    {% load text_lang %}<span{{ line|lang_attr }}>{{ line }}</span>

A title inside a sentence of the interface ("Quiz: {title}") is wrapped instead, by `lang_span`
in a template or `format_langs` in Python (a message):

    {% blocktranslate with title=quiz.title|lang_span %}Quiz: {{ title }}{% endblocktranslate %}

Han characters outnumbering Latin letters make it Chinese (zh-Hans); Latin letters with
Vietnamese diacritics (ă â đ ê ô ơ ư or a tone mark) make it Vietnamese; anything else (a number,
"True" in the interface language) gets no attribute and keeps the page's language.
"""

import unicodedata

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

VIETNAMESE_LETTERS = set("ăâđêôơưĂÂĐÊÔƠƯ")
TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or char >= "\U00020000"


def text_lang(text) -> str:
    """ "zh-Hans", "vi" or "" (unknown) for `text`."""
    text = str(text or "")
    han = sum(1 for c in text if _is_han(c))
    latin = sum(1 for c in text if c.isascii() and c.isalpha() or c in VIETNAMESE_LETTERS)
    if han and han >= latin:
        return "zh-Hans"
    decomposed = unicodedata.normalize("NFD", text)
    if any(c in VIETNAMESE_LETTERS for c in text) or any(c in TONE_MARKS for c in decomposed):
        return "vi"
    return ""


@register.filter
def lang_attr(text) -> str:
    """` lang="…"` for `text` (with its leading space), or nothing when its language is unknown."""
    lang = text_lang(text)
    return format_html(' lang="{}"', lang) if lang else ""


@register.filter
def lang_span(text) -> SafeString:
    """`text`, escaped, inside `<span lang="…">` when its language is known (a title inside a
    sentence of the interface language), else just escaped."""
    lang = text_lang(text)
    return (
        format_html('<span lang="{}">{}</span>', lang, text) if lang else conditional_escape(text)
    )


def format_langs(message: str, values: dict[str, object]) -> SafeString:
    """`message % values` as HTML, each value escaped and wrapped by `lang_span`: a message
    (django.contrib.messages keeps it safe) naming a title in its own language."""
    return mark_safe(conditional_escape(message) % {k: lang_span(v) for k, v in values.items()})
