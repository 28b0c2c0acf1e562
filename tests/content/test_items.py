"""content.items: the study items of a document, shared by the flashcards and the Anki decks
(their notes, from real documents, are checked in tests/flashcards/test_notes.py and
tests/quizzes/test_anki_export.py)."""

from content.items import cloze_item, cloze_spans
from content.models import Document, Fact, Passage, Sentence


def test_cloze_spans_hide_whole_numbers_and_words_and_longer_answers_win():
    assert cloze_spans("自1996年, 9省", ["9", "1996"]) == [(1, 5, "1996"), (8, 9, "9")]
    assert cloze_spans("Ninh Ba, Bao", ["Ba"]) == [(5, 7, "Ba")]
    assert cloze_spans("山东省和山东", ["山东", "山东省"]) == [(0, 3, "山东省"), (4, 6, "山东")]
    assert cloze_spans("没有", ["有了"]) == []


def test_an_enumeration_without_terms_hides_its_items_not_the_whole_clause(db):
    document = Document.objects.create(slug="enum", languages="zh,vi", source_text="…")
    zh, vi = (
        "援助形式多样，主要有：经济支援、教育支援和医疗支援。",
        ("Hình thức hỗ trợ đa dạng, chủ yếu có: hỗ trợ kinh tế, hỗ trợ giáo dục và hỗ trợ y tế."),
    )
    passage = Passage.objects.create(document=document, index=0, zh=zh, vi=vi)
    sentence = Sentence.objects.create(document=document, passage=passage, index=0, zh=zh, vi=vi)
    items = [
        ("经济支援", "hỗ trợ kinh tế"),
        ("教育支援", "hỗ trợ giáo dục"),
        ("医疗支援", "hỗ trợ y tế"),
    ]
    fact = Fact.objects.create(
        document=document,
        key="e1",
        kind="enumeration",
        passage=passage,
        sentence=sentence,
        zh=zh.rstrip("。"),
        vi=vi.rstrip("."),
        items=[{"zh": z, "vi": v} for z, v in items],
    )
    item = cloze_item(fact)
    assert item.text == zh and item.answers == ("经济支援", "教育支援", "医疗支援")
