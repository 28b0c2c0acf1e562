"""`manage.py createteacher USERNAME`: grants the role, creating the account if need be."""

from django.core.management import call_command

from accounts.models import User


def test_createteacher_grants_the_role_to_an_existing_user(alice):
    call_command("createteacher", "alice")
    alice.refresh_from_db()
    assert alice.is_teacher


def test_createteacher_creates_a_missing_account(db, capsys):
    call_command("createteacher", "mai", "--password", "a long Pass-phrase 42")
    mai = User.objects.get(username="mai")
    assert mai.is_teacher and mai.check_password("a long Pass-phrase 42")
