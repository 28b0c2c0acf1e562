"""Flashcard pages: the decks, studying a document, the review session, undo and settings.

Every view is for the signed-in learner and touches only their own cards. The review page works
without JavaScript (plain forms, a redirect after each POST); with htmx, the card region
(flashcards.fragments.review_card, in flashcards/review.html) is swapped in place, and
static/js/review.js adds the keys: Space shows the answer, 1–4 rate, U undoes, R reads aloud.
"""

from __future__ import annotations

import json
import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from config.htmx import HtmxHttpRequest, render_part
from content.lang import grading
from content.models import Document, Term
from flashcards import access, scheduling, services
from flashcards.forms import RatingForm, SettingsForm, UndoForm
from flashcards.fragments import review_card, rich_line
from flashcards.models import Card, LearnerCard, LearnerSettings, Rating, ReviewLog
from flashcards.notes import Face, card_face

logger = logging.getLogger(__name__)


def _deck(user, slug: str | None) -> Document | None:
    if not slug:
        return None
    decks = access.decks_for(user).only("slug", "title_vi", "title_zh")
    return get_object_or_404(decks, slug=slug)


def _review_url(document: Document | None) -> str:
    if document is None:
        return reverse("flashcards:review")
    return reverse("flashcards:deck_review", args=[document.slug])


def _own_card(user, card_id) -> LearnerCard:
    try:
        return access.card_of(user, int(card_id), with_note=True)
    except (LearnerCard.DoesNotExist, TypeError, ValueError):
        raise Http404 from None


@login_required
@require_GET
def decks(request: HtmxHttpRequest) -> HttpResponse:
    """Any signed-in user, their own decks (access.decks_listed_for): the documents listed for
    them and those they study, with their new and due counts where they study it (due as
    `services.due_today` counts it, so the decks agree with the review page).
    Template: flashcards/decks.html; context: rows [(document, deck or None)], a deck being a
    dict of total, new and due."""
    user, now = request.user, timezone.now()
    documents = access.decks_listed_for(user).only("slug", "title_zh", "title_vi", "published")
    learner = LearnerSettings.for_user(user)
    limits = services.day_limits(user, learner, now)
    left = services.counts_by_document(user, limits, now=now, days=services.study_days(learner))
    totals = dict(
        access.cards_of(user)
        .filter(card__is_active=True)
        .values_list("document")
        .annotate(total=Count("pk"))
        .order_by()
    )
    per_document = {
        document: {
            "total": total,
            "new": left[document].new if document in left else 0,
            "due": left[document].due if document in left else 0,
        }
        for document, total in totals.items()
    }
    rows = [(document, per_document.get(document.pk)) for document in documents]
    return render(request, "flashcards/decks.html", {"rows": rows})


