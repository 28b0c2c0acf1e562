"""accounts.access: whose classes are whose, the querysets every class view goes through."""

from django.contrib.auth.models import AnonymousUser

from accounts import access
from accounts.models import Classroom, User


def _world(alice, bob, teacher):
    other = User.objects.create_user("tom", is_teacher=True)
    mine = Classroom.objects.create(name="A", teacher=teacher)
    mine.students.add(alice, bob)
    theirs = Classroom.objects.create(name="B", teacher=other)
    theirs.students.add(bob)
    return mine, theirs, other


def test_a_teacher_sees_the_classes_they_teach(alice, bob, teacher):
    mine, theirs, other = _world(alice, bob, teacher)
    assert list(access.classes_taught_by(teacher)) == [mine]
    assert list(access.classes_taught_by(other)) == [theirs]
    assert list(access.classes_taught_by(alice)) == []


def test_a_student_sees_the_classes_they_are_in(alice, bob, teacher):
    mine, theirs, _ = _world(alice, bob, teacher)
    assert list(access.classes_studied_by(alice)) == [mine]
    assert list(access.classes_studied_by(bob)) == [mine, theirs]
    assert list(access.classes_studied_by(teacher)) == []


def test_members_are_the_teacher_and_the_students_each_class_once(alice, bob, teacher):
    mine, theirs, other = _world(alice, bob, teacher)
    theirs.students.add(teacher)  # a teacher may join another's class as a student
    assert list(access.classes_of(teacher)) == [mine, theirs]
    assert list(access.classes_of(bob)) == [mine, theirs]
    assert list(access.classes_of(alice)) == [mine]
    assert list(access.classes_of(other)) == [theirs]


def test_a_visitor_sees_no_class(alice, bob, teacher):
    _world(alice, bob, teacher)
    visitor = AnonymousUser()
    assert not access.classes_taught_by(visitor).exists()
    assert not access.classes_studied_by(visitor).exists()
    assert not access.classes_of(visitor).exists()
