"""content.templatetags.ruby: a card's characters and their syllables grouped into words, so
pinyin sits over each word (issue 16: ruby that reads on a phone)."""

from content.templatetags.ruby import Word, join_syllables, ruby_words
from flashcards.notes import char_pinyin, line


def _words(text, marks=(), blanks=()):
    return ruby_words(line("zh", text, char_pinyin(text), marks=marks, blanks=blanks).segments)


def test_a_words_syllables_are_written_together_over_it():
    words = _words("我们学习汉语。")
    assert [(w.text, w.ruby) for w in words] == [
        ("我们", "wǒmen"),
        ("学习", "xuéxí"),
        ("汉语", "hànyǔ"),
        ("。", ""),
    ]


def test_a_syllable_starting_with_a_vowel_takes_an_apostrophe():
    assert join_syllables(["xī", "ān"]) == "xī'ān"
    assert join_syllables(["Tiān", "ān", "mén"]) == "Tiān'ānmén"
    assert join_syllables(["hàn", "yǔ"]) == "hànyǔ"


def test_a_line_that_is_all_han_is_one_word():
    """A card's term: its characters stay together under its whole reading."""
    assert _words("还剑湖") == [Word("还剑湖", join_syllables(char_pinyin("还剑湖")))]


def test_a_marked_term_is_one_word_and_blanks_and_plain_text_keep_their_place():
    text = "2008年汶川地震发生后，四川省受灾。"
    start = text.index("四川省")
    words = _words(text, marks=[(start, start + 3)])
    assert "".join(w.text for w in words) == text
    marked = [w for w in words if w.mark]
    assert [(w.text, w.ruby) for w in marked] == [("四川省", "sìchuānshěng")]
    assert [w.text for w in words if not w.ruby] == ["2008", "，", "。"]
    blank = _words(text, blanks=[(start, start + 3)])
    assert [w.text for w in blank if w.blank] == ["[…]"]
    assert "四川省" not in "".join(w.text for w in blank)


def test_a_line_without_readings_is_left_as_it_is():
    segments = line("vi", "Hồ Gươm").segments
    assert [w.text for w in ruby_words(segments)] == ["Hồ Gươm"]
