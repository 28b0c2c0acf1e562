"""The Anki app's background tasks, run by Django's tasks framework (the backend is
settings.TASKS; `manage.py worker` runs them). Thin: each runs a function of quizzes.anki.

A queued task is stored by its dotted path (quizzes.anki.tasks.build_export): renaming or moving
one strands the tasks already waiting in the database queue.
"""

from django.tasks import task

from quizzes.anki import building


@task
def build_export(job_id: int) -> None:
    """Build an Anki export job's .apkg (quizzes.anki.building.run)."""
    building.run(job_id)
