"""Anki export checked with real Anki: the official `anki` package imports our .apkg files.

Counts, rendering, TTS tags, re-import after an edit (updates, no duplicates, review history
kept), HTML escaping, the media check and the command; terms, fact sentences and published
choice questions (in their sub-deck) alike.
"""

import html
import itertools
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import genanki
import pytest
from anki.collection import Collection
from anki.sound import TTSTag
from django.core.management import CommandError, call_command

from content.models import Document, Term
from quizzes.access import OPERATOR
from quizzes.anki import choice, notetypes
from quizzes.anki import deck as anki_deck
from quizzes.anki.documents import QUESTIONS_DECK, document_decks, export_document
from quizzes.anki.ids import deck_id, note_guid, stable_id
from quizzes.models import Question
from tests.support.anki import (
    SECOND,
    SLUG,
    SOURCE,
    assert_every_card_renders,
    import_apkg,
    load,
    publish_choices,
)

# The shipped document: 9 bilingual terms (3 cards each) and 12 cloze sentences; its choice
# questions are counted from the database, as generation may grow.
NOTES, BILINGUAL, CLOZES = 21, 9, 12


@pytest.fixture
def document(db) -> Document:
    return load(SOURCE)


@pytest.fixture
def published(document) -> int:
    return publish_choices(document)


@pytest.fixture
def col(tmp_path):
    collection = Collection(str(tmp_path / "collection.anki2"))
    yield collection
    collection.close()


def export(document: Document, path: Path) -> Path:
    export_document(document, str(path), for_user=OPERATOR)
    return path


def test_ids_are_fixed_and_derived():
    assert notetypes.BILINGUAL.model_id == stable_id("model", "bilingual", "v1")
    assert notetypes.CHOICE.model_id == stable_id("model", "choice", "v1")
    assert 2**30 <= notetypes.BILINGUAL.model_id < 2**31
    models = [notetypes.BILINGUAL, notetypes.CLOZE, notetypes.CHOICE]
    assert len({m.model_id for m in models}) == 3
    assert deck_id("document", SLUG) == deck_id("document", SLUG) != deck_id("document", "x")
    assert deck_id("document", SLUG, "questions") != deck_id("document", SLUG)
    # A generated question is keyed by its generator key, an authored one by its pk.
    assert note_guid(SLUG, "question", "k1") != note_guid(SLUG, "authored-question", "k1")


def test_note_guids_are_genankis_guid_for():
    """Computed in quizzes.anki.ids for speed, they must stay genanki.guid_for's: Anki matches a
    re-imported note by its GUID."""
    keys = ["k1", "term:Giang Tô", "fact:江苏·12", 7, 10**12, "", " a b ", *range(3000)]
    for document, kind, key in itertools.product([SLUG, "tài-liệu"], ["term", "fact"], keys):
        assert note_guid(document, kind, key) == genanki.guid_for("dongxi", document, kind, key)


def test_import_into_real_anki(document, published, col, tmp_path):
    assert published > 0
    log = import_apkg(col, export(document, tmp_path / "deck.apkg"))
    assert len(log.log.new) == NOTES + published
    assert col.note_count() == NOTES + published
    bilingual = col.find_notes(f'"note:{notetypes.BILINGUAL.name}"')
    cloze = col.find_notes(f'"note:{notetypes.CLOZE.name}"')
    choices = col.find_notes(f'"note:{notetypes.CHOICE.name}"')
    assert (len(bilingual), len(cloze), len(choices)) == (BILINGUAL, CLOZES, published)
    cloze_cards = len(col.find_cards(f'"note:{notetypes.CLOZE.name}"'))
    assert col.card_count() == 3 * BILINGUAL + cloze_cards + published
    # Anki gives an imported deck its own id and matches later imports by name.
    parent = f"Dongxi::{document.title_vi}"
    assert col.decks.id_for_name(parent)
    assert len(col.find_cards(f'"deck:{parent}::{QUESTIONS_DECK}"')) == published
    assert len(col.find_cards(f'"deck:{parent}" -"deck:{parent}::*"')) == (
        3 * BILINGUAL + cloze_cards
    )
    assert_every_card_renders(col)

    note = col.get_note(bilingual[0])
    assert SLUG in note.tags and note["Kind"] in note.tags
    assert any(tag.startswith("p") and tag[1:].isdigit() for tag in note.tags)
    assert note["SourceZh"] and note["SourceVi"] and "<b>" in note["SourceZh"]
    forward, reverse, typed = sorted(note.cards(), key=lambda c: c.ord)
    assert [(t.lang, t.field_text) for t in forward.question_av_tags()] == [
        ("zh_CN", note["Chinese"])
    ]
    assert all(isinstance(t, TTSTag) for t in forward.answer_av_tags())
    assert "vi_VN" in {t.lang for t in forward.answer_av_tags()}
    assert [t.lang for t in reverse.question_av_tags()] == ["vi_VN"]
    assert "<ruby>" in forward.question() and note["Pinyin"] in forward.question()
    # The reviewer swaps this marker for the input box.
    assert "[[type:Vietnamese]]" in typed.question()
    assert note["SourceVi"].replace("<b>", "").replace("</b>", "")[:20] in forward.answer()

    check = col.media.check()
    assert not check.missing and not check.unused
    assert col.fix_integrity() == ("Database rebuilt and optimized.", True)


