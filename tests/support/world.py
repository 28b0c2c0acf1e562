"""One small world with an owner for everything, to fill the URL kwargs of every view: a
document teacher A added, a published quiz of teacher A assigned to teacher A's class (student A
is in it, student B is not), student A's attempt at it (open) and at a second quiz of teacher A
(finished), student A's flashcards of the document and student A's Anki export.
tests/test_permission_matrix.py requests each URL as each role."""

from __future__ import annotations

from dataclasses import dataclass

from accounts.models import Classroom, TeacherInvite, User
from content.models import Document
from flashcards import services as flashcards
from quizzes.models import Assignment, Attempt, ExportJob, Question, Quiz
from quizzes.taking import finish_attempt, start_attempt

PASSWORD = "correct horse battery staple"

ROLES = ("visitor", "student", "other_student", "owner", "other_teacher")


@dataclass
class World:
    users: dict[str, User | None]  # role -> user (None for the visitor)
    document: Document
    quiz: Quiz
    question: Question
    classroom: Classroom
    assignment: Assignment
    attempt: Attempt  # open
    finished_attempt: Attempt
    job: ExportJob
    invite: TeacherInvite  # teacher A's open invitation of a colleague


def build_world(make_quiz) -> World:
    """The world; `make_quiz` is the fixture of tests/support/quiz_fixtures.py."""
    student = User.objects.create_user("alice", password=PASSWORD)
    other_student = User.objects.create_user("bob", password=PASSWORD)
    owner = User.objects.create_user("tess", password=PASSWORD, is_teacher=True)
    other_teacher = User.objects.create_user("tom", password=PASSWORD, is_teacher=True)
    quiz = make_quiz([("cloze", "vi"), ("true_false", "vi")], owner=owner)
    document = quiz.document
    document.created_by = owner
    document.save(update_fields=["created_by"])
    classroom = Classroom.objects.create(name="A", teacher=owner)
    classroom.students.add(student)
    assignment = Assignment.objects.create(classroom=classroom, quiz=quiz)
    attempt = start_attempt(quiz, student)
    second = make_quiz([("cloze", "vi")], owner=owner, title="Second")
    Assignment.objects.create(classroom=classroom, quiz=second)
    finished = start_attempt(second, student)
    finish_attempt(finished)
    flashcards.start_studying(student, document)
    job = ExportJob.objects.create(
        user=student,
        kind=ExportJob.Kind.DOCUMENT,
        target=document.slug,
        filename=f"{document.slug}.apkg",
    )
    invite = TeacherInvite.objects.create(created_by=owner)
    return World(
        users={
            "visitor": None,
            "student": student,
            "other_student": other_student,
            "owner": owner,
            "other_teacher": other_teacher,
        },
        document=document,
        quiz=quiz,
        question=quiz.entries.order_by("position").first().question,
        classroom=classroom,
        assignment=assignment,
        attempt=attempt,
        finished_attempt=finished,
        job=job,
        invite=invite,
    )
