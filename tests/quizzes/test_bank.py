"""The stored question bank follows its document: updated, added, retired, never duplicated."""

from pathlib import Path

import pytest
from django.core.management import call_command

from content.models import Document
from quizzes.models import Question

SHIPPED = Path(__file__).resolve().parents[2] / "content" / "documents" / "000_09eee8d4159d2fdc.txt"


@pytest.fixture
def loaded(db):
    call_command("load_document", str(SHIPPED))
    return Document.objects.get()


def test_loading_a_document_stores_its_generated_questions_as_drafts_linked_to_facts(loaded):
    questions = Question.objects.filter(document=loaded)
    assert questions.count() >= 80
    assert set(questions.values_list("origin", flat=True)) == {Question.Origin.GENERATED}
    assert set(questions.values_list("status", flat=True)) == {Question.Status.DRAFT}
    assert not questions.filter(fact=None).exists()
    assert set(questions.values_list("language", flat=True)) == {"zh", "vi"}
    assert set(questions.values_list("type", flat=True)) == set(Question.Type.values)


def test_loading_the_same_document_again_duplicates_nothing(loaded):
    ids = set(Question.objects.values_list("id", flat=True))
    call_command("load_document", str(SHIPPED))
    assert set(Question.objects.values_list("id", flat=True)) == ids


def test_an_edit_updates_adds_and_retires_without_duplicating_and_keeps_status(loaded, tmp_path):
    published = Question.objects.filter(language="vi").exclude(source__contains="2010").first()
    published.status = Question.Status.PUBLISHED
    published.save(update_fields=["status"])
    before = {q.key: q for q in Question.objects.all()}

    text = SHIPPED.read_text(encoding="utf-8")
    edited = text.replace("năm 2010", "năm 2011").replace("2010年", "2011年")
    path = tmp_path / SHIPPED.name
    path.write_text(edited, encoding="utf-8")
    call_command("load_document", str(path))

    after = {q.key: q for q in Question.objects.all()}
    assert set(after) > set(before), "new questions were added and none deleted"
    assert len(after) == Question.objects.count(), "keys stay unique"
    retired = [after[k] for k in before if after[k].status == Question.Status.RETIRED]
    assert retired, "questions on the vanished version of the fact are retired"
    # Retired: the questions on the fact whose text changed (now inactive), and the chronology
    # questions that ordered the old year.
    assert all(
        (q.fact is not None and not q.fact.is_active) or q.type == Question.Type.ORDERING
        for q in retired
    )
    assert any("2010" in q.source + q.source_translation for q in retired)
    live = Question.objects.exclude(status=Question.Status.RETIRED)
    assert not any("2010" in q.source + q.prompt for q in live)
    assert any("2011" in q.source for q in live)
    # Unchanged questions keep their rows (so learners' answers stay attached) and their status.
    unchanged = [k for k in before if after[k].status != Question.Status.RETIRED]
    assert unchanged and all(before[k].pk == after[k].pk for k in unchanged)
    assert after[published.key].status == Question.Status.PUBLISHED
