"""Dongxi's settings. Everything that differs between a laptop and production comes from the
environment (see README.md, "Production"); the helpers in config.env fail loudly on bad values."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from config.env import env_bool, env_int, env_list, env_mailer, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "django-insecure-dev-only-key-never-used-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "config.devserver",  # runserver with a listen queue for a class (before WhiteNoise's)
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "axes",
    # Background work: django-tasks' database backend (its tables) and, with Redis, RQ's.
    "django_tasks_db",
    "accounts",
    "content",
    "quizzes",
    "flashcards",
    "progress",
    "teaching",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The language saved on the signed-in user's account wins over this device's cookie.
    "accounts.middleware.ProfileLanguageMiddleware",
    # Signed-in pages and downloads: Cache-Control no-store (config/middleware.py).
    "config.middleware.NoStoreForSignedInMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into the lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env_str("CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
# SQLite, the default, serving a class: readers never wait for the writer (WAL journal); a
# writer waits up to SQLITE_TIMEOUT seconds for the write lock instead of failing with
# "database is locked"; and every transaction takes the write lock when it begins (IMMEDIATE),
# so one that reads and then writes never has to upgrade its lock half-way, which SQLite
# refuses at once whatever the timeout. synchronous=NORMAL is safe with WAL (a power cut may
# lose the last commits, never corrupt the file). PostgreSQL needs none of this.
# Connections are kept a minute by default (CONN_MAX_AGE): SQLite has no server to run out of
# connections, and opening one per request cost more than the request's own queries (when the
# last connection to the file closed, it also copied the journal into the database). On 2
# cores, gunicorn, 4 learners: the answer cycle went from 91-119 to 149-182 cycles/s (README).
# The backend is Django's, each query's placeholders rewritten once (config/sqlite/base.py).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["ENGINE"] = "config.sqlite"
    DATABASES["default"]["CONN_MAX_AGE"] = int(env_str("CONN_MAX_AGE", "60"))
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": float(env_str("SQLITE_TIMEOUT", "20")),
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# No state lives in a web process, so any instance can serve any request: sessions are rows in
# the database, django-axes counts failed logins there, the per-document caches are the cache
# above (Redis when REDIS_URL is set: set it whenever there is more than one instance), and
# export jobs are rows too (quizzes.models.ExportJob).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "quizzes:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Brute-force protection (README, "Logging in safely"): five wrong passwords for one username
# from one client address lock that pair out for a few minutes, never an address alone and never
# the account everywhere; failures during the lockout do not extend it, so the owner waits at most
# AXES_COOLOFF_MINUTES. The address is the proxy's X-Forwarded-For only when the request came
# from one of TRUSTED_PROXIES (addresses or networks); otherwise the connection's own address.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", [])
AXES_CLIENT_IP_CALLABLE = "accounts.security.client_ip"
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 5))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "accounts.security.lockout_response"
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# Changing one's password: at most this many wrong current passwords per window.
PASSWORD_CHANGE_ATTEMPTS = env_int("PASSWORD_CHANGE_ATTEMPTS", 5)
PASSWORD_CHANGE_WINDOW = timedelta(minutes=15)

# Password-reset mail: printed on the console unless EMAIL_BACKEND says otherwise (smtp, file…).
MAILERS = {"default": env_mailer(str(BASE_DIR / "media" / "mail"))}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Dongxi <noreply@localhost>")
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # a reset link works for a day

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Asia/Ho_Chi_Minh")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# A policy with no inline script and no inline style: htmx is configured (base.html) not to
# inject its indicator styles, and every script is a file under /static/.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads no cookie (base.html sends the token in hx-headers)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(env_str("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# The largest document a teacher may paste or upload (the pipeline refuses more with a message).
DATA_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"jieba": {"level": "WARNING"}, "axes": {"level": "WARNING"}},
}

# Background work (Django's tasks framework, django.tasks) runs in a worker process, never in
# a web one: `python manage.py worker` (quizzes/management/commands/worker.py). By default the
# queue is django-tasks-db's table in the database (SQLite or PostgreSQL): a task survives a
# restart, and one that raises is recorded as failed. TASKS_BACKEND=rq puts the queue on Redis
# (REDIS_URL) through django-tasks-rq. See README.md, "Production".
TASKS_BACKEND = env_str("TASKS_BACKEND", "database")
if TASKS_BACKEND == "rq":
    if not REDIS_URL:
        raise ImproperlyConfigured("TASKS_BACKEND=rq needs REDIS_URL.")
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 60 * 60}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
elif TASKS_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
else:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be database or rq; got {TASKS_BACKEND!r}")
# How often a worker runs its upkeep (quizzes.anki.jobs.maintain: exports whose worker died
# are queued again or failed, files older than a day deleted), and how often a running export
# says it is alive; one silent for three beats is taken as lost.
WORKER_MAINTENANCE_SECONDS = int(env_str("WORKER_MAINTENANCE_SECONDS", "60"))
EXPORT_HEARTBEAT_SECONDS = int(env_str("EXPORT_HEARTBEAT_SECONDS", "10"))
# Anki decks with more notes than this are built in the background (quizzes.anki.jobs) and
# written to the "exports" storage, served to their owner only and removed after a day. The
# storage is a folder (EXPORT_ROOT) by default; every web instance and worker must see the same
# one: a shared volume, or an S3-compatible bucket (README.md, "Production").
ANKI_DIRECT_EXPORT_MAX_NOTES = int(env_str("ANKI_DIRECT_EXPORT_MAX_NOTES", "2000"))
# How many exports one user may have waiting or being built at once.
ANKI_EXPORTS_PER_USER = int(env_str("ANKI_EXPORTS_PER_USER", "2"))
EXPORT_ROOT = Path(env_str("EXPORT_ROOT", str(BASE_DIR / "media" / "exports")))
STORAGES["exports"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": EXPORT_ROOT},
}

# The demo accounts `make run` creates (DEBUG only); see accounts/management/commands/seed_demo.py.
DEMO_PASSWORD = env_str("DEMO_PASSWORD")
