"""Who may see and who may change which question of the bank.

- Documents and published questions are shared: every teacher may read them.
- A teacher's authored questions are theirs: only their author sees them before they are
  published, and only their author edits them.
- Generated questions belong to nobody. They are curated (reviewed, edited, published, retired)
  by the teacher who added their document (Document.created_by); for a document nobody added
  (the shipped ones, loaded by a command) by any teacher.
- Editing a generated question makes it the editor's own (see curation.save_question).
- Exams are their owner's: a question in another teacher's published or assigned quiz cannot
  change status (publish, retire, back to draft) in anyone else's hands. Editing a question
  that sits in another teacher's quiz, or that is not the editor's own, edits the editor's own
  copy (a new question, put in place of the original in the editor's quizzes); every other
  quiz keeps the original as it was.
- A quiz's owner may always open and repair the questions in their quiz, whoever wrote them
  (their edit is a copy when the question is not theirs or is shared with another quiz).

Anything a teacher may not read is a 404, as if it did not exist; so is editing something they
may only read. Every teaching view gets its objects through the querysets here, and its
documents through content.access: get_object_or_404(access.questions_openable_by(user), pk=pk).
"""

from django.db.models import Case, Exists, OuterRef, Q, QuerySet, Value, When

from accounts.access import classes_taught_by
from quizzes.access import curatable, quizzes_owned_by
from quizzes.models import Assignment, Question, Quiz, QuizQuestion


def in_own_quiz(user) -> Q:
    """The questions of the quizzes `user` owns."""
    return Q(pk__in=QuizQuestion.objects.filter(quiz__owner=user).values("question"))


def in_quiz_of_another(user, *, exams_only: bool = False) -> Q:
    """The questions in a quiz another teacher owns; `exams_only`: in one that is published or
    assigned to a class (practice quizzes, with no owner, are nobody's exam)."""
    quizzes = Quiz.objects.filter(owner__isnull=False).exclude(owner=user)
    if exams_only:
        assigned = Assignment.objects.filter(quiz=OuterRef("pk"))
        quizzes = quizzes.filter(Q(status=Quiz.Status.PUBLISHED) | Exists(assigned))
    return Q(pk__in=QuizQuestion.objects.filter(quiz__in=quizzes).values("question"))


def openable(user) -> Q:
    """The questions `user` may open in the editor and save: theirs to curate, and whatever is
    in their own quizzes. Saving one that is not theirs alone makes their copy (see
    must_copy)."""
    return curatable(user) | in_own_quiz(user)


def status_changeable(user) -> Q:
    """The questions `user` may publish, retire or return to draft: theirs to curate, unless
    they sit in another teacher's published or assigned quiz."""
    return curatable(user) & ~in_quiz_of_another(user, exams_only=True)


def visible(user) -> Q:
    """The questions `user` may read: what they may open, and whatever is published."""
    return openable(user) | Q(status=Question.Status.PUBLISHED)


def bank_for(user) -> QuerySet[Question]:
    """The bank as `user` sees it, each question annotated with `editable` (may open it in
    the editor) and `status_editable` (may publish or retire it)."""
    return (
        Question.objects.filter(visible(user))
        .annotate(
            editable=Case(When(openable(user), then=Value(True)), default=Value(False)),
            status_editable=Case(
                When(status_changeable(user), then=Value(True)), default=Value(False)
            ),
        )
        .select_related("document", "fact__passage", "fact__sentence", "author")
    )


def editable_by(user) -> QuerySet[Question]:
    """The questions whose status `user` may change (bulk actions included)."""
    return Question.objects.filter(status_changeable(user))


def must_copy(question: Question, user) -> bool:
    """Whether saving `user`'s edit of `question` must go to a copy: the question is in another
    teacher's quiz, or is not theirs to curate (a question of their quiz someone else wrote)."""
    if question.pk is None:
        return False
    theirs = Question.objects.filter(curatable(user) & ~in_quiz_of_another(user), pk=question.pk)
    return not theirs.exists()


def questions_openable_by(user) -> QuerySet[Question]:
    """The questions `user` may open in the editor and save (see openable), with what the
    editor shows of their source."""
    return Question.objects.filter(openable(user)).select_related(
        "document", "fact__passage", "fact__sentence"
    )


def quizzes_built_by(user) -> QuerySet[Quiz]:
    """The quizzes `user` builds and reads the statistics of (quizzes.access.quizzes_owned_by),
    with their document. Another teacher's quiz or a practice quiz is a 404."""
    return quizzes_owned_by(user).select_related("document")


def assignments_given_by(user) -> QuerySet[Assignment]:
    """The assignments to the classes `user` teaches: theirs to take back."""
    return Assignment.objects.select_related("quiz", "classroom").filter(
        classroom__in=classes_taught_by(user)
    )
