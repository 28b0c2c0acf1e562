"""The review card's HTML made in Python: every review page and every rating writes it, and as a
template it cost as much as the rest of the request's own work (issue 18). It writes what the
template it replaced wrote (tests/flashcards/test_fragments.py keeps that template and renders it
beside this, in every state of the card and each language of the interface): the same markup,
the same messages (the template's msgids, translated and filled in as `{% translate %}` and
`{% blocktranslate %}` do) and the same escaping. A card's lines with their pinyin (`rich_line`)
are made once per card's content (flashcards.views._face).
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from config.html import html_lang as _lang
from config.html import template_value as _value
from content.templatetags.ruby import ruby_words

# `{% translate "…" %}` is `_e(gettext("…"))`: translated, then escaped (makemessages finds the
# messages by their `gettext("…")` calls, outside f-strings).
_e = conditional_escape


def rich_line(line) -> SafeString:
    """A card's line (flashcards.notes.Line) with pinyin over its Chinese words
    (`ruby_words`): a term marked, a cloze's blank as a blank. As a template's loop over the
    words, a card's first render in each process took twice as long."""
    parts = []
    for word in ruby_words(line.segments):
        text = _e(word.text)
        if word.blank:
            parts.append(f'<span class="cloze-blank">{text}</span>')
            continue
        html = f"<ruby>{text}<rt>{_e(word.ruby)}</rt></ruby>" if word.ruby else text
        parts.append(f'<mark class="card-term">{html}</mark>' if word.mark else html)
    return mark_safe("".join(parts))  # noqa: S308 - every text in it is escaped


def _counts(counts) -> str:
    new, learning, review = _e(gettext("New")), _e(gettext("Learning")), _e(gettext("Review"))
    n_new = gettext("%(n)s new") % {"n": _value(counts.new)}
    n_learning = gettext("%(n)s learning") % {"n": _value(counts.learning)}
    n_review = gettext("%(n)s to review") % {"n": _value(counts.review)}
    return (
        '\n  <p class="review-counts">'
        f'\n    <span class="count count-new" title="{new}">{n_new}</span>'
        f'\n    <span class="count count-learning" title="{learning}">{n_learning}</span>'
        f'\n    <span class="count count-review" title="{review}">{n_review}</span>'
        "\n  </p>"
    )


def _speak(line) -> str:
    """A line's read-aloud button (review.js shows it where the browser can speak)."""
    if not line.speech:
        return ""
    label = _e(gettext("Read aloud"))
    return (
        f'<button type="button" class="secondary speak" data-speak="{_value(line.speech)}" '
        f'data-speak-lang="{_value(line.speech_lang)}" hidden>{label} <kbd>R</kbd></button>'
    )


def _article(context: dict) -> str:
    card, face, rich, show = context["card"], context["face"], context["rich"], context["show"]
    template = _value(face.template)
    html = (
        f'\n    <article class="flashcard flashcard-{template}">'
        '\n      <p class="flashcard-direction muted">'
        f"{_value(card.card.get_template_display())}</p>\n      "
    )
    if not show or face.template != "cloze":  # a cloze's back is its sentence, whole
        front = face.front
        html += (
            f'\n        <div class="flashcard-front {_value(front.lang)}" '
            f'lang="{_value(front.html_lang)}">{_value(rich.front)}</div>'
            f"\n        {_speak(front)}\n      "
        )
    html += "\n      "
    if show:
        answer = face.answer
        divider = '<hr class="flashcard-divider">' if face.template != "cloze" else ""
        hanviet = ""
        if face.hanviet:
            label = _e(gettext("Hán-Việt"))
            hanviet = (
                f'<p class="hanviet">{label}: <span lang="vi">{_value(face.hanviet)}</span></p>'
            )
        sources = ""
        if face.sources:
            lines = "".join(
                f'<p class="{_value(line.lang)}" lang="{_value(line.html_lang)}">{_value(html)}</p>'
                for line, html in rich.sources
            )
            sources = (
                f'\n          <div class="flashcard-sources">\n            {lines}'
                "\n          </div>\n        "
            )
        html += (
            f"\n        {divider}"
            f'\n        <div class="flashcard-answer {_value(answer.lang)}" '
            f'lang="{_value(answer.html_lang)}">{_value(rich.answer)}</div>'
            f"\n        {hanviet}"
            f"\n        {_speak(answer)}"
            f"\n        {sources}\n      "
        )
    return html + "\n    </article>\n    "


def _reveal(context: dict) -> str:
    card, face, learner = context["card"], context["face"], context["learner"]
    url = _value(context["review_url"])
    typed = ""
    if learner.type_answers:
        label = _e(gettext("Your answer"))
        typed = (
            f'\n          <label for="typed-answer">{label}</label>'
            '\n          <input id="typed-answer" name="typed" autocomplete="off" '
            'autocapitalize="off" spellcheck="false" '
            f'lang="{_lang(face.answer_lang)}" data-typed>\n        '
        )
        key = _e(gettext("Enter"))
    else:
        key = _e(gettext("Space"))
    show = _e(gettext("Show answer"))
    return (
        f'\n      <form method="get" action="{url}" hx-get="{url}" hx-target="#review" '
        'hx-swap="outerHTML" class="reveal-form">'
        f'\n        <input type="hidden" name="card" value="{_value(card.pk)}">'
        f'\n        <input type="hidden" name="version" value="{_value(card.version)}">'
        '\n        <input type="hidden" name="show" value="1">'
        f"\n        {typed}"
        f'\n        <button type="submit" data-action="reveal">{show} <kbd>{key}</kbd></button>'
        "\n      </form>\n    "
    )


def _deck_field(deck) -> str:
    return f'<input type="hidden" name="deck" value="{_value(deck.slug) if deck else ""}">'


