"""The question card's HTML made in Python: every question page and every answer writes it, and
as a template (tags, includes and loops over the options) it cost more than the rest of the
request's own work together (issue 18). Each function writes what the template it replaced wrote
(tests/quizzes/test_fragments.py keeps those templates and renders them beside it, for
every type of question and every state of the card, in each language of the interface): the
same markup, the same messages (the templates' msgids, translated and filled in as
`{% translate %}` and `{% blocktranslate %}` do) and the same escaping.

- question_card: the card a learner answers, or its feedback once answered (quizzes/take.html
  shows it whole, htmx swaps it);
- question_inputs: a question's answer inputs, in the card and in a teacher's preview
  (`{% question_inputs %}`);
- answer_lines: the learner's answer, the right one, comments and the source sentences, in the
  card and on the results page (`{% answer_lines %}`).
"""

from __future__ import annotations

from collections.abc import Callable

from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import floatformat, linebreaksbr, timeuntil_filter
from django.urls import reverse
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext

from config.html import html_lang as _lang
from config.html import template_value as _value
from content.templatetags.text_lang import lang_attr
from quizzes.feedback import Feedback
from quizzes.templatetags.rich_text import rich_comment, rich_option, rich_prompt

# The types whose first input is not typed: the card's heading takes the focus instead.
_PICKED = frozenset({"single_choice", "multiple_choice", "true_false", "matching", "ordering"})
# The types whose options are numbered keys (quiz.js: 1–9 pick an option).
_KEYED = frozenset({"single_choice", "multiple_choice", "true_false"})


# `{% translate "…" %}` is `_e(gettext("…"))`: translated, then escaped (makemessages finds the
# messages by their `gettext("…")` calls).
_e = conditional_escape


# --- a question's answer inputs -----------------------------------------------------------------


def _disabled(disabled: bool) -> str:
    return " disabled" if disabled else ""


def _options(question, choices, kind: str, disabled: bool) -> str:
    lang = _lang(question.language)
    return "".join(
        f'\n      <label class="option"><input type="{kind}" name="response" value="{i}" '
        f'data-key="{i + 1}"{_disabled(disabled)}'
        f"{' required' if kind == 'radio' and i == 0 else ''}>"
        f'\n        <span class="key" aria-hidden="true">{i + 1}</span> '
        f'<span lang="{lang}">{rich_option(choice, question)}</span></label>\n    '
        for i, choice in enumerate(choices)
    )


def _selects(question, labels, choices, name: str, disabled: bool, *, ranks: bool) -> str:
    lang = _lang(question.language)
    if ranks:
        options = "".join(f'<option value="{n}">{n}</option>' for n in range(1, len(choices) + 1))
    else:
        options = "".join(
            f'<option value="{i}"{lang_attr(choice)}>{_value(choice)}</option>'
            for i, choice in enumerate(choices)
        )
    return "".join(
        '\n      <div class="match-row">'
        f'\n        <label for="{name}-{i}" lang="{lang}">{rich_option(label, question)}</label>'
        f'\n        <select name="{name}-{i}" id="{name}-{i}" required{_disabled(disabled)}>'
        '\n          <option value="">—</option>'
        f"\n          {options}"
        "\n        </select>"
        "\n      </div>\n    "
        for i, label in enumerate(labels)
    )


