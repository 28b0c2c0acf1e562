"""Sign-up, changing and resetting a password; log in and log out are Django's own views
(accounts/urls.py)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts import security
from accounts.forms import SignUpForm
from config.htmx import HtmxHttpRequest


def safe_next(request: HttpRequest) -> str:
    """The `next` page a visitor was on their way to (a class's join link, an invitation),
    when it is on this site; "" otherwise."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else ""


@require_http_methods(["GET", "POST"])
def signup(request: HtmxHttpRequest) -> HttpResponse:
    """Anyone: create a student account and sign in, then go on to `next` (a join link or an
    invitation, kept through the log-in page) or home. Template: registration/signup.html.
    Context: form, next."""
    target = safe_next(request)
    if request.user.is_authenticated:
        return redirect(target or "quizzes:home")
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
        return redirect(target or "quizzes:home")
    return render(request, "registration/signup.html", {"form": form, "next": target})


class PasswordChangeView(auth_views.PasswordChangeView):
    """Signed-in users: Django's password change, refused for a while after
    settings.PASSWORD_CHANGE_ATTEMPTS wrong current passwords (counted in the cache), so a
    borrowed session cannot guess the password. Template: registration/password_change_form.html
    (context: form, and `blocked`, the refusal, while the limit holds).
    """

    success_url = reverse_lazy("accounts:password_change_done")

    def post(self, request, *args, **kwargs):
        if security.password_change_blocked(request.user):
            # An unbound form: the password typed this time is not even checked.
            form = self.get_form_class()(user=request.user)
            context = self.get_context_data(form=form, blocked=self.blocked_message())
            return self.render_to_response(context, status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        if form.has_error("old_password", "password_incorrect"):
            security.password_change_failed(self.request.user)
            if security.password_change_blocked(self.request.user):
                form.add_error(None, self.blocked_message())
        return super().form_invalid(form)

    @staticmethod
    def blocked_message() -> str:
        return _(
            "Too many wrong passwords. Try again in %(minutes)s minutes, or log out and reset "
            "your password by email."
        ) % {"minutes": security.password_change_window_minutes()}


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Anyone holding a valid reset link: choose a new password; the account's failed logins
    are forgotten, so a lockout ends with the reset. Template:
    registration/password_reset_confirm.html."""

    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        security.clear_lockouts(form.user)
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Anyone: ask for a reset link by email (Django's flow). At most RESETS_PER_ADDRESS
    requests from one address an hour (refused with a message) and RESETS_PER_EMAIL mails to
    one address (the rest silently not sent, so the page never tells who has an account).
    Template: registration/password_reset_form.html (context: form, and `blocked`)."""

    success_url = reverse_lazy("accounts:password_reset_done")

    def post(self, request, *args, **kwargs):
        if not security.reset_request_allowed(request):
            context = self.get_context_data(
                form=self.get_form_class()(),
                blocked=_("Too many requests from here. Try again in an hour."),
            )
            return self.render_to_response(context, status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        if not security.reset_mail_allowed(form.cleaned_data["email"]):
            return redirect(self.get_success_url())
        return super().form_valid(form)
