"""config.after_response: work deferred in a request runs once its response is closed, in the
same thread; outside a request it runs at once; a failure is logged, never raised."""

from unittest import mock

import pytest
from django.core.signals import request_finished, request_started

from config import after_response
from config.after_response import defer


@pytest.fixture(autouse=True)
def _no_database():
    # Closing connections after the work is the server's business, not these tests'.
    with mock.patch.object(after_response, "close_old_connections"):
        yield


def test_outside_a_request_the_work_runs_at_once():
    done = []
    defer(lambda: done.append(1))
    assert done == [1]


def test_in_a_request_the_work_waits_for_the_response_to_close():
    done = []
    after_response._begin()  # what request_started calls
    defer(lambda: done.append(1))
    assert done == []
    after_response._run_pending()  # what request_finished calls
    assert done == [1]
    defer(lambda: done.append(2))  # no request any more: at once
    assert done == [1, 2]


def test_a_failure_is_logged_and_the_rest_still_runs(caplog):
    done = []
    after_response._begin()  # what request_started calls
    defer(lambda: 1 / 0)
    defer(lambda: done.append(1))
    after_response._run_pending()  # what request_finished calls
    assert done == [1]
    assert "work after the response failed" in caplog.text


def test_it_listens_to_the_request_signals():
    assert any(entry[1]() is after_response._begin for entry in request_started.receivers)
    assert any(entry[1]() is after_response._run_pending for entry in request_finished.receivers)


def test_the_work_runs_before_django_closes_the_connections():
    # On the request's connection: not one opened again for it and closed once more.
    from django.db import close_old_connections

    receivers = [entry[1]() for entry in request_finished.receivers]
    assert receivers.index(after_response._run_pending) < receivers.index(close_old_connections)
