"""progress.views.fragments: the dashboard's table rows and tinted paragraphs made in Python
write exactly what the template loops they replace wrote (kept here as the reference), in every
language of the interface."""

from datetime import date

import pytest
from django.template import Context, Template
from django.utils import translation

from content.models import Passage
from progress.stats import Paragraph
from progress.views import fragments

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
