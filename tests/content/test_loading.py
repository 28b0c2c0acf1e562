"""Storing documents: loading is idempotent, edits keep unchanged facts, bad input saves nothing."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from content.models import Document, Fact, Term

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "content" / "documents" / "000_09eee8d4159d2fdc.txt"


@pytest.fixture
def shipped(db):
    call_command("load_document", str(SHIPPED))
    return Document.objects.get()


def test_load_document_stores_the_text_verbatim_with_its_structure(shipped):
    assert shipped.source_text == SHIPPED.read_text(encoding="utf-8")
    assert shipped.languages == "zh,vi"
    assert shipped.title_zh == "东西部扶贫协作"
    assert shipped.published.isoformat() == "2021-01-14"
    assert shipped.passages.count() == 6
    assert all(p.zh and p.vi for p in shipped.passages.all())
    assert shipped.sentences.exclude(zh="").exclude(vi="").count() == shipped.sentences.count()
    assert Term.objects.filter(document=shipped, zh="山东", vi="Sơn Đông").exists()
    assert shipped.facts.exists()


def test_loading_the_same_file_again_changes_nothing(shipped, capsys):
    facts = dict(Fact.objects.values_list("key", "id"))
    updated_at = shipped.updated_at
    call_command("load_document", str(SHIPPED))
    assert "unchanged" in capsys.readouterr().out
    assert Document.objects.count() == 1
    assert dict(Fact.objects.values_list("key", "id")) == facts
    shipped.refresh_from_db()
    assert shipped.updated_at == updated_at


def test_an_edited_file_updates_the_document_and_keeps_unchanged_facts(shipped, tmp_path):
    text = SHIPPED.read_text(encoding="utf-8")
    before = dict(Fact.objects.values_list("key", "id"))
    # Change one year in both languages in the third model's example (the last body paragraphs
    # keep their wording).
    edited = text.replace("năm 2010", "năm 2011").replace("2010年", "2011年")
    assert edited != text
    path = tmp_path / SHIPPED.name
    path.write_text(edited, encoding="utf-8")
    call_command("load_document", str(path))
    assert Document.objects.count() == 1
    after = dict(Fact.objects.filter(is_active=True).values_list("key", "id"))
    kept = set(before) & set(after)
    assert kept, "facts untouched by the edit keep their rows"
    assert all(before[k] == after[k] for k in kept)
    assert set(before) - set(after), "the edited fact is replaced"
    assert Fact.objects.filter(is_active=False).exists(), "the old version is kept, inactive"


def test_a_directory_loads_every_document_in_it(db):
    call_command("load_document", str(ROOT / "content" / "documents"))
    assert Document.objects.count() == len(list((ROOT / "content" / "documents").glob("*.txt")))


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary\x00data", "binary"),
        (b"\xff\xfe\xfa\xfb" * 10 + b"\x81\x30", "UTF-8"),
    ],
)
def test_bad_files_fail_with_a_message_and_save_nothing(db, tmp_path, settings, data, message):
    settings.LANGUAGE_CODE = "en"
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(CommandError):
        call_command("load_document", str(path))
    assert not Document.objects.exists()


def test_a_missing_path_is_a_clear_error(db):
    with pytest.raises(CommandError, match="no such file"):
        call_command("load_document", "/nonexistent/doc.txt")


NUMBERS = """还剑湖

每年约有200万游客来到这里，面积约12公顷。

Hồ Hoàn Kiếm

Mỗi năm có khoảng 3 triệu du khách đến đây, diện tích khoảng 12 ha.
"""


def test_a_number_term_and_an_unpaired_number_are_stored_with_their_values(db, tmp_path):
    path = tmp_path / "lake.txt"
    path.write_text(NUMBERS, encoding="utf-8")
    call_command("load_document", str(path))
    document = Document.objects.get()
    assert Term.objects.filter(document=document, key="number:12:ha", value=12).exists()
    stored = [p for p in document.problems if p["code"] == "unpaired_number"]
    assert {(p["params"]["number"], p["params"]["value"]) for p in stored} == {
        ("200万", 2_000_000),
        ("3 triệu", 3_000_000),
    }
