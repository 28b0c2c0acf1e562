"""Site-wide promises: security headers, deploy checks, local assets, languages."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "more",
    [{}, {"REDIS_URL": "redis://127.0.0.1:6379/0", "TASKS_BACKEND": "rq"}],
    ids=["database queue", "redis and rq"],
)
def test_production_settings_pass_check_deploy(more):
    env = {
        **os.environ,
        **more,
        "DEBUG": "0",
        "SECRET_KEY": "x" * 64 + "-a-long-random-production-secret",
        "ALLOWED_HOSTS": "dongxi.example",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        # Password-reset mail must really leave in production (check --deploy says so).
        "EMAIL_BACKEND": "smtp",
        "EMAIL_HOST": "mail.dongxi.example",
    }
    # The browser tests' harness sets this for Playwright; production never does.
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_settings_refuse_to_start_without_a_secret_key_when_debug_is_off():
    env = {**os.environ, "DEBUG": "0", "DJANGO_SETTINGS_MODULE": "config.settings"}
    env.pop("SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_pages_carry_a_content_security_policy_without_inline_script(client, db):
    response = client.get(reverse("accounts:login"))
    policy = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]*)", policy).group(1)
    assert "'self'" in script_src
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    html = response.content.decode()
    # Every <script> is a file from our own /static/.
    for tag in re.findall(r"<script[^>]*>", html):
        assert re.search(r'src="/static/', tag), tag
    assert not re.search(r"<script[^>]*>\s*[^<\s]", html)


def test_no_page_loads_an_asset_from_another_origin(alice_client):
    html = alice_client.get(reverse("quizzes:home")).content.decode()
    assert not re.search(r'(src|href)="(https?:)?//', html)


def test_htmx_is_django_htmx_bundled_file_and_sends_the_csrf_token(alice_client):
    html = alice_client.get(reverse("quizzes:home")).content.decode()
    assert re.search(r'<script src="/static/django_htmx/htmx[^"]*\.js"', html)
    assert re.search(r"hx-headers='\{\"X-CSRFToken\": \"[A-Za-z0-9]+\"\}'", html)


@pytest.mark.parametrize(
    "language, title", [("vi", "Đăng nhập"), ("zh-hans", "登录"), ("en", "Log in")]
)
def test_the_interface_speaks_each_language(client, db, language, title):
    response = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE=language)
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f"<h1>{title}</h1>" in html


def test_vietnamese_is_the_default_language(client, db):
    html = client.get(reverse("accounts:login")).content.decode()
    assert '<html lang="vi">' in html


def test_the_language_switcher_remembers_the_choice(client, db):
    client.post(
        reverse("accounts:set_language"), {"language": "zh-hans", "next": "/accounts/login/"}
    )
    html = client.get(reverse("accounts:login")).content.decode()
    assert '<html lang="zh-hans">' in html


def test_compiled_catalogs_are_committed_for_every_language():
    for code in ("vi", "zh_Hans", "en"):
        assert (ROOT / "locale" / code / "LC_MESSAGES" / "django.mo").is_file(), code


def test_the_navigation_fits_the_role(alice, teacher):
    student, tutor = Client(), Client()
    student.force_login(alice)
    tutor.force_login(teacher)
    assert "Add a document" not in student.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Add a document" in tutor.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
