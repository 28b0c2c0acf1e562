"""gunicorn settings for production: `gunicorn -c config/gunicorn.conf.py config.wsgi`.

Threads let one slow request (a large Anki export, a long document analysis) leave the worker
free for other learners; each value can be overridden from the environment.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn's control socket (for gunicornc) is one path per user by default, so a second instance
# on the same machine would take the first one's: off unless GUNICORN_CONTROL_SOCKET names a path
# of this instance's own.
control_socket_disable = not os.environ.get("GUNICORN_CONTROL_SOCKET")
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]


def when_ready(server):
    """Load jieba's dictionaries and the grader's tools (opencc, pypinyin, cn2an) once, in the
    master, before it forks its workers: each worker (a restarted one too, max_requests) starts
    with them, instead of its first learner on a page with Chinese words (the review card's
    ruby, an analysis) waiting a second or more for jieba, or on a typed Chinese answer waiting
    about 0.4 s for the grader's tools. Under load each worker loaded them again at its start."""
    from content.lang.chinese import load_jieba
    from content.lang.grading import load_tools

    load_jieba()
    load_tools()
