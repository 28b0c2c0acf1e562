"""Who may see and who may change which question of the bank.

- Documents and published questions are shared: every teacher may read them.
- A teacher's authored questions are theirs: only their author sees them before they are
  published, and only their author edits them.
- Generated questions belong to nobody. They are curated (reviewed, edited, published, retired)
  by the teacher who added their document (Document.created_by); for a document nobody added
  (the shipped ones, loaded by a command) by any teacher.
- Editing a generated question makes it the editor's own (see curation.save_question).

Anything a teacher may not read is a 404, as if it did not exist; so is editing something they
may only read.
"""

from django.db.models import Case, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404

from quizzes.models import Assignment, Question, Quiz


def curatable(user) -> Q:
    """The questions `user` may change."""
    generated = Q(origin=Question.Origin.GENERATED) & (
        Q(document__created_by=user) | Q(document__created_by__isnull=True)
    )
    return Q(origin=Question.Origin.AUTHORED, author=user) | generated


def visible(user) -> Q:
    """The questions `user` may read: what they may change, and whatever is published."""
    return curatable(user) | Q(status=Question.Status.PUBLISHED)


def bank_for(user) -> QuerySet[Question]:
    """The bank as `user` sees it, each question annotated with `editable`."""
    return (
        Question.objects.filter(visible(user))
        .annotate(editable=Case(When(curatable(user), then=Value(True)), default=Value(False)))
        .select_related("document", "fact__passage", "fact__sentence", "author")
    )


def editable_by(user) -> QuerySet[Question]:
    return Question.objects.filter(curatable(user))


def get_question_for_editor(user, pk: int) -> Question:
    """The question `pk` if `user` may change it; 404 otherwise."""
    return get_object_or_404(
        editable_by(user).select_related("document", "fact__passage", "fact__sentence"), pk=pk
    )


def get_quiz_for_owner(user, pk: int) -> Quiz:
    """The quiz `pk` if `user` owns it; 404 otherwise (another teacher's quiz, a practice quiz).
    Quizzes are not shared: only their owner builds them and reads their statistics."""
    return get_object_or_404(Quiz.objects.select_related("document"), pk=pk, owner=user)


def get_assignment_for_teacher(user, pk: int) -> Assignment:
    """An assignment to one of `user`'s classes; 404 otherwise."""
    return get_object_or_404(
        Assignment.objects.select_related("quiz", "classroom"), pk=pk, classroom__teacher=user
    )
