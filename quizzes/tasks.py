"""Background tasks, run by Django's tasks framework (the backend is settings.TASKS)."""

from django.tasks import task

from quizzes.anki import jobs


@task
def build_export(job_id: int) -> None:
    """Build an Anki export job's .apkg (quizzes.anki.jobs.run)."""
    jobs.run(job_id)


@task
def send_facts_missed(user_id: int, fact_ids: list[int]) -> None:
    """Tell the listeners that a learner missed these facts (the flashcards bring their cards
    forward). quizzes.taking enqueues it once a wrong answer is committed, so that the cards'
    update runs after the response, never among the answer's queries."""
    from quizzes import taking

    taking.send_facts_missed(user_id, fact_ids)
