from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    name = "quizzes"
    verbose_name = _("Quizzes and flashcards")

    def ready(self) -> None:
        from config import after_response  # noqa: F401  (connects its request signals)
        from quizzes import receivers  # noqa: F401  (connects the signal receivers)
