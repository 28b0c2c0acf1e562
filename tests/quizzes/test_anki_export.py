"""Anki export checked with real Anki: the official `anki` package imports our .apkg files.

Counts, rendering, TTS tags, re-import after an edit (updates, no duplicates, review history
kept), HTML escaping, the media check, the command and the download view.
"""

import zipfile
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageRequest
from anki.import_export_pb2 import (
    IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
    ImportAnkiPackageOptions,
)
from anki.sound import TTSTag
from django.core.management import CommandError, call_command
from django.urls import reverse

from content.models import Document, Term
from quizzes.anki import deck as anki_deck
from quizzes.anki import notetypes
from quizzes.anki.documents import document_deck, export_document
from quizzes.anki.ids import deck_id, stable_id

SOURCE = Path("content/documents/000_09eee8d4159d2fdc.txt")
SLUG = "000_09eee8d4159d2fdc"
# The shipped document: 9 bilingual terms (3 cards each) and 11 cloze sentences.
NOTES, BILINGUAL, CLOZES = 20, 9, 11


@pytest.fixture
def document(db) -> Document:
    call_command("load_document", str(SOURCE))
    return Document.objects.get(slug=SLUG)


@pytest.fixture
def col(tmp_path):
    collection = Collection(str(tmp_path / "collection.anki2"))
    yield collection
    collection.close()


def import_apkg(col: Collection, path: Path):
    options = ImportAnkiPackageOptions(
        update_notes=IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER, with_scheduling=False
    )
    return col.import_anki_package(
        ImportAnkiPackageRequest(package_path=str(path), options=options)
    )


def export(document: Document, path: Path) -> Path:
    export_document(document, str(path))
    return path


def test_ids_are_fixed_and_derived():
    assert notetypes.BILINGUAL.model_id == stable_id("model", "bilingual", "v1")
    assert 2**30 <= notetypes.BILINGUAL.model_id < 2**31
    assert len({notetypes.BILINGUAL.model_id, notetypes.CLOZE.model_id}) == 2
    assert deck_id("document", SLUG) == deck_id("document", SLUG) != deck_id("document", "x")


def test_import_into_real_anki(document, col, tmp_path):
    log = import_apkg(col, export(document, tmp_path / "deck.apkg"))
    assert len(log.log.new) == NOTES
    assert col.note_count() == NOTES
    bilingual = col.find_notes(f'"note:{notetypes.BILINGUAL.name}"')
    cloze = col.find_notes(f'"note:{notetypes.CLOZE.name}"')
    assert (len(bilingual), len(cloze)) == (BILINGUAL, CLOZES)
    card_ids = col.find_cards("")
    cloze_cards = len(col.find_cards(f'"note:{notetypes.CLOZE.name}"'))
    assert len(card_ids) == 3 * BILINGUAL + cloze_cards
    # Anki gives an imported deck its own id and matches later imports by name.
    assert col.decks.id_for_name(f"Dongxi::{document.title_vi}")

    for cid in card_ids:
        card = col.get_card(cid)
        question, answer = card.question(), card.answer()
        assert "{{" not in question and "{{" not in answer, cid
        assert question.strip() and answer.strip()

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


def test_reimport_after_edit_updates_and_keeps_reviews(document, col, tmp_path):
    import_apkg(col, export(document, tmp_path / "first.apkg"))
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

    log = import_apkg(col, export(document, tmp_path / "second.apkg"))
    assert not log.log.new and not log.log.duplicate
    assert len(log.log.updated) >= 1
    assert col.note_count() == NOTES
    changed = col.find_notes("多次")
    assert changed and not col.find_notes("几次")
    assert col.find_notes("nhiều") and not col.find_notes('"qua mấy lần"')
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


def test_cloze_hides_whole_numbers_only():
    text = anki_deck.cloze_text("自1996年, 9省 <14>个", ["9", "14"])
    assert text == "自1996年, {{c1::9}}省 &lt;{{c2::14}}&gt;个"
    assert anki_deck.cloze_text("没有", ["有了"]) is None


def test_timestamps_grow(document, tmp_path):
    first = export_document(document, str(tmp_path / "a.apkg"))
    second = export_document(document, str(tmp_path / "b.apkg"))
    assert second >= first + 1


def test_apkg_is_a_zip_with_a_collection(document, tmp_path):
    path = export(document, tmp_path / "deck.apkg")
    with zipfile.ZipFile(path) as package:
        assert {"collection.anki2", "media"} <= set(package.namelist())
    deck = document_deck(document)
    assert len(deck.notes) == NOTES


def test_command(document, tmp_path):
    output = tmp_path / "cmd.apkg"
    call_command("export_anki", "--document", SLUG, "--output", str(output))
    assert zipfile.is_zipfile(output)
    with pytest.raises(CommandError):
        call_command("export_anki", "--document", "nope", "--output", str(output))


def test_download_view(document, alice_client, client, tmp_path):
    url = reverse("document_deck", args=[SLUG])
    response = alice_client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert f"{SLUG}.apkg" in response["Content-Disposition"]
    path = tmp_path / "downloaded.apkg"
    path.write_bytes(b"".join(response.streaming_content))
    collection = Collection(str(tmp_path / "dl.anki2"))
    try:
        import_apkg(collection, path)
        assert collection.note_count() == NOTES
    finally:
        collection.close()
    assert alice_client.get(reverse("document_deck", args=["nope"])).status_code == 404
    assert alice_client.post(url).status_code == 405
    assert url in alice_client.get(document.get_absolute_url()).content.decode()


def test_download_view_redirects_anonymous(document, client):
    response = client.get(reverse("document_deck", args=[SLUG]))
    assert response.status_code == 302
    assert "login" in response["Location"]
