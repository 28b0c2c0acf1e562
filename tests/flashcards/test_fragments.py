"""flashcards.fragments: the review card made in Python writes what the template it replaced
wrote (kept here as the reference), front and back, with and without a typed answer and its
verdict, with nothing due, in every language of the interface; and a card's line with its
pinyin is what the rich-line partial wrote. Whitespace between tags is compared as a browser
reads it: a run of spaces and line breaks is one space."""

import pytest
from django.template import Context, Template
from django.utils import translation

from content.models import Document
from flashcards import fragments
from flashcards.models import Card, LearnerCard, LearnerSettings, Rating
from flashcards.notes import Face, char_pinyin, line
from flashcards.services import Counts, Outlook
from flashcards.views import _RichLines

LANGUAGES = ["vi", "zh-hans", "en"]
TOKEN = "tok3n&<>"

# templates/flashcards/review.html's review-card partial (and the speak-button partial it
# used) before the card was made in Python.
CARD = Template(
    """{% load i18n %}{% partialdef speak-button %}{% if line.speech %}<button type="button" class="secondary speak" data-speak="{{ line.speech }}" data-speak-lang="{{ line.speech_lang }}" hidden>{% translate "Read aloud" %} <kbd>R</kbd></button>{% endif %}{% endpartialdef %}<section id="review" class="review" tabindex="-1" data-review{% if card %} data-side="{% if show %}back{% else %}front{% endif %}"{% endif %} aria-label="{% translate 'Flashcard' %}">
  {% if notice %}<p class="notice" role="status">{{ notice }}</p>{% endif %}
  <p class="review-counts">
    <span class="count count-new" title="{% translate 'New' %}">{% blocktranslate with n=counts.new %}{{ n }} new{% endblocktranslate %}</span>
    <span class="count count-learning" title="{% translate 'Learning' %}">{% blocktranslate with n=counts.learning %}{{ n }} learning{% endblocktranslate %}</span>
    <span class="count count-review" title="{% translate 'Review' %}">{% blocktranslate with n=counts.review %}{{ n }} to review{% endblocktranslate %}</span>
  </p>
  {% if card %}
    <article class="flashcard flashcard-{{ face.template }}">
      <p class="flashcard-direction muted">{{ card.card.get_template_display }}</p>
      {% if not show or face.template != "cloze" %}{# a cloze's back is its sentence, whole #}
        <div class="flashcard-front {{ face.front.lang }}" lang="{{ face.front.html_lang }}">{{ rich.front }}</div>
        {% with line=face.front %}{% partial speak-button %}{% endwith %}
      {% endif %}
      {% if show %}
        {% if face.template != "cloze" %}<hr class="flashcard-divider">{% endif %}
        <div class="flashcard-answer {{ face.answer.lang }}" lang="{{ face.answer.html_lang }}">{{ rich.answer }}</div>
        {% if face.hanviet %}<p class="hanviet">{% translate "Hán-Việt" %}: <span lang="vi">{{ face.hanviet }}</span></p>{% endif %}
        {% with line=face.answer %}{% partial speak-button %}{% endwith %}
        {% if face.sources %}
          <div class="flashcard-sources">
            {% for line, html in rich.sources %}<p class="{{ line.lang }}" lang="{{ line.html_lang }}">{{ html }}</p>{% endfor %}
          </div>
        {% endif %}
      {% endif %}
    </article>
    {% if not show %}
      <form method="get" action="{{ review_url }}" hx-get="{{ review_url }}" hx-target="#review" hx-swap="outerHTML" class="reveal-form">
        <input type="hidden" name="card" value="{{ card.pk }}">
        <input type="hidden" name="version" value="{{ card.version }}">
        <input type="hidden" name="show" value="1">
        {% if learner.type_answers %}
          <label for="typed-answer">{% translate "Your answer" %}</label>
          <input id="typed-answer" name="typed" autocomplete="off" autocapitalize="off" spellcheck="false" lang="{% if face.answer_lang == 'zh' %}zh-Hans{% else %}vi{% endif %}" data-typed>
        {% endif %}
        <button type="submit" data-action="reveal">{% translate "Show answer" %} <kbd>{% if learner.type_answers %}{% translate "Enter" %}{% else %}{% translate "Space" %}{% endif %}</kbd></button>
      </form>
    {% else %}
      {% if verdict %}
        <p class="verdict {% if verdict.correct %}verdict-right{% else %}verdict-wrong{% endif %}" role="status">
          {% if verdict.correct %}{% translate "Right" %}{% else %}{% translate "Not quite" %}{% endif %}:
          <span lang="{% if face.answer_lang == 'zh' %}zh-Hans{% else %}vi{% endif %}">{{ verdict.typed|default:"—" }}</span>
          {% if verdict.note %}<span class="muted">{{ verdict.note }}</span>{% endif %}
        </p>
      {% endif %}
      <form method="post" action="{% url 'flashcards:rate' %}" hx-post="{% url 'flashcards:rate' %}" hx-target="#review" hx-swap="outerHTML" class="rating-form">
        {% csrf_token %}
        <input type="hidden" name="card" value="{{ card.pk }}">
        <input type="hidden" name="version" value="{{ card.version }}">
        <input type="hidden" name="deck" value="{% if deck %}{{ deck.slug }}{% endif %}">
        <input type="hidden" name="duration_ms" value="" data-duration>
        <div class="ratings" role="group" aria-label="{% translate 'How well did you remember it?' %}">
          {% for button in buttons %}
            <button type="submit" name="rating" value="{{ button.value }}" class="rating rating-{{ button.value }}{% if button.suggested %} suggested{% endif %}" data-rating="{{ button.value }}">
              <span class="rating-label">{{ button.label }}</span>
              <span class="rating-interval">{{ button.interval }}</span>
              <kbd>{{ button.value }}</kbd>
            </button>
          {% endfor %}
        </div>
      </form>
    {% endif %}
  {% elif outlook.studying %}
    <div class="review-done">
      <h2>{% translate "Done for today" %}</h2>
      {% if outlook.later_today %}
        <p>{% blocktranslate count n=outlook.later_today %}{{ n }} card you are learning comes back later today.{% plural %}{{ n }} cards you are learning come back later today.{% endblocktranslate %}</p>
      {% endif %}
      <p class="tomorrow">{% blocktranslate count n=outlook.tomorrow %}Tomorrow: {{ n }} card.{% plural %}Tomorrow: {{ n }} cards.{% endblocktranslate %}</p>
      <p><a href="{% url 'flashcards:decks' %}">{% translate "Your decks" %}</a></p>
    </div>
  {% else %}
    <div class="review-done">
      <h2>{% translate "No flashcards yet" %}</h2>
      <p>{% translate "Open a document and choose “Study as flashcards”." %}</p>
      <p><a class="button" href="{% url 'flashcards:decks' %}">{% translate "Choose a document" %}</a></p>
    </div>
  {% endif %}
  {% if undo %}
    <form method="post" action="{% url 'flashcards:undo' %}" hx-post="{% url 'flashcards:undo' %}" hx-target="#review" hx-swap="outerHTML" class="undo-form">
      {% csrf_token %}
      <input type="hidden" name="log" value="{{ undo }}">
      <input type="hidden" name="deck" value="{% if deck %}{{ deck.slug }}{% endif %}">
      <button type="submit" class="secondary" data-action="undo">{% translate "Undo last rating" %} <kbd>U</kbd></button>
    </form>
  {% endif %}
  {% if card %}<p class="muted hint review-keys">{% translate "Keys: Space shows the answer, 1–4 rate it, U undoes, R reads aloud." %}</p>{% endif %}
</section>
"""  # noqa: E501
)


