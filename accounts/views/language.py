"""The language switcher: Django's, also saving a signed-in user's choice on their account."""

from django.conf import settings
from django.http import HttpResponse
from django.views import i18n
from django.views.decorators.http import require_POST

from config.htmx import HtmxHttpRequest


@require_POST
def set_language(request: HtmxHttpRequest) -> HttpResponse:
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
