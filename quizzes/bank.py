"""Keep a document's generated questions in step with its text.

Regenerating after an edit updates changed questions in place (so learners' answers stay attached),
adds new ones as drafts, retires those whose key vanished, and never duplicates: the generator's
key (fact + type + language + target) identifies a question across runs. Teachers' choices survive:
a published question stays published when its wording is refreshed, and a retired one stays retired.
A generated question a teacher edited is theirs: regeneration leaves it alone.
"""

from dataclasses import dataclass

from content.lang.model import Analysis
from content.models import Document, Fact
from quizzes.generation import generate
from quizzes.generation.model import GeneratedQuestion
from quizzes.models import Question

CONTENT_FIELDS = [
    "variant",
    "type",
    "language",
    "prompt",
    "answer",
    "choices",
    "source",
    "source_translation",
]


@dataclass
class SyncResult:
    added: int = 0
    updated: int = 0
    retired: int = 0
    unchanged: int = 0


def _values(generated: GeneratedQuestion) -> dict:
    return {
        "variant": generated.variant,
        "type": generated.type,
        "language": generated.language,
        "prompt": generated.prompt,
        "answer": generated.answer,
        "choices": generated.choices,
        "source": generated.source,
        "source_translation": generated.source_translation or "",
    }


def sync_generated_questions(
    document: Document, analysis: Analysis, generated: list[GeneratedQuestion] | None = None
) -> SyncResult:
    """Align the document's generated questions with `analysis` (or with `generated`, the
    questions already generated from it). Call inside a transaction."""
    result = SyncResult()
    facts = {f.key: f for f in Fact.objects.filter(document=document).only("id", "key")}
    # Keyed questions of any origin: a generated question a teacher edited became theirs
    # ("authored") but keeps its key, so it is neither overwritten nor added again.
    existing = {q.key: q for q in Question.objects.filter(document=document).exclude(key="")}
    fresh = {g.key: g for g in (generate(analysis) if generated is None else generated)}
    to_create, to_update = [], []
    for key, generated in fresh.items():
        values = _values(generated)
        fact = facts.get(generated.fact)
        question = existing.get(key)
        if question is None:
            to_create.append(
                Question(
                    document=document,
                    fact=fact,
                    key=key,
                    origin=Question.Origin.GENERATED,
                    status=Question.Status.DRAFT,
                    **values,
                )
            )
            continue
        if question.origin == Question.Origin.AUTHORED:
            result.unchanged += 1
            continue
        changed = any(getattr(question, f) != v for f, v in values.items())
        if changed or question.fact_id != (fact.pk if fact else None):
            for field, value in values.items():
                setattr(question, field, value)
            question.fact = fact
            to_update.append(question)
            result.updated += 1
        else:
            result.unchanged += 1
    vanished = [
        q
        for key, q in existing.items()
        if key not in fresh
        and q.status != Question.Status.RETIRED
        and q.origin == Question.Origin.GENERATED
    ]
    for question in vanished:
        question.status = Question.Status.RETIRED
    Question.objects.bulk_create(to_create)
    Question.objects.bulk_update(to_update, [*CONTENT_FIELDS, "fact"])
    Question.objects.bulk_update(vanished, ["status"])
    result.added = len(to_create)
    result.retired = len(vanished)
    return result