# templates/flashcards/review.html's rich-line partial before the line was made in Python.
RICH_LINE = Template(
    """{% load ruby %}{% for s in line.segments|ruby_words %}{% if s.blank %}<span class="cloze-blank">{{ s.text }}</span>{% elif s.mark %}<mark class="card-term">{% if s.ruby %}<ruby>{{ s.text }}<rt>{{ s.ruby }}</rt></ruby>{% else %}{{ s.text }}{% endif %}</mark>{% elif s.ruby %}<ruby>{{ s.text }}<rt>{{ s.ruby }}</rt></ruby>{% else %}{{ s.text }}{% endif %}{% endfor %}"""  # noqa: E501
)


def same(html) -> str:
    return " ".join(str(html).split())


FACES = {
    "zh_vi": Face(
        template="zh_vi",
        front=line("zh", "宁夏<与>福建", ["níng", "xià", "", "", "", "fú", "jiàn"]),
        answer=line("vi", 'Ninh Hạ "và" Phúc Kiến'),
        hanviet="Ninh Hạ & Phúc Kiến",
        sources=(line("zh", "闽宁协作。", speech=False), line("vi", "Hợp tác Mân–Ninh <1996>.")),
        answer_lang="vi",
    ),
    "vi_zh": Face(
        template="vi_zh",
        front=line("vi", "Phúc Kiến", speech=False),
        answer=line("zh", "福建", ["fú", "jiàn"]),
        answer_lang="zh",
    ),
    "cloze": Face(
        template="cloze",
        front=line("zh", "____年开始。", blanks=[(0, 4)]),
        answer=line("zh", "1996年开始。", marks=[(0, 4)]),
        answer_lang="zh",
    ),
}

