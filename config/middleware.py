"""Nothing a signed-in user sees is kept by a browser or a proxy cache.

A signed-in page shows that user's data (their answers, scores, a class's students) and a
download is theirs alone (an Anki deck with keys, their personal data, a class CSV). With
`Cache-Control: no-store` (and `private`) neither the browser's back-button cache on a shared
school computer nor a proxy keeps a copy after the user has signed out. Static files never
reach this middleware (WhiteNoise answers them first), and pages for visitors are left alone.
"""

from django.utils.cache import patch_cache_control


class NoStoreForSignedInMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, no_store=True, private=True)
        return response
