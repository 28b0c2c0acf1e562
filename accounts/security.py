"""Logging in safely: the client's address as django-axes sees it, the lockout page, limits on
changing a password, and clearing lockouts when a password is reset.

The address is the proxy's X-Forwarded-For only when the connection comes from one of
settings.TRUSTED_PROXIES: anyone else could write that header and lock out whoever they like
(or dodge their own lockout). Behind a trusted proxy the header is read from the right, skipping
trusted hops, so a client cannot plant an address in front of the real one.
"""

from __future__ import annotations

import ipaddress
import math
from functools import lru_cache

from axes.helpers import get_client_username, get_cool_off
from axes.utils import reset
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(p, strict=False) for p in proxies)


def _address(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def _trusted(value: str) -> bool:
    address = _address(value)
    networks = _networks(tuple(settings.TRUSTED_PROXIES))
    return address is not None and any(address in network for network in networks)


def client_ip(request: HttpRequest) -> str | None:
    """The client's address (settings.AXES_CLIENT_IP_CALLABLE)."""
    remote = request.META.get("REMOTE_ADDR")
    if not remote or not _trusted(remote):
        return remote
    hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for hop in reversed([h for h in hops if h]):
        if _address(hop) is None:
            return remote  # a garbled header: fall back to what we know
        if not _trusted(hop):
            return hop
    return remote


def cool_off_minutes(request: HttpRequest | None = None) -> int:
    return math.ceil(get_cool_off(request).total_seconds() / 60)


def lockout_response(
    request: HttpRequest, original_response=None, credentials=None
) -> HttpResponse:
    """settings.AXES_LOCKOUT_CALLABLE: the page saying how long to wait and how to recover.
    Template: registration/locked_out.html. Context: minutes, username."""
    context = {
        "minutes": cool_off_minutes(request),
        "username": get_client_username(request, credentials) or "",
    }
    return render(request, "registration/locked_out.html", context, status=429)


def clear_lockouts(user) -> None:
    """Forget the failed logins of `user`: their password was just reset."""
    reset(username=user.get_username())


# -- changing one's password -------------------------------------------------------------------


def _change_key(user) -> str:
    return f"password-change-failures:{user.pk}"


def password_change_blocked(user) -> bool:
    """Whether `user` has used up the wrong current passwords of this window."""
    return (cache.get(_change_key(user)) or 0) >= settings.PASSWORD_CHANGE_ATTEMPTS


def password_change_failed(user) -> None:
    """Count a wrong current password; the window starts at the first one."""
    key = _change_key(user)
    timeout = int(settings.PASSWORD_CHANGE_WINDOW.total_seconds())
    if not cache.add(key, 1, timeout):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout)


def password_change_window_minutes() -> int:
    return math.ceil(settings.PASSWORD_CHANGE_WINDOW.total_seconds() / 60)


# -- asking for reset links --------------------------------------------------------------------

RESETS_PER_ADDRESS = 10  # reset requests from one client address per window
RESETS_PER_EMAIL = 3  # reset mails to one address per window (no mail-bombing a victim)
RESET_WINDOW = 60 * 60


def _count(key: str) -> int:
    """Add one to a counter that lives RESET_WINDOW seconds from its first hit; its new value."""
    if cache.add(key, 1, RESET_WINDOW):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, RESET_WINDOW)
        return 1


def reset_request_allowed(request: HttpRequest) -> bool:
    """Count a reset request from this client; False beyond RESETS_PER_ADDRESS a window."""
    return _count(f"password-reset-address:{client_ip(request)}") <= RESETS_PER_ADDRESS


def reset_mail_allowed(email: str) -> bool:
    """Count a reset mail to `email`; False beyond RESETS_PER_EMAIL a window."""
    return _count(f"password-reset-email:{email.strip().casefold()}") <= RESETS_PER_EMAIL


# -- a teacher sets a student's password -----------------------------------------------------


def resettable_students(classroom):
    """The students of `classroom` whose password its teacher may set: never a teacher's or a
    staff account (a colleague who joined the class stays theirs alone)."""
    return classroom.students.filter(is_teacher=False, is_staff=False, is_superuser=False)
