"""The generated questions and flashcards of both shipped documents, compared with saved JSON.

A restructuring (issue 15) must not change what a learner is asked or shown: this test loads
each shipped document the way `make run` does, and compares every generated question (type,
language, prompt, answer, choices, both source sentences, feedback) and every flashcard note and
card face with the JSON saved in tests/snapshots/. A deliberate change to generation or to cards
is saved again with `DONGXI_UPDATE_SNAPSHOTS=1 pytest tests/test_shipped_snapshot.py`, and the
diff of the JSON shows what learners will see differently.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import pytest

from content.loading import load_path
from flashcards.models import Card, Note
from flashcards.notes import card_face
from quizzes.models import Question

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = sorted((ROOT / "content" / "documents").glob("*.txt"))
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"

QUESTION_FIELDS = (
    "key",
    "variant",
    "type",
    "language",
    "prompt",
    "answer",
    "choices",
    "source",
    "source_translation",
    "title",
    "tags",
    "feedback",
    "weights",
    "subset",
    "html",
    "status",
    "origin",
)


def snapshot(document) -> dict:
    questions = [
        {"fact": q.fact.key if q.fact else None, **{f: getattr(q, f) for f in QUESTION_FIELDS}}
        for q in Question.objects.filter(document=document).select_related("fact").order_by("key")
    ]
    notes = [
        {
            "key": note.key,
            "kind": note.kind,
            "position": note.position,
            "fields": note.fields,
            "facts": sorted(note.facts.values_list("key", flat=True)),
        }
        for note in Note.objects.filter(document=document, is_active=True).order_by("position")
    ]
    cards = [
        {
            "note": card.note.key,
            "template": card.template,
            "ordinal": card.ordinal,
            "face": dataclasses.asdict(card_face(card)),
        }
        for card in Card.objects.filter(note__document=document, is_active=True)
        .select_related("note")
        .order_by("note__position", "template", "ordinal")
    ]
    return {"questions": questions, "notes": notes, "cards": cards}


@pytest.mark.django_db
@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.stem for p in DOCUMENTS])
def test_generated_questions_and_cards_match_the_saved_snapshot(path):
    result = load_path(path)
    got = json.loads(json.dumps(snapshot(result.document), ensure_ascii=False, sort_keys=True))
    saved = SNAPSHOTS / f"{path.stem}.json"
    if os.environ.get("DONGXI_UPDATE_SNAPSHOTS"):
        saved.write_text(
            json.dumps(got, ensure_ascii=False, sort_keys=True, indent=1) + "\n", encoding="utf-8"
        )
    assert saved.exists(), f"no saved snapshot: run with DONGXI_UPDATE_SNAPSHOTS=1 to save {saved}"
    want = json.loads(saved.read_text(encoding="utf-8"))
    assert len(got["questions"]) == len(want["questions"])
    assert len(got["cards"]) == len(want["cards"])
    assert got == want
