"""config.after_response: work deferred in a request runs once its response is closed, in the
same thread; outside a request it runs at once; a failure is logged, never raised."""

from django.core.signals import request_finished, request_started

from config.after_response import defer


def test_outside_a_request_the_work_runs_at_once():
    done = []
    defer(lambda: done.append(1))
    assert done == [1]


def test_in_a_request_the_work_waits_for_the_response_to_close():
    done = []
    request_started.send(sender=None)
    defer(lambda: done.append(1))
    assert done == []
    request_finished.send(sender=None)
    assert done == [1]
    defer(lambda: done.append(2))  # no request any more: at once
    assert done == [1, 2]


def test_a_failure_is_logged_and_the_rest_still_runs(caplog):
    done = []
    request_started.send(sender=None)
    defer(lambda: 1 / 0)
    defer(lambda: done.append(1))
    request_finished.send(sender=None)
    assert done == [1]
    assert "work after the response failed" in caplog.text