@login_required
@require_POST
def study(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """Any signed-in user, a document of access.decks_for: start studying it (creates the
    learner's cards) and go to its review. No template: a redirect, with a message."""
    document = get_object_or_404(access.decks_for(request.user), slug=slug)
    added = services.start_studying(request.user, document)
    if added:
        message = ngettext(
            "%(n)s card added to your reviews.", "%(n)s cards added to your reviews.", added
        )
        messages.success(request, message % {"n": added})
    elif not access.cards_of(request.user).filter(document=document).exists():
        messages.info(request, _("This document has no names or facts to make flashcards of."))
    return redirect(_review_url(document))


@login_required
@require_GET
def review(request: HtmxHttpRequest, slug: str | None = None) -> HttpResponse:
    """Any signed-in user, their own cards: the review session, all decks or one document's
    (access.decks_for): the next card's front, or with ?card=&version=&show=1 that card's back
    and the rating buttons (a card not theirs is 404).
    Template: flashcards/review.html (its card alone for htmx: fragments.review_card); context:
    see _review_context."""
    document = _deck(request.user, slug)
    card, show, notice = None, False, ""
    if "card" in request.GET:
        card = _own_card(request.user, request.GET["card"])
        show = bool(request.GET.get("show"))
        if show and request.GET.get("version") != str(card.version):
            card, show, notice = None, False, _("That card was already rated in another tab.")
    context = _review_context(
        request, document, card=card, show=show, typed=request.GET.get("typed"), notice=notice
    )
    return _render_review(request, context)


@login_required
@require_POST
def rate(request: HtmxHttpRequest) -> HttpResponse:
    """Any signed-in user, their own card (another's is 404): rate it; a rating of a card that
    changed since it was shown is ignored. Plain requests are redirected to the review; htmx
    gets the next card (fragments.review_card; context: see _review_context)."""
    form = RatingForm(request.POST)
    if not form.is_valid():
        return _after_post(request, None, notice=_("That rating could not be read."))
    data = form.cleaned_data
    document = _deck(request.user, data["deck"])
    learner = LearnerSettings.for_user(request.user)  # read once: the rating and the next card
    try:
        rated = services.rate(
            request.user,
            data["card"],
            data["version"],
            data["rating"],
            duration_ms=data["duration_ms"],
            learner=learner,
        )
    except LearnerCard.DoesNotExist:
        raise Http404 from None
    except DatabaseError:
        # The rating's one transaction rolled back: nothing was stored, and the learner is told.
        logger.exception("rating of card %s not recorded", data["card"])
        notice = _("Your rating could not be saved. Nothing was recorded: please rate again.")
        return _after_post(request, document, notice=notice, learner=learner)
    if not rated.applied:
        notice = _("That card was already rated in another tab.")
        return _after_post(request, document, notice=notice, learner=learner)
    # The rating just stored is the learner's last one: no query for the undo button.
    return _after_post(request, document, learner=learner, last=rated.log)


@login_required
@require_POST
def undo(request: HtmxHttpRequest) -> HttpResponse:
    """Any signed-in user, their own last rating: undo it and show that card again (redirected,
    or for htmx the card: fragments.review_card; context: see _review_context)."""
    form = UndoForm(request.POST)
    if not form.is_valid():
        return _after_post(request, None, notice=_("There is nothing to undo."))
    document = _deck(request.user, form.cleaned_data["deck"])
    card = services.undo(request.user, form.cleaned_data["log"])
    if card is None:
        return _after_post(request, document, notice=_("There is nothing to undo."))
    return _after_post(request, document, card=card, notice=_("The last rating was undone."))


@login_required
@require_http_methods(["GET", "POST"])
def review_settings(request: HtmxHttpRequest) -> HttpResponse:
    """Any signed-in user, their own review settings (access.settings_of; the defaults until
    they save). Template: flashcards/settings.html; context: form."""
    learner = access.settings_of(request.user).first() or LearnerSettings(user=request.user)
    form = SettingsForm(request.POST or None, instance=learner)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your review settings were saved."))
        return redirect("flashcards:decks")
    return render(request, "flashcards/settings.html", {"form": form})


# --- helpers -----------------------------------------------------------------------------------


def _after_post(
    request: HtmxHttpRequest,
    document: Document | None,
    *,
    card=None,
    notice: str = "",
    learner: LearnerSettings | None = None,
    last: ReviewLog | None = None,
) -> HttpResponse:
    """Redirect a plain POST (the message says what happened); render htmx's fresh state
    (learner, last: see _review_context)."""
    if not request.htmx:
        if notice:
            messages.info(request, notice)
        url = _review_url(document)
        return redirect(f"{url}?card={card.pk}" if card is not None else url)
    context = _review_context(
        request, document, card=card, notice=notice, learner=learner, last=last
    )
    return _render_review(request, context)


def _render_review(request: HtmxHttpRequest, context: dict) -> HttpResponse:
    """The review card alone for htmx (fragments.review_card), else the page around it."""
    html = review_card(context, get_token(request))
    return render_part(request, html, "flashcards/review.html", context, name="review_card")


def _review_context(
    request: HtmxHttpRequest,
    document: Document | None,
    *,
    card: LearnerCard | None = None,
    show: bool = False,
    typed: str | None = None,
    notice: str = "",
    learner: LearnerSettings | None = None,
    last: ReviewLog | None = None,
) -> dict:
    """Context: deck, review_url, card, face, rich (its lines' HTML, see _face), show, buttons,
    verdict, counts, outlook, undo (the id of the rating the undo button takes back: today's
    last, or None), learner, notice. `learner` (the settings) and `last` (the
    learner's last rating, just stored) save their queries when the caller has them."""
    user, now = request.user, timezone.now()
    learner = learner or LearnerSettings.for_user(user)
    limits = services.day_limits(user, learner, now)
    days = services.study_days(learner)
    if card is None:
        card, counts = services.next_card_and_counts(
            user, limits, now=now, document=document, days=days, learner=learner
        )
    else:
        counts = services.counts(user, limits, now=now, document=document, days=days)
    face, rich = _face(card.card) if card else (None, None)
    verdict = _verdict(card, face, typed) if show and face and typed is not None else None
    # The undo button takes back today's last rating: the one just stored, or the last of
    # today's, read with the limits.
    if last is not None:
        undo = last.pk if last.review_day == limits.day else None
    else:
        undo = limits.last_today
    return {
        "deck": document,
        "review_url": _review_url(document),
        "card": card,
        "face": face,
        "rich": rich,
        "show": show,
        "buttons": _buttons(card, learner, now, verdict) if show and card else [],
        "verdict": verdict,
        "counts": counts,
        "outlook": None if card else services.outlook(user, learner, now=now, document=document),
        "undo": undo,
        "learner": learner,
        "notice": notice,
    }


# What a card shows, by its content (the same for every learner, whichever learner card shows
# it): its Face and the HTML of its lines with their pinyin (fragments.rich_line), each made
# when first shown: cutting the text into words (jieba) made them costly on every review page.
_FACES: dict[tuple, tuple[Face, _RichLines]] = {}
_MOST_FACES = 1024


class _RichLines:
    """A face's lines as HTML (fragments.rich_line): front, answer, and sources as
    (line, HTML) pairs."""

    def __init__(self, face: Face):
        self.face = face

    @cached_property
    def front(self) -> str:
        return rich_line(self.face.front)

    @cached_property
    def answer(self) -> str:
        return rich_line(self.face.answer)

    @cached_property
    def sources(self) -> tuple:
        return tuple((line, rich_line(line)) for line in self.face.sources)


def _face(card: Card) -> tuple[Face, _RichLines]:
    """card_face(card), and its lines' HTML."""
    fields = json.dumps(card.note.fields, sort_keys=True, ensure_ascii=False)
    key = (card.template, card.ordinal, fields)
    found = _FACES.get(key)
    if found is None:
        face = card_face(card)
        if len(_FACES) >= _MOST_FACES:
            _FACES.clear()
        found = _FACES[key] = (face, _RichLines(face))
    return found


def _buttons(card: LearnerCard, learner, now, verdict) -> list[dict]:
    intervals = services.intervals(card, learner, now)
    suggested = None if verdict is None else (Rating.GOOD if verdict["correct"] else Rating.AGAIN)
    return [
        {
            "value": rating.value,
            "label": rating.label,
            "interval": scheduling.short_interval(intervals[rating.value]),
            "suggested": rating == suggested,
        }
        for rating in Rating
    ]


def _verdict(card: LearnerCard, face: Face, typed: str) -> dict:
    """The typed answer graded as in a quiz; the document's other names count against it."""
    accepted = set(face.accepted)
    names = Term.objects.filter(document_id=card.document_id).values_list("zh", "vi")
    others = {name for pair in names for name in pair if name and name not in accepted}
    result = grading.grade_typed(face.answer_lang, list(face.accepted), typed, others=others)
    return {
        "typed": typed,
        "correct": result.correct,
        "note": grading.explain(result.note, _),
    }
