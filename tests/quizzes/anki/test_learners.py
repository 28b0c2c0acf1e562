"""A learner's own Anki deck, "my cards": the terms and facts behind their flashcards, checked by
importing into real Anki (both shipped documents); the deck's domain module and its builder."""

import pytest
from anki.collection import Collection

from content.items import exportable_terms, fact_items
from content.models import Document, Fact
from flashcards import services
from flashcards.models import Card, Note
from flashcards.notes import sync_document
from quizzes.access import OPERATOR
from quizzes.anki import notetypes
from quizzes.anki.documents import document_decks
from quizzes.anki.ids import deck_id, note_guid
from quizzes.anki.learners import DECK_NAME, export_learner, learner_decks, note_estimate
from tests.support.anki import assert_every_card_renders, import_apkg
from tests.support.shipped import loaded


@pytest.fixture(scope="module")
def shipped(django_db_setup, django_db_blocker):
    """Both shipped documents, analysed once for this module (tests.support.shipped)."""
    with loaded(django_db_blocker) as slugs:
        yield slugs


@pytest.fixture
def documents(db, shipped) -> list[Document]:
    documents = list(Document.objects.filter(slug__in=shipped).order_by("slug"))
    assert len(documents) == 2
    return documents


@pytest.fixture
def col(tmp_path):
    collection = Collection(str(tmp_path / "collection.anki2"))
    yield collection
    collection.close()


def guids(decks) -> set[str]:
    return {note.guid for deck in decks for note in deck.notes}


def imported_guids(col: Collection) -> set[str]:
    return {col.get_note(nid).guid for nid in col.find_notes("")}


def test_my_cards_hold_the_terms_and_sentences_of_what_the_learner_studies(
    documents, alice, bob, col, tmp_path
):
    mine, theirs = documents
    services.start_studying(alice, mine)
    services.start_studying(bob, theirs)
    path = tmp_path / "mine.apkg"
    written = export_learner(alice, path)
    log = import_apkg(col, path)
    # Every term and fact sentence of the document that makes a note: the document's own deck
    # without its questions, note for note, with the same GUIDs.
    [document_deck, *_questions] = document_decks(mine, for_user=OPERATOR)
    assert col.note_count() == written.notes == len(log.log.new) == len(document_deck.notes) > 0
    assert imported_guids(col) == guids([document_deck])
    terms = Note.objects.filter(kind=Note.Kind.TERM, learner_cards__user=alice).distinct()
    assert len(col.find_notes(f'"note:{notetypes.BILINGUAL.name}"')) == terms.count() > 0
    assert col.find_notes(f'"note:{notetypes.CLOZE.name}"')
    assert not col.find_notes(f'"note:{notetypes.CHOICE.name}"')
    # Bob's document is not in Alice's deck; everything is in the one deck, tagged.
    assert not col.find_notes(f"tag:{theirs.slug}")
    assert len(col.find_notes("tag:my-cards")) == written.notes
    assert len(col.find_notes(f'"deck:{DECK_NAME}"')) == written.notes
    assert [deck.deck_id for deck in learner_decks(alice)] == [deck_id("learner", alice.pk)]
    assert_every_card_renders(col)


def test_a_learner_with_a_few_cards_of_a_document_gets_only_their_notes(documents, alice, bob):
    mine, other = documents
    services.start_studying(alice, mine)
    facts = Fact.objects.filter(document=other).order_by("sentence__index", "key")
    first = next(fact_items(facts))
    services.bring_forward(alice, facts.filter(key=first.key).values_list("pk", flat=True))
    decks = learner_decks(alice)
    in_mine = guids(document_decks(mine, for_user=OPERATOR))
    from_other = {guid for guid in guids(decks) if guid not in in_mine}
    # The brought-forward fact's sentence (its cloze note may hide other facts of it) and the
    # terms the fact names: a part of the other document's deck.
    fact = facts.get(key=first.key)
    named = {note_guid(other.slug, "term", t.key) for t in exportable_terms(fact.terms.all())}
    sentence = {note_guid(other.slug, "fact", f.key) for f in facts.filter(sentence=fact.sentence)}
    assert {note_guid(other.slug, "fact", fact.key)} | named <= from_other <= sentence | named
    assert from_other < guids(document_decks(other, for_user=OPERATOR)[:1])
    assert note_estimate(alice) >= len(guids(decks))
    assert not guids(learner_decks(bob)) and note_estimate(bob) == 0


def test_cards_retired_from_the_document_leave_the_deck(documents, alice):
    document = documents[0]
    services.start_studying(alice, document)
    before = guids(learner_decks(alice))
    retired, emptied = Note.objects.filter(document=document, kind=Note.Kind.TERM)[:2]
    retired.is_active = False
    retired.save(update_fields=["is_active"])
    Card.objects.filter(note=emptied).update(is_active=False)
    after = guids(learner_decks(alice))
    gone = {note_guid(document.slug, "term", note.term.key) for note in (retired, emptied)}
    assert gone <= before and after == before - gone
    # A retired term (the document no longer names it) leaves too, though its note is left.
    term = Note.objects.filter(document=document, kind=Note.Kind.TERM, is_active=True)[0].term
    term.is_active = False
    term.save(update_fields=["is_active"])
    assert note_guid(document.slug, "term", term.key) not in guids(learner_decks(alice))


def test_reimporting_after_a_document_edit_updates_the_notes_in_place(
    documents, alice, col, tmp_path
):
    document = documents[1]
    services.start_studying(alice, document)
    first, second = tmp_path / "1.apkg", tmp_path / "2.apkg"
    written = export_learner(alice, first)
    import_apkg(col, first)
    col.decks.select(col.decks.id_for_name(DECK_NAME))
    col.sched.answerCard(col.sched.getCard(), 3)

    # The document's text changes: one term's Hán-Việt reading, and the translation shown
    # under a cloze (a sentence whose clozes all hide words of its other language; editing the
    # hidden side would retire its flashcard note for a new one, and the learner's card with it).
    term = Note.objects.filter(document=document, kind=Note.Kind.TERM)[0].term
    term.hanviet = "Hán Việt đã sửa"
    term.save(update_fields=["hanviet"])
    by_sentence: dict[int, list] = {}
    for item in fact_items(
        Fact.objects.filter(document=document).order_by("sentence__index", "key")
    ):
        sentence = Fact.objects.get(document=document, key=item.key).sentence
        by_sentence.setdefault(sentence.pk, []).append((item, sentence))
    item, sentence = next(
        group[0] for group in by_sentence.values() if len({i.text for i, _s in group}) == 1
    )
    if item.text == sentence.zh:
        sentence.vi += " Câu dịch đã sửa."
    else:
        sentence.zh += "译文已修订。"
    sentence.save(update_fields=["vi", "zh"])
    sync_document(document)

    again = export_learner(alice, second)
    log = import_apkg(col, second)
    assert again.timestamp > written.timestamp
    assert not log.log.new and not log.log.duplicate and len(log.log.updated) >= 2
    assert col.note_count() == written.notes == again.notes
    [nid] = col.find_notes('"Hán Việt đã sửa"')
    assert col.get_note(nid).guid == note_guid(document.slug, "term", term.key)
    [nid] = col.find_notes(f'"note:{notetypes.CLOZE.name}" ("Câu dịch đã sửa" or 译文已修订)')
    assert col.get_note(nid).guid == note_guid(document.slug, "fact", item.key)
    assert col.db.scalar("select count() from revlog") == 1  # the review is kept
    assert_every_card_renders(col)
