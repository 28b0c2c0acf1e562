"""quizzes.fragments: the question card, a question's inputs and its feedback lines made in
Python write what the templates they replaced wrote (kept here as the reference), for every type
of question and every state of the card, in every language of the interface. Whitespace between
tags is compared as a browser reads it: a run of spaces and line breaks is one space."""

from datetime import timedelta

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from quizzes import fragments
from quizzes.feedback import Feedback, Segment, Source
from quizzes.models import Attempt, AttemptItem, Question

LANGUAGES = ["vi", "zh-hans", "en"]
TOKEN = "tok3n&<>"

# templates/quizzes/take.html's question-card partial before the card was made in Python.
CARD = Template(
    """{% load i18n static rich_text text_lang %}  <section id="question-card" class="question-card" aria-live="polite" aria-labelledby="question-heading">
    <div class="quiz-status">
      <label for="quiz-progress">{% blocktranslate with answered=progress.answered total=progress.total %}{{ answered }} of {{ total }} answered{% endblocktranslate %}</label>
      <progress id="quiz-progress" value="{{ progress.answered }}" max="{{ progress.total }}">{{ progress.percent }}%</progress>
      {% if attempt.deadline %}
        <p class="timer">{% translate "Time left:" %} <time data-deadline="{{ attempt.deadline|date:'c' }}" datetime="{{ attempt.deadline|date:'c' }}">{{ attempt.deadline|timeuntil }}</time></p>
      {% endif %}
    </div>
    <h1 id="question-heading" class="question-number" tabindex="-1"{% if not feedback and question.type in "single_choice multiple_choice true_false matching ordering" %} autofocus{% endif %}>{% blocktranslate with n=item.position total=progress.total %}Question {{ n }} of {{ total }}{% endblocktranslate %}</h1>
    <p class="prompt" lang="{% if item.prompt_question %}{% if item.prompt_question.language == 'zh' %}zh-Hans{% else %}vi{% endif %}{% elif question.language == 'zh' %}zh-Hans{% else %}vi{% endif %}">{{ question|rich_prompt:prompt }}</p>
    {% if item.prompt_question and item.prompt_question.language != question.language %}
      <p class="hint">{% if question.language == "vi" %}{% translate "Answer in Vietnamese." %}{% else %}{% translate "Answer in Chinese." %}{% endif %}</p>
    {% endif %}
    {% if feedback %}
      <div class="feedback {% if feedback.correct %}right{% elif feedback.partial %}partial{% else %}wrong{% endif %}" role="status">
        <p class="verdict">
          {% if feedback.correct %}{% translate "Correct!" %}{% elif feedback.partial %}{% blocktranslate with percent=feedback.score|floatformat:2 %}Partly right (score {{ percent }}).{% endblocktranslate %}{% else %}{% translate "Not quite." %}{% endif %}
          {% if feedback.note %}<span class="note">{{ feedback.note }}</span>{% endif %}
        </p>
        {% include answer_lines_template %}
      </div>
      <div class="actions">
        {% if next_position %}
          <a class="button" href="{% url 'quizzes:attempt_item' attempt.pk next_position %}" hx-get="{% url 'quizzes:attempt_item' attempt.pk next_position %}" hx-target="#question-card" hx-swap="outerHTML" hx-push-url="true" autofocus data-next>{% translate "Next question" %}</a>
        {% else %}
          <a class="button" href="{% url 'quizzes:attempt_results' attempt.pk %}" autofocus data-next>{% translate "See your results" %}</a>
        {% endif %}
      </div>
    {% else %}
      {% if late %}<p class="error" role="alert">{% translate "Time is up: answers after the time limit are not counted." %}</p>{% endif %}
      <form method="post" action="{% url 'quizzes:attempt_answer' attempt.pk item.position %}" hx-post="{% url 'quizzes:attempt_answer' attempt.pk item.position %}" hx-target="#question-card" hx-swap="outerHTML" hx-disabled-elt="find button[type=submit]" class="answer-form" data-answer-form>
        {% csrf_token %}
        {% include question_inputs_template with choices=item.choices disabled=False %}
        {% if error %}<p class="error" role="alert">{{ error }}</p>{% endif %}
        <div class="actions">
          <button type="submit">{% translate "Check" %} <kbd aria-hidden="true">Enter</kbd></button>
        </div>
      </form>
      {% if question.type in "single_choice multiple_choice true_false" %}<p class="hint keys-hint">{% translate "Keys: 1–9 pick an option, Enter checks." %}</p>{% endif %}
    {% endif %}
  </section>
"""  # noqa: E501
)
# templates/quizzes/includes/question_inputs.html, as it was.
QUESTION_INPUTS = Template(
    """{% load i18n text_lang rich_text %}{% comment %}
The answer inputs of one question, exactly as a learner sees them. Context:
  question  a quizzes.Question (its type and language; its answer is never read here, except the
            left-hand items of a matching question, which are shown anyway)
  choices   the options in the order shown (an attempt stores its own order)
  disabled  true to show the inputs without letting them be used (previews)
Option values are positions in `choices`, so nothing on the page says which option is right.
{% endcomment %}{% with lang=question.language %}
{% if question.type == "single_choice" %}
  <fieldset class="options">
    <legend class="visually-hidden">{% translate "Choose one answer" %}</legend>
    {% for choice in choices %}
      <label class="option"><input type="radio" name="response" value="{{ forloop.counter0 }}" data-key="{{ forloop.counter }}"{% if disabled %} disabled{% endif %}{% if forloop.first %} required{% endif %}>
        <span class="key" aria-hidden="true">{{ forloop.counter }}</span> <span lang="{% if lang == 'zh' %}zh-Hans{% else %}vi{% endif %}">{{ choice|rich_option:question }}</span></label>
    {% endfor %}
  </fieldset>
{% elif question.type == "multiple_choice" %}
  <fieldset class="options">
    <legend class="hint">{% translate "Choose every answer that fits." %}</legend>
    {% for choice in choices %}
      <label class="option"><input type="checkbox" name="response" value="{{ forloop.counter0 }}" data-key="{{ forloop.counter }}"{% if disabled %} disabled{% endif %}>
        <span class="key" aria-hidden="true">{{ forloop.counter }}</span> <span lang="{% if lang == 'zh' %}zh-Hans{% else %}vi{% endif %}">{{ choice|rich_option:question }}</span></label>
    {% endfor %}
  </fieldset>
{% elif question.type == "true_false" %}
  <fieldset class="options">
    <legend class="visually-hidden">{% translate "True or false?" %}</legend>
    <label class="option"><input type="radio" name="response" value="true" data-key="1" required{% if disabled %} disabled{% endif %}> <span class="key" aria-hidden="true">1</span> {% translate "True" %}</label>
    <label class="option"><input type="radio" name="response" value="false" data-key="2"{% if disabled %} disabled{% endif %}> <span class="key" aria-hidden="true">2</span> {% translate "False" %}</label>
  </fieldset>
{% elif question.type == "matching" %}
  <fieldset class="options matching">
    <legend class="hint">{% translate "Match each item on the left with one on the right." %}</legend>
    {% for pair in question.answer %}{% with outer=forloop.counter0 %}
      <div class="match-row">
        <label for="match-{{ outer }}" lang="{% if lang == 'zh' %}zh-Hans{% else %}vi{% endif %}">{{ pair.0|rich_option:question }}</label>
        <select name="match-{{ outer }}" id="match-{{ outer }}" required{% if disabled %} disabled{% endif %}>
          <option value="">—</option>
          {% for choice in choices %}<option value="{{ forloop.counter0 }}"{{ choice|lang_attr }}>{{ choice }}</option>{% endfor %}
        </select>
      </div>
    {% endwith %}{% endfor %}
  </fieldset>
{% elif question.type == "ordering" %}
  <fieldset class="options ordering">
    <legend class="hint">{% translate "Give each item its position (1 = first)." %}</legend>
    {% for choice in choices %}{% with outer=forloop.counter0 %}
      <div class="match-row">
        <label for="rank-{{ outer }}" lang="{% if lang == 'zh' %}zh-Hans{% else %}vi{% endif %}">{{ choice|rich_option:question }}</label>
        <select name="rank-{{ outer }}" id="rank-{{ outer }}" required{% if disabled %} disabled{% endif %}>
          <option value="">—</option>
          {% for _ in choices %}<option value="{{ forloop.counter }}">{{ forloop.counter }}</option>{% endfor %}
        </select>
      </div>
    {% endwith %}{% endfor %}
  </fieldset>
{% else %}
  {% if question.type == "translation" %}
    {% if lang == "zh" %}<p class="hint">{% translate "Type your answer in Vietnamese." %}</p>{% else %}<p class="hint">{% translate "Type your answer in Chinese (characters or pinyin)." %}</p>{% endif %}
  {% endif %}
  <label for="response-text" class="visually-hidden">{% translate "Your answer" %}</label>
  <input type="text" name="response" id="response-text" class="typed-answer" maxlength="500" autocomplete="off" autocapitalize="off" spellcheck="false" required autofocus
    lang="{% if question.type == 'translation' %}{% if lang == 'zh' %}vi{% else %}zh-Hans{% endif %}{% elif lang == 'zh' %}zh-Hans{% else %}vi{% endif %}"{% if disabled %} disabled{% endif %}>
{% endif %}
{% endwith %}
"""  # noqa: E501
)
# templates/quizzes/includes/answer_lines.html, as it was.
ANSWER_LINES = Template(
    """{% load i18n rich_text text_lang %}{% comment %}A question's feedback lines. Context: feedback (quizzes.feedback.Feedback), question (its comments' markup, quizzes.templatetags.rich_text).{% endcomment %}
<dl class="answer-lines">
  <dt>{% translate "Your answer" %}</dt>
  <dd>{% for line in feedback.response %}<span class="line"{{ line|lang_attr }}>{{ line }}</span>{% empty %}<span class="muted">{% translate "No answer" %}</span>{% endfor %}</dd>
  <dt>{% translate "Right answer" %}</dt>
  <dd>{% for line in feedback.answer %}<span class="line"{{ line|lang_attr }}>{{ line }}</span>{% endfor %}</dd>
  {% if feedback.comments %}
    <dt>{% translate "Comment" %}</dt>
    <dd class="comments">{% for comment in feedback.comments %}<p class="comment">{% if question %}{{ comment|rich_comment:question }}{% else %}{{ comment|linebreaksbr }}{% endif %}</p>{% endfor %}</dd>
  {% endif %}
  {% if feedback.sources %}
    <dt>{% translate "Source" %}</dt>
    <dd class="sources">{% for source in feedback.sources %}<blockquote class="source" lang="{% if source.language == 'zh' %}zh-Hans{% else %}vi{% endif %}">{% for seg in source.segments %}{% if seg.mark %}<mark>{{ seg.text }}</mark>{% else %}{{ seg.text }}{% endif %}{% endfor %}</blockquote>{% endfor %}</dd>
  {% endif %}
</dl>
"""  # noqa: E501
)


