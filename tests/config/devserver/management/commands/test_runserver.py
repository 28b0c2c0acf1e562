"""`make run`'s server takes a class that starts together: 30 learners connecting at the same
moment were reset beyond Django's listen queue of 10 (bench/bench_concurrency.py)."""

from django.core.management import get_commands, load_command_class
from whitenoise.runserver_nostatic.management.commands.runserver import (
    Command as WhiteNoiseRunserver,
)


def test_runserver_listens_with_room_for_a_class_and_keeps_whitenoise():
    command = load_command_class(get_commands()["runserver"], "runserver")
    assert isinstance(command, WhiteNoiseRunserver)
    assert command.server_cls.request_queue_size >= 64