def test_choice_notes_speak_their_language_and_show_the_key(document, published, col, tmp_path):
    import_apkg(col, export(document, tmp_path / "deck.apkg"))
    notes = {note.guid: note for note in map(col.get_note, col.find_notes(""))}
    field = {"zh": "Zh", "vi": "Vi"}
    voice = {"zh": "zh_CN", "vi": "vi_VN"}
    for qtype in choice.TYPES:
        for language, other in (("zh", "vi"), ("vi", "zh")):
            question = Question.objects.filter(
                document=document, type=qtype, language=language
            ).first()
            assert question is not None, f"the shipped document has {qtype} in {language}"
            note = notes[note_guid(SLUG, "question", question.key)]
            assert note[f"Prompt{field[language]}"] and not note[f"Prompt{field[other]}"]
            assert note[f"Answer{field[language]}"] and not note[f"Answer{field[other]}"]
            assert note["SourceZh"] and note["SourceVi"]
            assert {SLUG, qtype} <= set(note.tags)
            assert all(" " not in tag for tag in note.tags)
            [card] = note.cards()
            assert [t.lang for t in card.question_av_tags()] == [voice[language]]
            assert {t.lang for t in card.answer_av_tags()} == {voice[language]}
            assert '<span class="letter">A</span>' in card.question()
            assert '<div class="key">' not in card.question()
            shown = choice.face(qtype, language, question.answer, question.choices)
            assert note["Key"] == html.escape(shown.key)
            assert f'<div class="key">{note["Key"]}</div>' in card.answer()


def test_every_shipped_document_imports_and_renders(db, col, tmp_path):
    total = 0
    for source in (SOURCE, SECOND):
        document = load(source)
        published = publish_choices(document)
        path = str(tmp_path / f"{source.stem}.apkg")
        written = export_document(document, path, for_user=OPERATOR)
        log = import_apkg(col, tmp_path / f"{source.stem}.apkg")
        assert len(log.log.new) == written.notes
        assert len(col.find_notes(f'"note:{notetypes.CHOICE.name}" tag:{source.stem}')) == (
            published
        )
        total += written.notes
    assert col.note_count() == total
    assert_every_card_renders(col)
    assert not col.media.check().missing


def test_reimport_after_edit_updates_and_keeps_reviews(document, published, col, tmp_path):
    authored = Question.objects.create(
        document=document,
        type=Question.Type.SINGLE_CHOICE,
        language=Question.Language.VI,
        prompt="Tỉnh nào kết nghĩa với Trùng Khánh?",
        answer="Sơn Đông",
        choices=["Phúc Kiến", "Sơn Đông"],
        status=Question.Status.PUBLISHED,
        origin=Question.Origin.AUTHORED,
    )
    notes = NOTES + published + 1
    import_apkg(col, export(document, tmp_path / "first.apkg"))
    assert col.note_count() == notes
    col.decks.select(col.decks.id_for_name(f"Dongxi::{document.title_vi}"))
    col.sched.answerCard(col.sched.getCard(), 3)
    assert col.db.scalar("select count() from revlog") == 1

    # Edit one word of sentence 2 in both languages: 几次 → 多次, mấy lần → nhiều lần.
    text = SOURCE.read_text(encoding="utf-8")
    assert text.count("经过几次调整") == 1 and text.count("qua mấy lần") == 1
    edited = tmp_path / "edited" / SOURCE.name
    edited.parent.mkdir()
    edited.write_text(
        text.replace("经过几次调整", "经过多次调整").replace("qua mấy lần", "qua nhiều lần"),
        encoding="utf-8",
    )
    call_command("load_document", str(edited))
    document.refresh_from_db()
    assert document.sentences.get(index=1).zh.count("多次") == 1
    # A teacher rewords their own question and moves the answer.
    authored.prompt = "Cô Tess hỏi: tỉnh nào kết nghĩa với Trùng Khánh?"
    authored.choices = ["Sơn Đông", "Phúc Kiến"]
    authored.save()

    log = import_apkg(col, export(document, tmp_path / "second.apkg"))
    assert not log.log.new and not log.log.duplicate
    assert len(log.log.updated) >= 1
    assert col.note_count() == notes
    changed = col.find_notes("多次")
    assert changed and not col.find_notes("几次")
    assert col.find_notes("nhiều") and not col.find_notes('"qua mấy lần"')
    # The choice questions asking about that sentence were updated, not added.
    assert col.find_notes(f'"note:{notetypes.CHOICE.name}" 多次')
    assert col.find_notes(f'"note:{notetypes.CHOICE.name}" "qua nhiều lần"')
    [nid] = col.find_notes('"Cô Tess hỏi"')
    note = col.get_note(nid)
    assert note.guid == note_guid(SLUG, "authored-question", authored.pk)
    assert note["Key"] == "A"
    assert col.db.scalar("select count() from revlog") == 1
    assert col.card_count() == len(col.find_cards(""))


