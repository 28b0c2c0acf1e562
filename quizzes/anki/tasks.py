"""Background tasks, run by Django's tasks framework (the backend is settings.TASKS)."""

from django.tasks import task

from quizzes.anki import jobs


@task
def build_export(job_id: int) -> None:
    """Build an Anki export job's .apkg (quizzes.anki.jobs.run)."""
    jobs.run(job_id)
