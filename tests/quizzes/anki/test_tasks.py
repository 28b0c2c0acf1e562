"""quizzes.anki.tasks: the task a worker runs for an export job."""

from quizzes.anki import building, tasks


def test_the_queued_path_of_the_export_task_is_pinned():
    # The database queue stores a task by this dotted path: moving the task strands the tasks
    # already waiting, so a move must be deliberate (and keep an alias at the old path).
    assert tasks.build_export.module_path == "quizzes.anki.tasks.build_export"


def test_the_task_runs_the_build(monkeypatch):
    built = []
    monkeypatch.setattr(building, "run", built.append)
    tasks.build_export.call(7)
    assert built == [7]
