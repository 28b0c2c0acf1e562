"""Work a request leaves for after its response: run in the same thread once the server has
sent the response and closed it (Django's request_finished), so the learner does not wait for
it and it adds no concurrency (no other thread competing for SQLite's write lock). Outside a
request (a management command, a test calling the domain directly) it runs at once.

It runs before Django closes the request's database connections (its own request_finished
receiver, moved after this one), on the request's connection: a connection opened and closed
again for it would cost more than the work (with SQLite the close checkpoints the WAL).

    from config.after_response import defer
    transaction.on_commit(lambda: defer(work))

Not durable: work pending when the process dies is lost, so use it only for what may be lost
(the missed facts' cards: the results page offers to bring them forward again).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.dispatch import receiver

logger = logging.getLogger(__name__)
_state = threading.local()


def defer(work: Callable[[], object]) -> None:
    """Run `work` after this thread's response is sent, or now when not serving a request."""
    pending = getattr(_state, "pending", None)
    if pending is None:
        work()
    else:
        pending.append(work)


@receiver(request_started)
def _begin(**kwargs) -> None:
    _state.pending = []


def _run_pending(**kwargs) -> None:
    pending, _state.pending = getattr(_state, "pending", None) or [], None
    if pending and connection.errors_occurred and not connection.in_atomic_block:
        # The request's connection may be broken: the work opens a fresh one.
        connection.close()
    for work in pending:
        try:
            work()
        except Exception:
            logger.exception("work after the response failed")


# Before Django's close_old_connections (connected when django.db was imported), which then
# closes the connections the work used too, as CONN_MAX_AGE says. (Django's test client
# disconnects it around each request and connects it again: still after this one.)
request_finished.disconnect(close_old_connections)
request_finished.connect(_run_pending)
request_finished.connect(close_old_connections)
