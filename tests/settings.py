"""Test settings: the project's own, with DEBUG's defaults and fast password hashing."""

import os
import tempfile

os.environ.setdefault("DEBUG", "1")

from config.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Flashcard intervals exactly as fsrs computes them, without the random fuzz.
FLASHCARDS_FUZZ = False
# Built exports go to a throwaway folder (tests that look at the files use the export_dir
# fixture: one folder per test).
STORAGES["exports"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": tempfile.mkdtemp(prefix="dongxi-test-exports-")},
}
