from django.utils.cache import add_never_cache_headers


class NoStoreForSignedInMiddleware:
    """Pages for signed-in users may hold personal data: no browser or proxy may keep them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated:
            add_never_cache_headers(response)
        return response
