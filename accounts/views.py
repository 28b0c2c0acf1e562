"""Sign-up and the language switcher (which saves the choice on the account); log in, log out
and password change are Django's own views (accounts/urls.py)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import i18n
from django.views.decorators.http import require_http_methods, require_POST

from accounts.forms import SignUpForm


def safe_next(request: HttpRequest) -> str:
    """The `next` page a visitor was on their way to (a class's join link, an invitation),
    when it is on this site; "" otherwise."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else ""


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    """Anyone: create a student account and sign in, then go on to `next` (a join link or an
    invitation, kept through the log-in page) or home. Template: registration/signup.html.
    Context: form, next."""
    target = safe_next(request)
    if request.user.is_authenticated:
        return redirect(target or "home")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save(commit=False)
        # The language they chose on this device before signing up stays theirs.
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if chosen in {code for code, _name in settings.LANGUAGES}:
            user.interface_language = chosen
        user.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome, %(name)s! Your account is ready.") % {"name": user})
        return redirect(target or "home")
    return render(request, "registration/signup.html", {"form": form, "next": target})


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Anyone: Django's language switcher (sets the cookie, goes back to `next`); a signed-in
    user's choice is also saved on their account, so it follows them to other devices."""
    response = i18n.set_language(request)
    language = request.POST.get("language", "")
    known = {code for code, _name in settings.LANGUAGES}
    user = request.user
    if user.is_authenticated and language in known and user.interface_language != language:
        user.interface_language = language
        user.save(update_fields=["interface_language"])
    return response