def _rating(context: dict, csrf_token: str) -> str:
    card, face, verdict = context["card"], context["face"], context["verdict"]
    said = ""
    if verdict:
        outcome = "verdict-right" if verdict["correct"] else "verdict-wrong"
        word = _e(gettext("Right")) if verdict["correct"] else _e(gettext("Not quite"))
        note = f'<span class="muted">{_value(verdict["note"])}</span>' if verdict["note"] else ""
        said = (
            f'\n        <p class="verdict {outcome}" role="status">'
            f"\n          {word}:"
            f'\n          <span lang="{_lang(face.answer_lang)}">'
            f"{_value(verdict['typed'] or '—')}</span>"
            f"\n          {note}"
            "\n        </p>\n      "
        )
    url = _value(reverse("flashcards:rate"))
    question = _e(gettext("How well did you remember it?"))
    buttons = "".join(
        f'\n            <button type="submit" name="rating" value="{_value(b["value"])}" '
        f'class="rating rating-{_value(b["value"])}{" suggested" if b["suggested"] else ""}" '
        f'data-rating="{_value(b["value"])}">'
        f'\n              <span class="rating-label">{_value(b["label"])}</span>'
        f'\n              <span class="rating-interval">{_value(b["interval"])}</span>'
        f"\n              <kbd>{_value(b['value'])}</kbd>"
        "\n            </button>\n          "
        for b in context["buttons"]
    )
    return (
        f"\n      {said}"
        f'\n      <form method="post" action="{url}" hx-post="{url}" hx-target="#review" '
        'hx-swap="outerHTML" class="rating-form">'
        f'\n        <input type="hidden" name="csrfmiddlewaretoken" value="{_e(csrf_token)}">'
        f'\n        <input type="hidden" name="card" value="{_value(card.pk)}">'
        f'\n        <input type="hidden" name="version" value="{_value(card.version)}">'
        f"\n        {_deck_field(context['deck'])}"
        '\n        <input type="hidden" name="duration_ms" value="" data-duration>'
        f'\n        <div class="ratings" role="group" aria-label="{question}">'
        f"\n          {buttons}"
        "\n        </div>"
        "\n      </form>\n    "
    )


def _done(outlook) -> str:
    decks = _value(reverse("flashcards:decks"))
    if outlook and outlook.studying:
        title, links = _e(gettext("Done for today")), _e(gettext("Your decks"))
        later = ""
        if outlook.later_today:
            later = ngettext(
                "%(n)s card you are learning comes back later today.",
                "%(n)s cards you are learning come back later today.",
                outlook.later_today,
            ) % {"n": _value(outlook.later_today)}
            later = f"\n        <p>{later}</p>\n      "
        tomorrow = ngettext("Tomorrow: %(n)s card.", "Tomorrow: %(n)s cards.", outlook.tomorrow) % {
            "n": _value(outlook.tomorrow)
        }
        return (
            '\n    <div class="review-done">'
            f"\n      <h2>{title}</h2>"
            f"\n      {later}"
            f'\n      <p class="tomorrow">{tomorrow}</p>'
            f'\n      <p><a href="{decks}">{links}</a></p>'
            "\n    </div>\n  "
        )
    title = _e(gettext("No flashcards yet"))
    how = _e(gettext("Open a document and choose “Study as flashcards”."))
    choose = _e(gettext("Choose a document"))
    return (
        '\n    <div class="review-done">'
        f"\n      <h2>{title}</h2>"
        f"\n      <p>{how}</p>"
        f'\n      <p><a class="button" href="{decks}">{choose}</a></p>'
        "\n    </div>\n  "
    )


def _undo(context: dict, csrf_token: str) -> str:
    if not context["undo"]:
        return ""
    url = _value(reverse("flashcards:undo"))
    label = _e(gettext("Undo last rating"))
    return (
        f'\n    <form method="post" action="{url}" hx-post="{url}" hx-target="#review" '
        'hx-swap="outerHTML" class="undo-form">'
        f'\n      <input type="hidden" name="csrfmiddlewaretoken" value="{_e(csrf_token)}">'
        f'\n      <input type="hidden" name="log" value="{_value(context["undo"])}">'
        f"\n      {_deck_field(context['deck'])}"
        f'\n      <button type="submit" class="secondary" data-action="undo">{label} '
        "<kbd>U</kbd></button>"
        "\n    </form>\n  "
    )


def review_card(context: dict, csrf_token: str) -> SafeString:
    """The review card (`<section id="review">`) of flashcards.views._review_context: today's
    counts, then the card's front with its reveal form, or its back with the rating buttons, or
    what comes next when nothing is due; the undo button; the keys."""
    card, show = context["card"], context["show"]
    side = ""
    if card:
        side = f' data-side="{"back" if show else "front"}"'
    notice = ""
    if context["notice"]:
        notice = f'<p class="notice" role="status">{_value(context["notice"])}</p>'
    if card:
        body = _article(context)
        body += _rating(context, csrf_token) if show else _reveal(context)
        body += "\n  "
    else:
        body = _done(context["outlook"])
    keys = ""
    if card:
        keys = _e(gettext("Keys: Space shows the answer, 1–4 rate it, U undoes, R reads aloud."))
        keys = f'<p class="muted hint review-keys">{keys}</p>'
    label = _e(gettext("Flashcard"))
    return mark_safe(  # noqa: S308 - every text above is escaped or made by rich_line
        f'<section id="review" class="review" tabindex="-1" data-review{side} '
        f'aria-label="{label}">'
        f"\n  {notice}"
        f"{_counts(context['counts'])}"
        f"\n  {body}"
        f"\n  {_undo(context, csrf_token)}"
        f"\n  {keys}"
        "\n</section>\n"
    )