def test_fields_are_html_escaped(document, col, tmp_path):
    term = Term.objects.filter(document=document, kind="place").exclude(zh="").first()
    term.vi = "<b>Sơn</b> & {{c1::x}}"
    term.save()
    import_apkg(col, export(document, tmp_path / "deck.apkg"))
    [nid] = col.find_notes(f'"Chinese:{term.zh}"')
    note = col.get_note(nid)
    assert note["Vietnamese"] == "&lt;b&gt;Sơn&lt;/b&gt; &amp; &#123;&#123;c1::x&#125;&#125;"
    for card in note.cards():
        assert "<b>Sơn" not in card.answer()


def test_notes_skip_genankis_html_check_as_their_fields_are_escaped_here():
    # Escaped here (the tests above): genanki's check of every field would find nothing. The
    # method overridden must still be genanki's, or the saving is gone (nothing breaks).
    assert callable(getattr(genanki.Note, "_check_invalid_html_tags_in_fields", None))
    assert anki_deck.Note._check_invalid_html_tags_in_fields is not (
        genanki.Note._check_invalid_html_tags_in_fields
    )
    spec = anki_deck.DeckSpec("document", SLUG, "Dongxi::test")
    [deck] = anki_deck.build_decks(spec, facts=[])
    assert deck.notes == []
    item = anki_deck.ChoiceItem(SLUG, "k", None, "single_choice", "vi", "<p>?", "a", ("a", "b"))
    assert isinstance(anki_deck.choice_note(spec, item), anki_deck.Note)


def test_choice_fields_are_html_escaped(document, col, tmp_path):
    Question.objects.create(
        document=document,
        type=Question.Type.MULTIPLE_CHOICE,
        language=Question.Language.ZH,
        prompt="<script>x</script> {{c1::哪些}}？\n第二行",
        answer=["<i>山东</i>", "a & b"],
        choices=["<i>山东</i>", "福建", "a & b"],
        status=Question.Status.PUBLISHED,
    )
    import_apkg(col, export(document, tmp_path / "deck.apkg"))
    [nid] = col.find_notes(f'"note:{notetypes.CHOICE.name}"')
    note = col.get_note(nid)
    # Latin letters in a Chinese prompt: on the front, but where the zh_CN voice does not read.
    assert note["PromptZh"] == ""
    assert (
        "&lt;script&gt;x&lt;/script&gt; &#123;&#123;c1::哪些&#125;&#125;？<br>第二行"
        in note["Options"]
    )
    assert "&lt;i&gt;山东&lt;/i&gt;" in note["Options"] and "a &amp; b" in note["Options"]
    assert note["Key"].startswith("A, C")
    [card] = note.cards()
    assert "<script>" not in card.question() and "<i>山东" not in card.answer()


def test_choice_questions_that_cannot_make_a_card_are_left_out(document, tmp_path):
    base = {"document": document, "language": "vi", "status": Question.Status.PUBLISHED}
    Question.objects.create(**base, type="single_choice", prompt="?", answer="x", choices=["y"])
    Question.objects.create(**base, type="true_false", prompt="?", answer="yes")
    Question.objects.create(**base, type="cloze", prompt="____?", answer="x")
    Question.objects.create(
        **{**base, "status": Question.Status.DRAFT},
        type="single_choice",
        prompt="draft",
        answer="a",
        choices=["a", "b"],
    )
    written = export_document(document, str(tmp_path / "deck.apkg"), for_user=OPERATOR)
    assert written.notes == NOTES


