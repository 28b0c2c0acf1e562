"""A document's Anki deck: its terms as bilingual notes, its facts' sentences as clozes, and its
published choice questions as choice notes in the sub-deck "Câu hỏi · 问题" — only those whose
key the downloader may already see (quizzes.access.with_visible_keys): a deck built for one
user (`for_user`) is never handed to another.

Why a sub-deck: questions are a different activity (read a prompt and options, think, compare)
from recalling a word, and take longer per card. In their own sub-deck a learner can give them
their own daily limit or study them alone, while studying the parent deck still shows all.
The sub-deck's name never changes with the interface language: Anki matches decks by name on
import, so a translated name would split the deck in two.
"""

from __future__ import annotations

from content.items import exportable_facts, exportable_terms, fact_items, term_items
from content.models import Document, Fact, Term
from quizzes.access import with_visible_keys
from quizzes.anki.deck import DeckSpec, Written, build_decks, write_package
from quizzes.anki.sources import exportable_questions, question_items
from quizzes.models import Question

QUESTIONS_DECK = "Câu hỏi · 问题"


def document_spec(document: Document) -> DeckSpec:
    title = document.title_vi or document.title_zh or document.slug
    # "::" would make Anki nest the deck under a parent of that name.
    name = "Dongxi::" + title.replace("::", ":")
    description = " / ".join(filter(None, [document.title_zh, document.title_vi]))
    return DeckSpec("document", document.slug, name, description, questions_deck=QUESTIONS_DECK)


def _questions(document: Document, for_user):
    return with_visible_keys(Question.objects.filter(document=document), for_user)


def document_decks(document: Document, *, for_user):
    """The document's deck and, when it has published choice questions whose keys `for_user`
    may see, their sub-deck."""
    terms = Term.objects.filter(document=document).order_by("key")
    facts = Fact.objects.filter(document=document).order_by("sentence__index", "key")
    questions = _questions(document, for_user).order_by("id")
    return build_decks(
        document_spec(document),
        terms=term_items(terms),
        facts=fact_items(facts),
        questions=question_items(questions),
    )


def note_estimate(document: Document, *, for_user) -> int:
    """At most how many notes the document's deck has: cheap counts, to decide whether to build
    it during the request or in the background."""
    return (
        exportable_terms(Term.objects.filter(document=document)).count()
        + exportable_facts(Fact.objects.filter(document=document)).count()
        + exportable_questions(_questions(document, for_user)).count()
    )


def export_document(
    document: Document, file, timestamp: float | None = None, *, for_user
) -> Written:
    """Write the document's deck for `for_user` to `file` (path or binary file object)."""
    return write_package(document_decks(document, for_user=for_user), file, timestamp)
