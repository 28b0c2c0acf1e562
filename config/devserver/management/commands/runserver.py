"""`manage.py runserver` as `make run` starts it, for a class that starts at the same moment.

Django's development server listens with a queue of 10 connections: when 30 learners press
"start" together, the connections beyond it are reset. This command is WhiteNoise's runserver
(no static serving of its own) with a listen queue of 128; nothing else changes.
"""

from django.core.servers.basehttp import WSGIServer
from whitenoise.runserver_nostatic.management.commands.runserver import (
    Command as WhiteNoiseRunserver,
)


class ClassroomWSGIServer(WSGIServer):
    request_queue_size = 128


class Command(WhiteNoiseRunserver):
    server_cls = ClassroomWSGIServer
