"""Parts of the dashboard's HTML made in Python, where a template loop costs ten times more: the
rows of the true-retention table and of the charts' tables, the document picker's options, the
paragraphs tinted by mastery, the weakest facts and the quiz history. Each writes exactly what the
template wrote before (tests/progress/views/test_fragments.py renders the old template next to
it): the same markup, the same messages (the template's msgids, translated and filled in as
`{% translate %}` and `{% blocktranslate %}` do), the same escaping.

The small strings that depend only on the language and a number or a date ("Paragraph 3",
"Mastery 75%", a formatted day or moment) and the `lang` attribute of a title are kept once
made: nothing in them but what their key holds.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from functools import lru_cache

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import get_current_timezone, localtime
from django.utils.translation import get_language, gettext, ngettext

from config.html import template_value as _value
from content.models import Document
from content.templatetags.text_lang import lang_attr
from progress.figures import Retention
from progress.stats import Paragraph, WeakFact
from quizzes.models import Attempt


@lru_cache(maxsize=4096)
def _day(day: date, format_name: str, language: str | None) -> str:
    """`{{ day|date:format_name }}` in `language`."""
    return conditional_escape(date_format(day, format_name))


@lru_cache(maxsize=4096)
def _moment(moment: datetime, format_name: str, language: str | None, zone: tzinfo) -> str:
    """`{{ moment|date:format_name }}` in `language`, `moment` (aware) shown in `zone` (the
    current time zone, as a template shows it)."""
    return conditional_escape(date_format(localtime(moment, zone), format_name))


def day_rows(rows: list[tuple[date, int]], format_name: str) -> SafeString:
    """The `<tr>` rows of a chart's table of (day, count), as `{% for day, n in rows %}<tr><td>
    {{ day|date:format_name }}</td><td>{{ n }}</td></tr>{% endfor %}` wrote them."""
    language = get_language()
    return mark_safe(
        "".join(
            f"<tr><td>{_day(day, format_name, language)}</td><td>{_value(n)}</td></tr>"
            for day, n in rows
        )
    )


def document_options(documents: list[Document], selected: Document | None) -> SafeString:
    """The document picker's `<option>`s, the document shown selected."""
    chosen = selected.pk if selected is not None else None
    return mark_safe(
        "".join(
            f'<option value="{conditional_escape(option.slug)}"'
            f"{' selected' if option.pk == chosen else ''}>{conditional_escape(option)}</option>"
            for option in documents
        )
    )


# --- the paragraphs tinted by mastery -----------------------------------------------------------


@lru_cache(maxsize=4096)
def _paragraph_label(n: int, language: str | None) -> str:
    # {% blocktranslate with n=… %}Paragraph {{ n }}{% endblocktranslate %}
    return gettext("Paragraph %(n)s") % {"n": _value(n)}


@lru_cache(maxsize=1024)
def _mastery_label(percent: int | None, language: str | None) -> str:
    if percent is None:
        return conditional_escape(gettext("Not studied yet"))  # {% translate %} escapes
    # {% blocktranslate with percent=… %}Mastery {{ percent }}%{% endblocktranslate %}
    return gettext("Mastery %(percent)s%%") % {"percent": _value(percent)}


@lru_cache(maxsize=4096)
def _facts_label(seen: int, n: int, language: str | None) -> str:
    if not n:
        return ""
    text = ngettext("%(seen)s of %(n)s fact studied", "%(seen)s of %(n)s facts studied", n)
    return f'<span class="muted small">{text % {"seen": _value(seen), "n": _value(n)}}</span>'


def paragraphs_html(paragraphs: list[Paragraph]) -> SafeString:
    """The paragraphs of the document shown, each tinted by its band, with its mastery, how many
    of its facts the learner studied, and its text in both languages."""
    language = get_language()
    out = []
    for paragraph in paragraphs:
        passage = paragraph.passage
        zh = vi = ""
        if passage.zh:
            zh = f'<div class="col zh" lang="zh-Hans">{conditional_escape(passage.zh)}</div>'
        if passage.vi:
            vi = f'<div class="col vi" lang="vi">{conditional_escape(passage.vi)}</div>'
        out.append(
            f'\n        <section class="passage band-{conditional_escape(paragraph.band)}" '
            f'aria-label="{_paragraph_label(passage.index + 1, language)}">'
            '\n          <p class="mastery-label">'
            f"\n            {_mastery_label(paragraph.percent, language)}"
            f"\n            {_facts_label(paragraph.seen, paragraph.facts, language)}"
            "\n          </p>"
            f"\n          {zh}"
            f"\n          {vi}"
            "\n        </section>\n      "
        )
    return mark_safe("".join(out))


# --- the weakest facts and the quiz history -----------------------------------------------------


@lru_cache(maxsize=1024)
def _lang_attr(text: str) -> str:
    """`{{ text|lang_attr }}` (a document's or a quiz's title: content, the same for everyone)."""
    return lang_attr(text)


def weak_facts_html(weakest: list[WeakFact]) -> SafeString:
    """`{% include "progress/includes/weak_facts.html" %}` without `per_class`: the learner's
    weakest facts, each with its mastery and a link to its document."""
    items = []
    links: dict[str, str] = {}  # each document's link made once (the facts often share one)
    for weak in weakest:
        fact, document = weak.fact, weak.fact.document
        if fact.vi:
            text = f'<span lang="vi">{conditional_escape(fact.vi)}</span>'
        else:
            text = f'<span lang="zh-Hans">{conditional_escape(fact.zh)}</span>'
        link = links.get(document.slug)
        if link is None:
            title = str(document)
            link = links[document.slug] = (
                f'<a href="{conditional_escape(document.get_absolute_url())}"{_lang_attr(title)}>'
                f"{conditional_escape(title)}</a>"
            )
        items.append(
            f'\n    <li class="band-{conditional_escape(weak.band)}">'
            f'\n      <span class="mastery-figure">{_value(weak.percent)}%</span>'
            f"\n      {text}"
            f'\n      <span class="muted small">{link}</span>'
            "\n    </li>\n  "
        )
    return mark_safe('<ol class="weak-facts">\n  ' + "".join(items) + "\n</ol>\n")


_ANY_KEY = 2_147_483_647  # an attempt's key in the one results URL reversed (attempt_rows)


def attempt_rows(attempts: list[Attempt]) -> SafeString:
    """The quiz history's rows: each finished attempt's quiz (a link to its results), when it
    was finished and its score."""
    passed = conditional_escape(gettext("passed"))  # {% translate %} escapes
    # The results URL reversed once, not for each row, and each finish time formatted once
    # (_moment): they were most of this loop's time.
    url_of_any = reverse("quizzes:attempt_results", args=[_ANY_KEY])
    language, zone = get_language(), get_current_timezone()
    rows = []
    for attempt in attempts:
        title = attempt.quiz.title
        url = url_of_any.replace(f"/{_ANY_KEY}/", f"/{attempt.pk}/")
        finished = _moment(attempt.finished_at, "SHORT_DATETIME_FORMAT", language, zone)
        percent = attempt.percent
        score = "—" if percent is None else f"{_value(percent)}%"
        if attempt.passed:
            score += f" · {passed}"
        rows.append(
            "\n            <tr>"
            f'\n              <td><a href="{conditional_escape(url)}"{_lang_attr(title)}>'
            f"{conditional_escape(title)}</a></td>"
            f"\n              <td>{finished}</td>"
            f"\n              <td>{score}</td>"
            "\n            </tr>\n          "
        )
    return mark_safe("".join(rows))


# --- the true-retention table -------------------------------------------------------------------


def _percent(percent: int | None) -> str:
    # {% if percent is None %}—{% else %}{{ percent }}%{% endif %}
    return "—" if percent is None else f"{_value(percent)}%"


@lru_cache(maxsize=1024)
def _reviews_label(n: int, language: str | None) -> str:
    # {% blocktranslate count n=… %}of {{ n }} review{% plural %}of {{ n }} reviews{% endblock… %}
    return ngettext("of %(n)s review", "of %(n)s reviews", n) % {"n": _value(n)}


def retention_rows(rows: list[tuple[str, Retention]]) -> SafeString:
    """Anki's true-retention table's rows (CardFigures.retention_rows): the period, young,
    mature and all cards' retention, with how many ratings it is of."""
    language = get_language()
    out = []
    for label, r in rows:
        total = _percent(r.percent)
        if r.percent is not None:
            total += f' <span class="muted small">{_reviews_label(r.total, language)}</span>'
        out.append(
            "<tr>"
            f'\n        <th scope="row">{conditional_escape(label)}</th>'
            f"\n        <td>{_percent(r.young_percent)}</td>"
            f"\n        <td>{_percent(r.mature_percent)}</td>"
            f"\n        <td>{total}</td>"
            "\n      </tr>"
        )
    return mark_safe("".join(out))
