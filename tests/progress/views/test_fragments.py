"""progress.views.fragments: the parts of the dashboard made in Python write exactly what the
template loops they replace wrote (kept here as the reference) or the include they stand for
writes, in every language of the interface."""

from datetime import UTC, date, datetime

import pytest
from django.template import Context, Template
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.translation import gettext

from content.models import Document, Fact, Passage
from progress.figures import Retention
from progress.stats import Paragraph, WeakFact
from progress.views import fragments
from quizzes.models import Attempt, Quiz

LANGUAGES = ["vi", "zh-hans", "en"]

DAY_ROWS = Template(
    "{% for day, n in rows %}<tr><td>{{ day|date:format }}</td><td>{{ n }}</td></tr>{% endfor %}"
)

# templates/progress/dashboard.html's loop before the paragraphs were made in Python.
PARAGRAPHS = Template(
    """{% load i18n %}{% for paragraph in paragraphs %}
        <section class="passage band-{{ paragraph.band }}" aria-label="{% blocktranslate with n=paragraph.passage.index|add:1 %}Paragraph {{ n }}{% endblocktranslate %}">
          <p class="mastery-label">
            {% if paragraph.percent is None %}{% translate "Not studied yet" %}{% else %}{% blocktranslate with percent=paragraph.percent %}Mastery {{ percent }}%{% endblocktranslate %}{% endif %}
            {% if paragraph.facts %}<span class="muted small">{% blocktranslate count n=paragraph.facts with seen=paragraph.seen %}{{ seen }} of {{ n }} fact studied{% plural %}{{ seen }} of {{ n }} facts studied{% endblocktranslate %}</span>{% endif %}
          </p>
          {% if paragraph.passage.zh %}<div class="col zh" lang="zh-Hans">{{ paragraph.passage.zh }}</div>{% endif %}
          {% if paragraph.passage.vi %}<div class="col vi" lang="vi">{{ paragraph.passage.vi }}</div>{% endif %}
        </section>
      {% endfor %}"""  # noqa: E501
)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_chart_tables_rows_are_those_the_template_loop_wrote(language):
    rows = [(date(2026, 3, 10), 0), (date(2026, 3, 11), 12), (date(2025, 12, 1), 1234)]
    with translation.override(language):
        for name in ("SHORT_DATE_FORMAT", "YEAR_MONTH_FORMAT"):
            expected = DAY_ROWS.render(Context({"rows": rows, "format": name}))
            assert fragments.day_rows(rows, name) == expected
            assert fragments.day_rows(rows, name) == expected  # the formatted days kept
    assert fragments.day_rows([], "SHORT_DATE_FORMAT") == ""


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_paragraphs_are_those_the_template_loop_wrote(language):
    def paragraph(index, mastery, facts, seen, zh="第一段。", vi="Đoạn một."):
        passage = Passage(pk=index + 1, index=index, zh=zh, vi=vi)
        return Paragraph(passage=passage, mastery=mastery, facts=facts, seen=seen)

    paragraphs = [
        paragraph(0, 0.75, 2, 2),
        paragraph(1, None, 0, 0),  # no fact: no count
        paragraph(2, None, 3, 0),  # not studied
        paragraph(3, 0.1, 1, 1, vi=""),  # one fact; no Vietnamese
        paragraph(4, 1.0, 5, 4, zh="", vi="<b>\"Ă\" & 'B'</b>"),  # escaped
        paragraph(1233, 0.5, 1, 0),  # a four-digit number
    ]
    with translation.override(language):
        expected = PARAGRAPHS.render(Context({"paragraphs": paragraphs}))
        assert fragments.paragraphs_html(paragraphs) == expected
        assert fragments.paragraphs_html(paragraphs) == expected  # the labels kept
    assert fragments.paragraphs_html([]) == ""


