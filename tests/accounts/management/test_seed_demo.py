"""`make run`'s demo accounts: created once, idempotent, only with DEBUG on."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from accounts.models import Classroom, User


def test_seed_demo_creates_a_teacher_a_student_and_a_class_joining_them(db, settings, capsys):
    settings.DEBUG = True
    settings.DEMO_PASSWORD = "demo pass 123"
    call_command("seed_demo")
    teacher = User.objects.get(username="teacher")
    student = User.objects.get(username="student")
    assert teacher.is_teacher and not student.is_teacher
    assert student.check_password("demo pass 123")
    classroom = Classroom.objects.get(teacher=teacher)
    assert list(classroom.students.all()) == [student]


def test_seed_demo_generates_and_prints_passwords_that_work(db, settings, capsys):
    settings.DEBUG = True
    settings.DEMO_PASSWORD = None
    call_command("seed_demo")
    out = capsys.readouterr().out
    password = out.split("'student', password: ")[1].split()[0]
    assert User.objects.get(username="student").check_password(password)


def test_a_second_seed_demo_changes_nothing(db, settings, capsys):
    settings.DEBUG = True
    settings.DEMO_PASSWORD = None
    call_command("seed_demo")
    before = {u.username: u.password for u in User.objects.all()}
    call_command("seed_demo")
    assert {u.username: u.password for u in User.objects.all()} == before
    assert Classroom.objects.count() == 1


def test_seed_demo_refuses_without_debug(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("seed_demo")
    assert not User.objects.exists()