BUTTONS = [
    {"value": r.value, "label": r.label, "interval": f"{r.value} ngày", "suggested": r == 3}
    for r in Rating
]


def context(template: str, **extra) -> dict:
    face = FACES[template]
    card = LearnerCard(pk=31, version=4, card=Card(pk=5, template=template))
    values = {
        "deck": Document(slug="dong-tay"),
        "review_url": "/cards/review/dong-tay/",
        "card": card,
        "face": face,
        "rich": _RichLines(face),
        "show": False,
        "buttons": [],
        "verdict": None,
        "counts": Counts(new=3, learning=1, review=1234),
        "outlook": None,
        "undo": None,
        "learner": LearnerSettings(type_answers=False),
        "notice": "",
    }
    values.update(extra)
    return values


def rendered(values: dict) -> tuple[str, str]:
    reference = CARD.render(Context(dict(values, csrf_token=TOKEN)))
    return same(fragments.review_card(values, TOKEN)), same(reference)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("template", list(FACES))
def test_the_front_is_what_the_template_wrote(language, template):
    with translation.override(language):
        for values in (
            context(template),
            context(template, deck=None, review_url="/cards/review/"),
            context(template, learner=LearnerSettings(type_answers=True), undo=77),
            context(template, notice='Thẻ "đã" được <chấm>.', undo=77, deck=None),
        ):
            made, reference = rendered(values)
            assert made == reference


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("template", list(FACES))
def test_the_back_is_what_the_template_wrote(language, template):
    verdicts = [
        None,
        {"typed": "福建 <b>", "correct": True, "note": ""},
        {"typed": "", "correct": False, "note": "Sai dấu & thanh"},
    ]
    with translation.override(language):
        for verdict in verdicts:
            for deck in (Document(slug="dong-tay"), None):
                values = context(
                    template, show=True, buttons=BUTTONS, verdict=verdict, deck=deck, undo=8
                )
                made, reference = rendered(values)
                assert made == reference


@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_due_is_what_the_template_wrote(language):
    outlooks = [
        Outlook(later_today=0, tomorrow=0, studying=True),
        Outlook(later_today=1, tomorrow=1, studying=True),
        Outlook(later_today=12, tomorrow=1234, studying=True),
        Outlook(later_today=0, tomorrow=0, studying=False),
    ]
    with translation.override(language):
        for outlook in outlooks:
            for undo in (None, 9):
                values = context("zh_vi", card=None, face=None, rich=None, outlook=outlook)
                values["undo"] = undo
                made, reference = rendered(values)
                assert made == reference


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("vi", ["Xem đáp án", "Hoàn tác đánh giá vừa rồi"]),
        ("zh-hans", ["显示答案", "撤销上一次评分"]),
    ],
)
def test_the_card_speaks_the_learners_language(language, words):
    """Its messages are in the catalogs (makemessages finds them in the module's gettext calls)."""
    with translation.override(language):
        html = fragments.review_card(context("zh_vi", undo=3), TOKEN)
    for word in words:
        assert word in html


def zh(text: str, **spans):
    return line("zh", text, char_pinyin(text), **spans)


@pytest.mark.parametrize(
    "card_line",
    [
        pytest.param(zh("东西部扶贫协作始于1996年。"), id="words-and-digits"),
        pytest.param(zh("西安"), id="all-han-one-word"),
        pytest.param(zh("宁夏与福建开展对口协作。", marks=[(0, 2), (3, 5)]), id="marked-terms"),
        pytest.param(zh("____年，闽宁协作开始。", blanks=[(0, 4)]), id="blank"),
        pytest.param(zh("<b>“对口”</b> & 协作", marks=[(4, 6)]), id="markup-escaped"),
        pytest.param(line("vi", 'Hợp tác "Mân–Ninh" <1996> & sau đó'), id="vietnamese"),
        pytest.param(line("vi", "Ninh Hạ và Phúc Kiến", marks=[(0, 7)]), id="vi-marked"),
        pytest.param(line("zh", ""), id="empty"),
    ],
)
def test_a_line_with_its_pinyin_is_what_the_template_wrote(card_line):
    made = fragments.rich_line(card_line)
    assert str(made) == RICH_LINE.render(Context({"line": card_line}))
    if card_line.lang == "zh" and card_line.segments:
        assert "<ruby>" in made  # the case reads its words
