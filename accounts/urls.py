"""Signing up, in and out, passwords and teacher invitations under /accounts/, and the language
switcher at /i18n/setlang/ (where it has always been): the whole accounts: namespace, mounted at
the site's root."""

from django.contrib.auth import views as auth_views
from django.urls import include, path

from accounts.views import account, invites, language

app_name = "accounts"

account_patterns = [
    path("signup/", account.signup, name="signup"),
    path("invites/", invites.teacher_invites, name="teacher_invites"),
    path("invites/<str:token>/", invites.teacher_invite, name="teacher_invite"),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", account.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("password/reset/", account.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        account.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    path("accounts/", include(account_patterns)),
    # Django's switcher, also saving a signed-in user's choice on their account.
    path("i18n/setlang/", language.set_language, name="set_language"),
]
