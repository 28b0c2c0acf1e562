"""A synthetic two-paragraph document with three facts, a quiz over them, and a way to record
finished attempts with chosen scores, so every figure can be worked out by hand."""

from datetime import UTC, datetime, time

import pytest

from content.models import Document, Fact, Passage
from flashcards.models import Card, LearnerCard, Note, Rating, ReviewLog, State
from quizzes.models import Attempt, AttemptItem, Question, Quiz, QuizQuestion


@pytest.fixture
def studied(db):
    """Paragraph 1 holds facts f1 and f2, paragraph 2 holds f3. Questions, in quiz order:
    q1a (f1, vi), q1b (f1, zh), q2 (f2), q3 (f3)."""
    document = Document.objects.create(
        slug="tien-do", title_vi="Tiến độ", title_zh="进度", languages="zh,vi", source_text="…"
    )
    p1 = Passage.objects.create(document=document, index=0, zh="第一段。", vi="Đoạn một.")
    p2 = Passage.objects.create(document=document, index=1, zh="第二段。", vi="Đoạn hai.")
    facts = {
        "f1": Fact.objects.create(
            document=document, key="f1", kind="event", passage=p1, vi="Sự kiện một", zh="事件一"
        ),
        "f2": Fact.objects.create(
            document=document, key="f2", kind="event", passage=p1, vi="Sự kiện hai", zh="事件二"
        ),
        "f3": Fact.objects.create(
            document=document, key="f3", kind="event", passage=p2, vi="", zh="事件三"
        ),
    }
    questions = {}
    for key, fact, language in [
        ("q1a", "f1", "vi"),
        ("q1b", "f1", "zh"),
        ("q2", "f2", "vi"),
        ("q3", "f3", "vi"),
    ]:
        questions[key] = Question.objects.create(
            document=document,
            fact=facts[fact],
            key=key,
            type="cloze",
            language=language,
            prompt=f"Prompt {key}",
            answer="x",
            status=Question.Status.PUBLISHED,
        )
    quiz = Quiz.objects.create(title="Ôn tập", document=document, status=Quiz.Status.PUBLISHED)
    for position, question in enumerate(questions.values(), start=1):
        QuizQuestion.objects.create(quiz=quiz, question=question, position=position)
    return {
        "document": document,
        "passages": [p1, p2],
        "facts": facts,
        "questions": questions,
        "quiz": quiz,
    }


@pytest.fixture
def record_attempt(studied):
    """record_attempt(user, [score or None per question], when) -> a finished Attempt; None
    leaves the question unanswered."""

    def record(user, scores, when=datetime(2026, 3, 10, 9, tzinfo=UTC), quiz=None) -> Attempt:
        quiz = quiz or studied["quiz"]
        entries = list(quiz.entries.select_related("question").order_by("position"))
        number = Attempt.objects.filter(user=user, quiz=quiz).count() + 1
        attempt = Attempt.objects.create(
            quiz=quiz,
            user=user,
            number=number,
            started_at=when,
            finished_at=when,
            score=sum(s for s in scores if s is not None),
            max_score=len(entries),
        )
        for entry, score in zip(entries, scores, strict=True):
            AttemptItem.objects.create(
                attempt=attempt,
                position=entry.position,
                question=entry.question,
                response="x" if score is not None else None,
                score=score,
                correct=score == 1,
                answered_at=when if score is not None else None,
            )
        return attempt

    return record


@pytest.fixture
def make_card(studied):
    """make_card(user, due, state=REVIEW, fact="f1", **fields) -> a LearnerCard on a cloze card
    of its own for that fact of the studied document."""
    counter = iter(range(1, 10_000))

    def make(user, due, state=State.REVIEW, fact="f1", active=True, **fields) -> LearnerCard:
        n = next(counter)
        note = Note.objects.create(
            document=studied["document"], kind=Note.Kind.CLOZE, key=f"note-{n}", position=n
        )
        note.facts.add(studied["facts"][fact])
        card = Card.objects.create(note=note, template=Card.Template.CLOZE, is_active=active)
        return LearnerCard.objects.create(
            user=user,
            card=card,
            note=note,
            document=studied["document"],
            due=due,
            state=state,
            **fields,
        )

    return make


@pytest.fixture
def log_review(make_card):
    """log_review(user, review_day, rating=GOOD, first=True, before=REVIEW, card=None,
    last_interval=0) -> a ReviewLog row with the figures that matter chosen, the rest filler
    (last_interval: the days the card's previous rating gave it)."""

    def log(
        user,
        review_day,
        rating=Rating.GOOD,
        first=True,
        before=State.REVIEW,
        card=None,
        last_interval=0,
    ):
        when = datetime.combine(review_day, time(5), tzinfo=UTC)
        card = card or make_card(user, when, state=State.NEW)  # not due: the forecast ignores it
        return ReviewLog.objects.create(
            user=user,
            learner_card=card,
            rating=rating,
            reviewed_at=when,
            review_day=review_day,
            first_of_day=first,
            state=State.REVIEW,
            stability=3.0,
            difficulty=5.0,
            due=when,
            version=2,
            state_before=before,
            due_before=when,
            last_interval=last_interval,
        )

    return log
