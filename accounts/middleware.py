"""The interface language follows the learner: once signed in, the language saved on their
account (User.interface_language, set by the language switcher) wins over this device's cookie,
and the cookie is brought in line, so a new phone opens in the language they chose elsewhere."""

from django.conf import settings
from django.utils import translation


class ProfileLanguageMiddleware:
    """After AuthenticationMiddleware (and LocaleMiddleware, whose choice it corrects). No query
    of its own: the user is loaded for the view anyway."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        saved = self._saved(request)
        if saved:
            translation.activate(saved)
            request.LANGUAGE_CODE = saved
        response = self.get_response(request)
        # The view may have signed someone in (log-in, sign-up): read the user again.
        saved = self._saved(request)
        if saved:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                saved,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response

    @staticmethod
    def _saved(request) -> str:
        """The account's language when it differs from this device's cookie, else ""."""
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return ""
        saved = user.interface_language
        known = {code for code, _name in settings.LANGUAGES}
        if saved in known and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != saved:
            return saved
        return ""
