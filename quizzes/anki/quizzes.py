"""A quiz's Anki deck: its published choice questions, and for every fact they ask about, the
fact's sentence as a cloze and the terms it names as bilingual notes — of the questions whose
key the downloader may already see (quizzes.access.with_visible_keys): nothing of an exam
before they have finished it.

Notes keep the GUIDs they have in the document's deck (namespace + document + fact or term or
question), so a learner who imports both a document's deck and a quiz's deck gets each note once,
and re-importing either updates the notes in place.
"""

from __future__ import annotations

from quizzes.access import with_visible_keys
from quizzes.anki import selections
from quizzes.anki.deck import DeckSpec, Written, write_package
from quizzes.anki.documents import QUESTIONS_DECK
from quizzes.models import Question, Quiz


def quiz_spec(quiz: Quiz) -> DeckSpec:
    name = "Dongxi::" + quiz.title.replace("::", ":")
    return DeckSpec(
        "quiz",
        quiz.pk,
        name,
        str(quiz.document),
        tags=(f"quiz-{quiz.pk}",),
        questions_deck=QUESTIONS_DECK,
    )


def _questions(quiz: Quiz, for_user):
    return with_visible_keys(Question.objects.filter(quizzes=quiz), for_user)


def quiz_decks(quiz: Quiz, *, for_user):
    return selections.selection_decks(quiz_spec(quiz), _questions(quiz, for_user))


def note_estimate(quiz: Quiz, *, for_user) -> int:
    """At most how many notes the quiz's deck has (cheap counts)."""
    return selections.note_estimate(_questions(quiz, for_user))


def export_quiz(quiz: Quiz, file, timestamp: float | None = None, *, for_user) -> Written:
    """Write the quiz's deck for `for_user` to `file` (path or binary file object)."""
    return write_package(quiz_decks(quiz, for_user=for_user), file, timestamp)
