"""teaching.search: accent-insensitive patterns for the bank's text search."""

import re

from teaching.search import fold, pattern


def test_fold_drops_tones_marks_and_case():
    assert fold("Tây Tạng") == "tay tang" and fold("Đồng Nai") == "dong nai"


def test_a_bare_query_finds_every_accented_form():
    regex = re.compile(pattern("Tay Tang"))
    assert regex.search("Khu tự trị Tây Tạng") and regex.search("TÂY TẠNG")
    assert not regex.search("Tây Tương")


def test_special_characters_are_literal():
    assert re.compile(pattern("a.b (c)")).search("a.b (c)")
    assert not re.compile(pattern("a.b")).search("axb")
