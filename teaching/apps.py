from django.apps import AppConfig


class TeachingConfig(AppConfig):
    """The teacher's area. It has no models of its own: it works on the quizzes app's."""

    name = "teaching"
    label = "teaching"

    def ready(self) -> None:
        from teaching import receivers  # noqa: F401  (connects the signal receivers)
