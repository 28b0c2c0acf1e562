"""`manage.py generate_questions PATH --json`: the JSON shape, no database writes, clear errors."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from quizzes.generation import QUESTION_TYPES

SHIPPED = Path(__file__).resolve().parents[3] / "content" / "documents" / "000_09eee8d4159d2fdc.txt"
FIELDS = {"type", "language", "prompt", "answer", "choices", "source", "source_translation", "fact"}


def _run(*args) -> dict:
    out = io.StringIO()
    call_command("generate_questions", *args, stdout=out)
    return json.loads(out.getvalue())


def test_prints_every_question_as_json():
    questions = _run(str(SHIPPED), "--json")["questions"]
    assert len(questions) >= 80
    for q in questions:
        assert set(q) == FIELDS
        assert q["type"] in QUESTION_TYPES and q["language"] in ("zh", "vi")
        assert isinstance(q["choices"], list)
        if q["type"] in ("multiple_choice", "ordering", "matching"):
            assert isinstance(q["answer"], list)
        elif q["type"] == "true_false":
            assert isinstance(q["answer"], bool)
        else:
            assert isinstance(q["answer"], str)
        if q["type"] == "matching":
            assert all(isinstance(p, list) and len(p) == 2 for p in q["answer"])
    assert {q["type"] for q in questions} == set(QUESTION_TYPES)


def test_keeps_chinese_and_vietnamese_readable():
    out = io.StringIO()
    call_command("generate_questions", str(SHIPPED), "--json", stdout=out)
    assert "山东" in out.getvalue() and "Sơn Đông" in out.getvalue()


@pytest.mark.django_db
def test_writes_nothing_to_the_database():
    from django.apps import apps

    def counts():
        return {m._meta.label: m.objects.count() for m in apps.get_models()}

    before = counts()
    _run(str(SHIPPED), "--json")
    assert counts() == before


def test_missing_file_is_a_command_error(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("generate_questions", str(tmp_path / "nope.txt"), "--json")


def test_unreadable_document_is_a_command_error(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01 just bytes, no Chinese or Vietnamese")
    with pytest.raises(CommandError):
        call_command("generate_questions", str(bad), "--json")


def test_lists_every_dropped_candidate_with_its_reason():
    from quizzes.generation.plan import REASONS

    dropped = _run(str(SHIPPED), "--json")["dropped"]
    assert dropped
    for d in dropped:
        assert set(d) == {"reason", "language", "type", "sentence", "detail"}
        assert d["reason"] in REASONS