def same(html) -> str:
    return " ".join(str(html).split())


MARKUP = {"prompt": "<p>Which <b>two</b> provinces?</p>", "texts": {"江苏": "<b>江苏</b>"}}

QUESTIONS = {
    "single_choice": {
        "language": "zh",
        "prompt": "哪个省<与>宁夏协作？",
        "answer": "福建",
        "choices": ["福建", "江苏"],
    },
    "multiple_choice": {
        "language": "vi",
        "prompt": 'Tỉnh nào "hợp tác"?',
        "answer": ["Phúc Kiến", "Giang Tô"],
        "choices": ["Phúc Kiến", "Giang Tô", "<b>Quảng Đông</b> & 'X'"],
    },
    "true_false": {"language": "vi", "prompt": "Đúng hay sai: 1996.", "answer": True},
    "matching": {
        "language": "zh",
        "prompt": "配对",
        "answer": [["福建", "宁夏"], ["北京 & <x>", "内蒙古"]],
        "choices": ["内蒙古", "宁夏"],
    },
    "ordering": {
        "language": "vi",
        "prompt": "Xếp theo thứ tự",
        "answer": ["một", "hai", "ba"],
        "choices": ["ba", "một", "hai"],
    },
    "cloze": {"language": "zh", "prompt": "____年开始。", "answer": ["1996"]},
    "translation": {"language": "zh", "prompt": "翻译：东西部扶贫协作", "answer": ["hợp tác"]},
    "translation_vi": {"language": "vi", "prompt": "Dịch: hợp tác", "answer": ["协作"]},
}


