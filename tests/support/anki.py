"""Helpers shared by the Anki tests: the shipped documents and importing into real Anki."""

from pathlib import Path

from anki.collection import Collection, ImportAnkiPackageRequest
from anki.import_export_pb2 import (
    IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
    ImportAnkiPackageOptions,
)
from django.core.management import call_command
from django.utils import timezone

from content.models import Document, Fact, Passage, Sentence, Term
from quizzes.anki import choice
from quizzes.models import Attempt, AttemptItem, Question, Quiz, QuizQuestion

SOURCE = Path("content/documents/000_09eee8d4159d2fdc.txt")
SECOND = Path("content/documents/001_dui_kou_zhi_yuan.txt")
SLUG = "000_09eee8d4159d2fdc"


def load(source: Path = SOURCE) -> Document:
    call_command("load_document", str(source))
    return Document.objects.get(slug=source.stem)


def publish_choices(document: Document) -> int:
    """Publish every choice question of the document (generation leaves them drafts)."""
    return Question.objects.filter(document=document, type__in=choice.TYPES).update(
        status=Question.Status.PUBLISHED
    )


def import_apkg(col: Collection, path: Path):
    options = ImportAnkiPackageOptions(
        update_notes=IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER, with_scheduling=False
    )
    return col.import_anki_package(
        ImportAnkiPackageRequest(package_path=str(path), options=options)
    )


def notes_after_import(path: Path, scratch: Path) -> int:
    """How many notes a fresh Anki collection holds after importing the .apkg at `path`."""
    col = Collection(str(scratch / f"{path.stem}.anki2"))
    try:
        import_apkg(col, path)
        return col.note_count()
    finally:
        col.close()


def tiny_document(slug: str = "tiny") -> Document:
    """A synthetic two-term document with one fact and one published question, written
    straight to the database: enough for every kind of note, without running the pipeline."""
    document = Document.objects.create(
        slug=slug,
        title_zh="山东与重庆",
        title_vi="Sơn Đông và Trùng Khánh",
        languages="zh,vi",
        source_text="…",
        content_hash=slug,
    )
    passage = Passage.objects.create(
        document=document, index=0, zh="山东省帮扶重庆市。", vi="Tỉnh Sơn Đông giúp Trùng Khánh."
    )
    sentence = Sentence.objects.create(
        document=document, passage=passage, index=0, zh=passage.zh, vi=passage.vi
    )
    shandong = Term.objects.create(
        document=document,
        key="place:shandong",
        kind="place",
        zh="山东省",
        vi="Sơn Đông",
        pinyin="Shāndōng Shěng",
        hanviet="Sơn Đông tỉnh",
    )
    Term.objects.create(
        document=document,
        key="place:chongqing",
        kind="place",
        zh="重庆市",
        vi="Trùng Khánh",
        pinyin="Chóngqìng Shì",
        hanviet="Trùng Khánh thị",
    )
    fact = Fact.objects.create(
        document=document,
        key="f1",
        kind="pairing",
        passage=passage,
        sentence=sentence,
        zh=sentence.zh,
        vi=sentence.vi,
    )
    fact.terms.add(shandong)
    question = Question.objects.create(
        document=document,
        fact=fact,
        key="f1:single_choice:vi",
        type="single_choice",
        language="vi",
        prompt="Tỉnh nào giúp Trùng Khánh?",
        answer="Sơn Đông",
        choices=["Phúc Kiến", "Sơn Đông"],
        source=sentence.vi,
        source_translation=sentence.zh,
        status=Question.Status.PUBLISHED,
        origin=Question.Origin.GENERATED,
    )
    # Its practice quiz: a practice question is one whose key every learner may see.
    practice = Quiz.objects.create(
        title=slug, document=document, status=Quiz.Status.PUBLISHED, order=Quiz.Order.RANDOM
    )
    QuizQuestion.objects.create(quiz=practice, question=question, position=1)
    return document


def finished_attempt(quiz: Quiz, user) -> Attempt:
    """`user` has finished an attempt at every question of `quiz` (all answered wrong: the
    results page has shown them every key)."""
    now = timezone.now()
    questions = [entry.question for entry in quiz.entries.select_related("question")]
    attempt = Attempt.objects.create(
        quiz=quiz,
        user=user,
        number=1,
        started_at=now,
        finished_at=now,
        score=0,
        max_score=len(questions),
    )
    AttemptItem.objects.bulk_create(
        AttemptItem(attempt=attempt, position=i, question=q, choices=q.choices, answered_at=now)
        for i, q in enumerate(questions, start=1)
    )
    return attempt