def question_inputs(question, choices, disabled: bool = False) -> SafeString:
    """The answer inputs of one question, exactly as a learner sees them. question: its type and
    language (its answer is never read here, except the left-hand items of a matching question,
    which are shown anyway); choices: the options in the order shown (an attempt stores its own
    order); disabled: shown without letting them be used (a teacher's preview). Option values
    are positions in `choices`, so nothing on the page says which option is right."""
    kind = question.type
    if kind == "single_choice":
        legend = _e(gettext("Choose one answer"))
        html = (
            '\n  <fieldset class="options">'
            f'\n    <legend class="visually-hidden">{legend}</legend>'
            f"\n    {_options(question, choices, 'radio', disabled)}"
            "\n  </fieldset>\n"
        )
    elif kind == "multiple_choice":
        legend = _e(gettext("Choose every answer that fits."))
        html = (
            '\n  <fieldset class="options">'
            f'\n    <legend class="hint">{legend}</legend>'
            f"\n    {_options(question, choices, 'checkbox', disabled)}"
            "\n  </fieldset>\n"
        )
    elif kind == "true_false":
        off = _disabled(disabled)
        legend = _e(gettext("True or false?"))
        true, false = _e(gettext("True")), _e(gettext("False"))
        html = (
            '\n  <fieldset class="options">'
            f'\n    <legend class="visually-hidden">{legend}</legend>'
            '\n    <label class="option"><input type="radio" name="response" value="true" '
            f'data-key="1" required{off}> <span class="key" aria-hidden="true">1</span> '
            f"{true}</label>"
            '\n    <label class="option"><input type="radio" name="response" value="false" '
            f'data-key="2"{off}> <span class="key" aria-hidden="true">2</span> '
            f"{false}</label>"
            "\n  </fieldset>\n"
        )
    elif kind == "matching":
        left = [pair[0] for pair in question.answer]
        legend = _e(gettext("Match each item on the left with one on the right."))
        html = (
            '\n  <fieldset class="options matching">'
            f'\n    <legend class="hint">{legend}</legend>'
            f"\n    {_selects(question, left, choices, 'match', disabled, ranks=False)}"
            "\n  </fieldset>\n"
        )
    elif kind == "ordering":
        legend = _e(gettext("Give each item its position (1 = first)."))
        html = (
            '\n  <fieldset class="options ordering">'
            f'\n    <legend class="hint">{legend}</legend>'
            f"\n    {_selects(question, choices, choices, 'rank', disabled, ranks=True)}"
            "\n  </fieldset>\n"
        )
    else:
        hint, typed = "", _lang(question.language)
        if kind == "translation":  # answered in the other language
            if question.language == "zh":
                hint, typed = _e(gettext("Type your answer in Vietnamese.")), "vi"
            else:
                hint = _e(gettext("Type your answer in Chinese (characters or pinyin)."))
                typed = "zh-Hans"
            hint = f'\n    <p class="hint">{hint}</p>\n  '
        label = _e(gettext("Your answer"))
        html = (
            f"\n  {hint}"
            '\n  <label for="response-text" class="visually-hidden">'
            f"{label}</label>"
            '\n  <input type="text" name="response" id="response-text" class="typed-answer" '
            'maxlength="500" autocomplete="off" autocapitalize="off" spellcheck="false" '
            f'required autofocus\n    lang="{typed}"{_disabled(disabled)}>\n'
        )
    return mark_safe(html)  # noqa: S308 - every text above is escaped or sanitised


# --- the feedback's lines -----------------------------------------------------------------------


def _line(line) -> str:
    return f'<span class="line"{lang_attr(line)}>{_value(line)}</span>'


def answer_lines(feedback: Feedback, question=None) -> SafeString:
    """A question's feedback lines: the learner's answer, the right one, the question's
    comments (an imported question's markup, quizzes.templatetags.rich_text, when `question` is
    given) and the source sentences with the answer marked."""
    none = _e(gettext("No answer"))
    response = "".join(_line(line) for line in feedback.response) or (
        f'<span class="muted">{none}</span>'
    )
    answer = "".join(_line(line) for line in feedback.answer)
    yours, right = _e(gettext("Your answer")), _e(gettext("Right answer"))
    html = (
        '\n<dl class="answer-lines">'
        f"\n  <dt>{yours}</dt>"
        f"\n  <dd>{response}</dd>"
        f"\n  <dt>{right}</dt>"
        f"\n  <dd>{answer}</dd>\n  "
    )
    if feedback.comments:
        comments = "".join(
            '<p class="comment">'
            f"{rich_comment(c, question) if question else linebreaksbr(c, autoescape=True)}</p>"
            for c in feedback.comments
        )
        heading = _e(gettext("Comment"))
        html += f'\n    <dt>{heading}</dt>\n    <dd class="comments">{comments}</dd>\n  '
    html += "\n  "
    if feedback.sources:
        sources = "".join(
            f'<blockquote class="source" lang="{_lang(source.language)}">'
            + "".join(
                f"<mark>{_value(seg.text)}</mark>" if seg.mark else _value(seg.text)
                for seg in source.segments
            )
            + "</blockquote>"
            for source in feedback.sources
        )
        heading = _e(gettext("Source"))
        html += f'\n    <dt>{heading}</dt>\n    <dd class="sources">{sources}</dd>\n  '
    return mark_safe(html + "\n</dl>\n")  # noqa: S308 - every text above is escaped or sanitised


# --- the question card --------------------------------------------------------------------------


def _status(attempt, progress: dict) -> str:
    answered, total = _value(progress["answered"]), _value(progress["total"])
    label = gettext("%(answered)s of %(total)s answered") % {"answered": answered, "total": total}
    timer = ""
    if attempt.deadline:
        deadline = attempt.deadline
        stamp = conditional_escape(date_filter(template_localtime(deadline), "c"))
        left = _e(gettext("Time left:"))
        timer = (
            f'\n        <p class="timer">{left} <time data-deadline="{stamp}" '
            f'datetime="{stamp}">{conditional_escape(timeuntil_filter(deadline))}</time></p>'
            "\n      "
        )
    return (
        '\n    <div class="quiz-status">'
        f'\n      <label for="quiz-progress">{label}</label>'
        f'\n      <progress id="quiz-progress" value="{answered}" max="{total}">'
        f"{_value(progress['percent'])}%</progress>"
        f"\n      {timer}"
        "\n    </div>"
    )