# templates/progress/dashboard.html's quiz history loop before its rows were made in Python.
ATTEMPT_ROWS = Template(
    """{% load i18n text_lang %}{% for attempt in attempts %}
            <tr>
              <td><a href="{% url 'quizzes:attempt_results' attempt.pk %}"{{ attempt.quiz.title|lang_attr }}>{{ attempt.quiz.title }}</a></td>
              <td>{{ attempt.finished_at|date:"SHORT_DATETIME_FORMAT" }}</td>
              <td>{% if attempt.percent is None %}—{% else %}{{ attempt.percent }}%{% endif %}{% if attempt.passed %} · {% translate "passed" %}{% endif %}</td>
            </tr>
          {% endfor %}"""  # noqa: E501
)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_quiz_history_rows_are_those_the_template_loop_wrote(language):
    finished = datetime(2026, 3, 10, 20, 30, tzinfo=UTC)  # 11 March in Hanoi
    quizzes = [
        Quiz(pk=1, title="Ôn tập", pass_mark=60),
        Quiz(pk=2, title="复习 <一>", pass_mark=100),
        Quiz(pk=3, title="Quiz & 1", pass_mark=0),
    ]
    attempts = [
        Attempt(pk=7, quiz=quizzes[0], finished_at=finished, score=3, max_score=4),  # passed
        Attempt(pk=8, quiz=quizzes[1], finished_at=finished, score=3.5, max_score=4),
        Attempt(pk=1234, quiz=quizzes[2], finished_at=finished, score=None, max_score=4),
        Attempt(pk=9, quiz=quizzes[2], finished_at=finished, score=0, max_score=0),
    ]
    # In the site's time zone (Hanoi: 11 March), then in New York's (10 March): each finish
    # time, formatted once, is kept for its language and zone only.
    written = set()
    for zone in (timezone.get_default_timezone(), "America/New_York"):
        with translation.override(language), timezone.override(zone):
            expected = ATTEMPT_ROWS.render(Context({"attempts": attempts}))
            assert fragments.attempt_rows(attempts) == expected
            written.add(expected)
    assert len(written) == 2
    assert fragments.attempt_rows([]) == ""


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_weakest_facts_are_those_the_include_writes(language):
    """The class page still includes progress/includes/weak_facts.html: the two must agree."""
    documents = [
        Document(slug="tien-do", title_vi="Tiến độ", title_zh="进度"),
        Document(slug="jin-du", title_vi="", title_zh="进度 <二>"),
        Document(slug="a-b", title_vi="", title_zh=""),
    ]
    weakest = [
        WeakFact(Fact(vi="Sự kiện <một>", zh="事件一", document=documents[0]), 0.0),
        WeakFact(Fact(vi="", zh="事件 & 二", document=documents[1]), 0.456),
        WeakFact(Fact(vi="Event", zh="", document=documents[2]), 0.79),
        WeakFact(Fact(vi="Sự kiện hai", zh="", document=documents[0]), 0.8),
    ]
    include = get_template("progress/includes/weak_facts.html")
    with translation.override(language):
        assert fragments.weak_facts_html(weakest) == include.render({"weakest": weakest})
        assert fragments.weak_facts_html([]) == include.render({"weakest": []})


# templates/progress/dashboard.html's true-retention loop before its rows were made in Python.
RETENTION_ROWS = Template(
    """{% load i18n %}{% for label, r in rows %}<tr>
        <th scope="row">{{ label }}</th>
        <td>{% if r.young_percent is None %}—{% else %}{{ r.young_percent }}%{% endif %}</td>
        <td>{% if r.mature_percent is None %}—{% else %}{{ r.mature_percent }}%{% endif %}</td>
        <td>{% if r.percent is None %}—{% else %}{{ r.percent }}% <span class="muted small">{% blocktranslate count n=r.total %}of {{ n }} review{% plural %}of {{ n }} reviews{% endblocktranslate %}</span>{% endif %}</td>
      </tr>{% endfor %}"""  # noqa: E501
)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_retention_rows_are_those_the_template_loop_wrote(language):
    with translation.override(language):
        rows = [
            ("Today", Retention()),  # no rating
            ("Yesterday <&>", Retention(young_passed=1)),
            (gettext("Last 7 days"), Retention(young_passed=2, young_failed=1, mature_failed=1)),
            ("Year", Retention(young_passed=1000, young_failed=234, mature_passed=5)),
        ]
        expected = RETENTION_ROWS.render(Context({"rows": rows}))
        assert fragments.retention_rows(rows) == expected
        assert fragments.retention_rows(rows) == expected  # the labels kept


# templates/progress/dashboard.html's document picker loop before its options were made in Python.
OPTIONS = Template(
    '{% for option in documents %}<option value="{{ option.slug }}"{% if option.pk == document.pk'
    " %} selected{% endif %}>{{ option }}</option>{% endfor %}"
)


def test_the_document_options_are_those_the_template_loop_wrote():
    documents = [
        Document(pk=1, slug="tien-do", title_vi="Tiến độ <1>", title_zh="进度"),
        Document(pk=2, slug="jin-du", title_vi="", title_zh="进度 & 二"),
        Document(pk=3, slug="a-b", title_vi="", title_zh=""),
    ]
    for selected in [documents[1], documents[0], None]:
        expected = OPTIONS.render(Context({"documents": documents, "document": selected}))
        assert fragments.document_options(documents, selected) == expected
    assert fragments.document_options([], None) == ""