def question(name: str, **extra) -> Question:
    fields = dict(QUESTIONS[name], **extra)
    kind = "translation" if name == "translation_vi" else name
    return Question(pk=40, type=kind, **fields)


def item(q: Question, **extra) -> AttemptItem:
    return AttemptItem(pk=9, position=3, question=q, choices=list(q.choices), **extra)


def render_card(context: dict) -> tuple[str, str]:
    reference = CARD.render(
        Context(
            dict(
                context,
                csrf_token=TOKEN,
                answer_lines_template=ANSWER_LINES,
                question_inputs_template=QUESTION_INPUTS,
            )
        )
    )
    return same(reference), same(fragments.question_card(context, lambda: TOKEN))


def card_context(it: AttemptItem, **extra) -> dict:
    attempt = extra.pop("attempt", Attempt(pk=7, max_score=12))
    context = {
        "attempt": attempt,
        "item": it,
        "question": it.question,
        "prompt": (it.prompt_question or it.question).prompt,
        "progress": {"answered": 2, "total": 12, "percent": 17},
        "next_position": None,
        "feedback": None,
        "error": "",
        "late": False,
    }
    context.update(extra)
    return context


FEEDBACKS = {
    "right": Feedback(
        correct=True,
        partial=False,
        score=1.0,
        note="",
        answer=["福建"],
        response=["福建"],
        sources=[
            Source("zh", [Segment("福建", mark=True), Segment("与宁夏<协作>。")]),
            Source("vi", [Segment("Phúc Kiến & Ninh Hạ "), Segment("hợp tác", mark=True)]),
        ],
    ),
    "partial": Feedback(
        correct=False,
        partial=True,
        score=1 / 3,
        note="Sai dấu thanh",
        answer=["a", "b"],
        response=["a"],
        sources=[],
    ),
    "wrong": Feedback(
        correct=False,
        partial=False,
        score=0.0,
        note="",
        answer=["Đúng"],
        response=[],
        sources=[Source("vi", [Segment("Câu nguồn.")])],
        comments=["江苏", "<b>江苏</b>", "Dòng một\nDòng <hai>"],
    ),
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", list(QUESTIONS))
def test_the_unanswered_card_is_what_the_template_wrote(language, name):
    q = question(name)
    with translation.override(language):
        for context in (
            card_context(item(q)),
            card_context(item(q), error='Chọn "một" <đáp án>.'),
            card_context(item(q), late=True),
            card_context(item(q), progress={"answered": 1234, "total": 2000, "percent": 62}),
            card_context(
                item(q),
                attempt=Attempt(pk=7, deadline=timezone.now() + timedelta(minutes=5, seconds=3)),
            ),
        ):
            reference, made = render_card(context)
            assert made == reference


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", ["single_choice", "translation", "translation_vi"])
def test_a_card_asked_in_the_other_language_is_what_the_template_wrote(language, name):
    q = question(name)
    other = Question(pk=41, type=q.type, language="vi" if q.language == "zh" else "zh", prompt="x")
    with translation.override(language):
        reference, made = render_card(card_context(item(q, prompt_question=other), prompt="x<y>"))
        assert made == reference
        assert ("Answer in" in reference) == (language == "en")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("outcome", list(FEEDBACKS))
@pytest.mark.parametrize("name", ["single_choice", "matching", "translation"])
def test_the_answered_card_is_what_the_template_wrote(language, outcome, name):
    q = question(name, html=MARKUP)
    answered = item(q, answered_at=timezone.now(), score=0.5)
    with translation.override(language):
        for position in (None, 4):
            context = card_context(answered, feedback=FEEDBACKS[outcome], next_position=position)
            reference, made = render_card(context)
            assert made == reference


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", list(QUESTIONS))
def test_a_previews_inputs_are_what_the_template_wrote(language, name):
    q = question(name, html=MARKUP)
    with translation.override(language):
        for disabled in (True, False):
            reference = QUESTION_INPUTS.render(
                Context({"question": q, "choices": q.choices, "disabled": disabled})
            )
            assert same(fragments.question_inputs(q, q.choices, disabled)) == same(reference)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("outcome", list(FEEDBACKS))
def test_the_results_feedback_lines_are_what_the_template_wrote(language, outcome):
    q = question("single_choice", html=MARKUP)
    with translation.override(language):
        for shown in (q, None):
            reference = ANSWER_LINES.render(
                Context({"feedback": FEEDBACKS[outcome], "question": shown})
            )
            assert same(fragments.answer_lines(FEEDBACKS[outcome], shown)) == same(reference)


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("vi", ["Chọn một đáp án", "Kiểm tra", "Câu 3/12", "Câu tiếp theo", "Đáp án đúng"]),
        ("zh-hans", ["选择一个答案", "提交", "下一题", "评语"]),
    ],
)
def test_the_card_speaks_the_learners_language(language, words):
    """Its messages are in the catalogs (makemessages finds them in the module's gettext calls)."""
    q = question("single_choice")
    answered = item(q, answered_at=timezone.now(), score=0.0)
    with translation.override(language):
        asked = fragments.question_card(card_context(item(q)), lambda: TOKEN)
        shown = fragments.question_card(
            card_context(answered, feedback=FEEDBACKS["wrong"], next_position=4), lambda: TOKEN
        )
    for word in words:
        assert word in asked + shown