def _verdict(feedback: Feedback) -> str:
    if feedback.correct:
        verdict = _e(gettext("Correct!"))
    elif feedback.partial:
        score = floatformat(feedback.score, 2)
        verdict = gettext("Partly right (score %(percent)s).") % {"percent": score}
    else:
        verdict = _e(gettext("Not quite."))
    note = f'<span class="note">{_value(feedback.note)}</span>' if feedback.note else ""
    return f'\n        <p class="verdict">\n          {verdict}\n          {note}\n        </p>'


def _feedback(context: dict) -> str:
    feedback, attempt = context["feedback"], context["attempt"]
    outcome = "right" if feedback.correct else "partial" if feedback.partial else "wrong"
    position = context["next_position"]
    if position:
        label = _e(gettext("Next question"))
        url = conditional_escape(reverse("quizzes:attempt_item", args=[attempt.pk, position]))
        action = (
            f'\n          <a class="button" href="{url}" hx-get="{url}" hx-target="#question-card" '
            'hx-swap="outerHTML" hx-push-url="true" autofocus data-next>'
            f"{label}</a>\n        "
        )
    else:
        label = _e(gettext("See your results"))
        url = conditional_escape(reverse("quizzes:attempt_results", args=[attempt.pk]))
        action = (
            f'\n          <a class="button" href="{url}" autofocus data-next>{label}</a>\n        '
        )
    return (
        f'\n      <div class="feedback {outcome}" role="status">{_verdict(feedback)}'
        f"\n        {answer_lines(feedback, context['question'])}"
        "\n      </div>"
        f'\n      <div class="actions">\n        {action}\n      </div>\n    '
    )


def _form(context: dict, csrf_token: str) -> str:
    attempt, item, question = context["attempt"], context["item"], context["question"]
    late = ""
    if context["late"]:
        message = _e(gettext("Time is up: answers after the time limit are not counted."))
        late = f'<p class="error" role="alert">{message}</p>'
    url = conditional_escape(reverse("quizzes:attempt_answer", args=[attempt.pk, item.position]))
    error = (
        f'<p class="error" role="alert">{_value(context["error"])}</p>' if context["error"] else ""
    )
    keys = ""
    if question.type in _KEYED:
        keys = _e(gettext("Keys: 1–9 pick an option, Enter checks."))
        keys = f'<p class="hint keys-hint">{keys}</p>'
    check = _e(gettext("Check"))
    return (
        f"\n      {late}"
        f'\n      <form method="post" action="{url}" hx-post="{url}" hx-target="#question-card" '
        'hx-swap="outerHTML" hx-disabled-elt="find button[type=submit]" class="answer-form" '
        "data-answer-form>"
        '\n        <input type="hidden" name="csrfmiddlewaretoken" '
        f'value="{conditional_escape(csrf_token)}">'
        f"\n        {question_inputs(question, item.choices)}"
        f"\n        {error}"
        '\n        <div class="actions">'
        f'\n          <button type="submit">{check} <kbd aria-hidden="true">Enter'
        "</kbd></button>"
        "\n        </div>"
        "\n      </form>"
        f"\n      {keys}\n    "
    )


def question_card(context: dict, csrf_token: Callable[[], str]) -> SafeString:
    """The question card (`<section id="question-card">`) of quizzes.views.take._card_context:
    the progress, the question and either its answer form (with the token `csrf_token()`
    gives, asked for only then: making one renews the token's cookie) or, once answered with
    immediate feedback, its feedback and the way on."""
    attempt, item, question = context["attempt"], context["item"], context["question"]
    feedback = context["feedback"]
    progress = context["progress"]
    heading = gettext("Question %(n)s of %(total)s") % {
        "n": _value(item.position),
        "total": _value(progress["total"]),
    }
    focus = " autofocus" if feedback is None and question.type in _PICKED else ""
    shown = item.prompt_question or question
    hint = ""
    if item.prompt_question and item.prompt_question.language != question.language:
        if question.language == "vi":
            hint = _e(gettext("Answer in Vietnamese."))
        else:
            hint = _e(gettext("Answer in Chinese."))
        hint = f'<p class="hint">{hint}</p>'
    body = _feedback(context) if feedback is not None else _form(context, csrf_token())
    return mark_safe(  # noqa: S308 - every text above is escaped or sanitised
        '<section id="question-card" class="question-card" aria-live="polite" '
        'aria-labelledby="question-heading">'
        f"{_status(attempt, progress)}"
        '\n    <h1 id="question-heading" class="question-number" tabindex="-1"'
        f"{focus}>{heading}</h1>"
        f'\n    <p class="prompt" lang="{_lang(shown.language)}">'
        f"{rich_prompt(question, context['prompt'])}</p>"
        f"\n    {hint}"
        f"\n    {body}"
        "\n  </section>"
    )
