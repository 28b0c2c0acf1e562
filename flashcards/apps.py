from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FlashcardsConfig(AppConfig):
    name = "flashcards"
    label = "flashcards"
    verbose_name = _("Flashcards")

    def ready(self) -> None:
        from flashcards import receivers  # noqa: F401  (connects the signal receivers)
