"""Notes and cards made from a document, and what a card shows: both directions for each term,
a cloze card per hidden word, pinyin as ruby, Hán-Việt, the source sentence in both languages."""

from django.db.models import Count

from content.items import fact_items, term_items
from content.lang.text import HAN_RE
from content.loading import load_text
from content.models import Fact, Term
from flashcards import services
from flashcards.models import Card, LearnerCard, Note
from flashcards.notes import card_face, char_pinyin, sync_document
from tests.flashcards.conftest import T0


def _plain(line) -> str:
    return "".join(segment.text for segment in line.segments)


def _marked_runs(line) -> set[str]:
    """The highlighted words (a Chinese word is one segment per character)."""
    runs, run = set(), ""
    for segment in line.segments:
        if segment.mark:
            run += segment.text
        elif run:
            runs.add(run)
            run = ""
    return runs | ({run} if run else set())


def test_every_bilingual_term_gives_a_note_with_both_directions(documents):
    for document in documents:
        terms = list(term_items(Term.objects.filter(document=document)))
        notes = Note.objects.filter(document=document, kind=Note.Kind.TERM, is_active=True)
        assert {n.term.key for n in notes} == {t.key for t in terms}
        for note in notes:
            assert {(c.template, c.ordinal) for c in note.cards.all()} == {
                (Card.Template.ZH_VI, 1),
                (Card.Template.VI_ZH, 2),
            }


def test_each_source_sentence_gives_one_cloze_note_with_a_card_per_hidden_word(documents):
    for document in documents:
        items = list(fact_items(Fact.objects.filter(document=document)))
        notes = Note.objects.filter(document=document, kind=Note.Kind.CLOZE).annotate(
            n=Count("cards")
        )
        assert notes.count() == len({item.text for item in items})
        for note in notes:
            assert note.n == len(note.fields["answers"]) >= 1
            assert note.facts.exists()
        linked = set(Note.facts.through.objects.filter(note__in=notes).values_list("fact__key"))
        assert linked == {(item.key,) for item in items}


def test_a_chinese_card_shows_pinyin_over_each_character_and_its_han_viet_on_the_back(document):
    card = Card.objects.filter(
        note__document=document, template=Card.Template.ZH_VI
    ).select_related("note")[0]
    face = card_face(card)
    han = [s for s in face.front.segments if HAN_RE.match(s.text)]
    assert han and all(s.ruby for s in han)
    assert " ".join(s.ruby for s in han) == card.note.term.pinyin
    assert face.hanviet == card.note.term.hanviet
    assert _plain(face.answer) == card.note.term.vi
    assert face.front.speech_lang == "zh-CN" and face.answer.speech_lang == "vi-VN"


def test_the_back_shows_the_source_sentence_in_both_languages_with_the_term_marked(documents):
    for document in documents:
        for card in Card.objects.filter(
            note__document=document, template=Card.Template.VI_ZH
        ).select_related("note__term"):
            face = card_face(card)
            term = card.note.term
            assert [line.lang for line in face.sources] == ["zh", "vi"]
            zh, vi = face.sources
            names = {"zh": [term.zh, *term.aliases.get("zh", [])], "vi": [term.vi]}
            names["vi"] += term.aliases.get("vi", [])
            for line in (zh, vi):
                marked = _marked_runs(line)
                assert marked and marked <= set(names[line.lang])
            assert all(s.ruby for s in zh.segments if HAN_RE.match(s.text))
            assert face.answer_lang == "zh" and term.zh in face.accepted


def test_a_cloze_card_hides_its_own_word_only_and_reveals_it_marked(documents):
    for document in documents:
        for card in Card.objects.filter(
            note__document=document, template=Card.Template.CLOZE
        ).select_related("note"):
            face = card_face(card)
            hidden = card.note.fields["answers"][card.ordinal - 1]
            assert face.accepted == (hidden,)
            assert any(s.blank for s in face.front.segments)
            assert not face.front.speech, "a sentence with a gap is not read aloud"
            assert _plain(face.answer) == card.note.fields["text"]
            assert "".join(s.text for s in face.answer.segments if s.mark).startswith(hidden)
            assert [_plain(line) for line in face.sources] == [card.note.fields["extra"]]


def test_char_pinyin_reads_in_context_and_prefers_a_terms_own_pinyin():
    assert char_pinyin("重庆市A") == ["chóng", "qìng", "shì", ""]
    assert char_pinyin("重庆", "zhòng qìng") == ["zhòng", "qìng"]
    assert char_pinyin("重庆", "one") == ["chóng", "qìng"]  # not one syllable per character


def test_syncing_again_changes_nothing(documents):
    before = list(Card.objects.values_list("pk", "note__key", "ordinal", "is_active"))
    for document in documents:
        sync_document(document)
    assert list(Card.objects.values_list("pk", "note__key", "ordinal", "is_active")) == before


def test_a_vanished_term_retires_its_cards_but_keeps_the_learners_schedule(alice, document):
    services.start_studying(alice, document, now=T0)
    note = Note.objects.filter(document=document, kind=Note.Kind.TERM).first()
    note.term.is_active = False
    note.term.save(update_fields=["is_active"])
    sync_document(document)
    note.refresh_from_db()
    assert not note.is_active
    assert not note.cards.filter(is_active=True).exists()
    assert LearnerCard.objects.filter(user=alice, note=note).count() == 2
    seen = set()
    while card := services.next_card(alice, now=T0):
        seen.add(card.note_id)
        services.rate(alice, card.pk, card.version, 4, now=T0)
    assert note.pk not in seen


def test_a_reworded_sentence_gives_its_new_cards_to_the_learners_of_the_document(
    alice, bob, document
):
    services.start_studying(alice, document, now=T0)
    note = next(
        n
        for n in Note.objects.filter(document=document, kind=Note.Kind.CLOZE, is_active=True)
        if n.fields["lang"] == "zh"
        and n.fields["text"] in document.source_text
        and "的" in n.fields["text"]
        and not any("的" in answer for answer in n.fields["answers"])
    )
    reworded = note.fields["text"].replace("的", "之", 1)
    load_text(document.source_text.replace(note.fields["text"], reworded), slug=document.slug)
    note.refresh_from_db()
    assert not note.is_active
    new = Note.objects.get(document=document, kind=Note.Kind.CLOZE, fields__text=reworded)
    active = Card.objects.filter(note__document=document, is_active=True)
    assert LearnerCard.objects.filter(user=alice, card__in=active).count() == active.count()
    assert LearnerCard.objects.filter(user=alice, note=new).count() == new.cards.count() >= 1
    assert not LearnerCard.objects.filter(user=bob).exists()


def test_names_in_a_sentence_take_their_reading_as_names():
    """Issue 16: 还剑湖 in a sentence is read huán jiàn hú (the term's pinyin), not hái."""
    from content.lang.readings import pinyin

    text = "我们还去了还剑湖。"
    plain = char_pinyin(text)
    assert plain[5:8] == ["hái", "jiàn", "hú"]  # pypinyin alone
    read = char_pinyin(text, names={"还剑湖": pinyin("还剑湖")})
    assert read[5:8] == ["huán", "jiàn", "hú"]
    assert read[2] == "hái"  # the adverb keeps its reading
