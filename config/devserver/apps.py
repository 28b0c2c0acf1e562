from django.apps import AppConfig


class DevServerConfig(AppConfig):
    """`manage.py runserver` (what `make run` serves) able to take a class at once."""

    name = "config.devserver"
    label = "devserver"