def test_cloze_hides_whole_numbers_and_words_only():
    text = anki_deck.cloze_text("自1996年, 9省 <14>个", ["9", "14"])
    assert text == "自1996年, {{c1::9}}省 &lt;{{c2::14}}&gt;个"
    assert anki_deck.cloze_text("没有", ["有了"]) is None
    assert anki_deck.cloze_text("Ninh Ba, Bao và Ba", ["Ba"]) == (
        "Ninh {{c1::Ba}}, Bao và {{c1::Ba}}"
    )


def test_timestamps_grow(document, tmp_path):
    first = export_document(document, str(tmp_path / "a.apkg"), for_user=OPERATOR).timestamp
    second = export_document(document, str(tmp_path / "b.apkg"), for_user=OPERATOR).timestamp
    assert second >= first + 1


def test_apkg_is_a_zip_with_a_collection_and_leaves_no_temporary_file(
    document, published, tmp_path, monkeypatch
):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    path = export(document, tmp_path / "deck.apkg")
    with zipfile.ZipFile(path) as package:
        assert {"collection.anki2", "media"} <= set(package.namelist())
    assert not list(scratch.iterdir())
    decks = document_decks(document, for_user=OPERATOR)
    assert [len(deck.notes) for deck in decks] == [NOTES, published]
    assert decks[1].name == f"Dongxi::{document.title_vi}::{QUESTIONS_DECK}"


def test_a_document_without_published_questions_has_no_questions_deck(document):
    assert [len(deck.notes) for deck in document_decks(document, for_user=OPERATOR)] == [NOTES]


def test_command(document, published, tmp_path, capsys):
    output = tmp_path / "cmd.apkg"
    call_command("export_anki", "--document", SLUG, "--output", str(output))
    assert zipfile.is_zipfile(output)
    assert f"{NOTES + published} notes" in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command("export_anki", "--document", "nope", "--output", str(output))


def test_every_card_can_be_answered_from_its_front_and_voices_read_only_their_language(
    document, col, tmp_path
):
    base = {"document": document, "status": Question.Status.PUBLISHED}
    Question.objects.create(
        **base,
        language="vi",
        type="matching",
        prompt="Nối mỗi tỉnh với tên tiếng Trung",
        answer=[["Sơn Đông", "山东"], ["Phúc Kiến", "福建"]],
        choices=["福建", "山东"],
    )
    Question.objects.create(
        **base,
        language="zh",
        type="single_choice",
        prompt="选择正确的一项：",
        answer="第一行\n第二行",
        choices=["第一行\n第二行", "第三行"],
    )
    import_apkg(col, export(document, tmp_path / "deck.apkg"))
    notes = [col.get_note(n) for n in col.find_notes(f'"note:{notetypes.CHOICE.name}"')]
    matching = next(n for n in notes if "Nối" in n["PromptVi"])
    [card] = matching.cards()
    front = card.question()
    assert front.index("Sơn Đông") < front.index("Phúc Kiến") < front.index("山东")
    assert '<span class="letter">1</span> Sơn Đông' in matching["Options"]
    assert matching["Key"].startswith("1–B, 2–A") and matching["AnswerVi"] == ""
    assert [t.lang for t in card.question_av_tags()] == ["vi_VN"]
    assert card.answer_av_tags() == [], "no Vietnamese voice reads 山东"
    lines = next(n for n in notes if n["PromptZh"] == "选择正确的一项：")
    assert "第一行<br>第二行" in lines["Options"] and lines["AnswerZh"] == "第一行<br>第二行"


def test_the_package_holds_the_rows_genanki_writes_itself(document, published, tmp_path):
    """write_package sends genanki's one-row INSERTs of notes and cards in batches: the
    collection must hold exactly the rows genanki's own cursor would have written."""
    decks = document_decks(document, for_user=OPERATOR)
    timestamp = 1_800_000_000.0
    anki_deck.write_package(decks, str(tmp_path / "deck.apkg"), timestamp=timestamp)
    with zipfile.ZipFile(tmp_path / "deck.apkg") as package:
        package.extract("collection.anki2", tmp_path / "ours")
    plain = sqlite3.connect(tmp_path / "plain.anki2")
    genanki.Package(decks).write_to_db(
        plain.cursor(), timestamp, itertools.count(int(timestamp * 1000))
    )
    plain.commit()
    ours = sqlite3.connect(tmp_path / "ours" / "collection.anki2")
    for table in ("notes", "cards", "col"):
        rows = f"SELECT * FROM {table} ORDER BY id"
        assert ours.execute(rows).fetchall() == plain.execute(rows).fetchall(), table
    assert ours.execute("SELECT count(*) FROM cards").fetchone()[0] > published
