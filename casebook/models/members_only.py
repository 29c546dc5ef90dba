from django.contrib.auth.views import redirect_to_login

from ..visibility import Visibility, allowed_visibilities


class MembersOnlyPage:
    """Page mixin: signed-in members only. Others are sent to sign in; the page is kept out of the sitemap."""

    # Who may see such a page, in the terms every search backend filters on (visibility.allowed_visibilities):
    # the page itself, its search document and the database search all read this one value.
    visibility = Visibility.NETWORK.value

    def serve(self, request, *args, **kwargs):
        if self.visibility not in allowed_visibilities(request.user):
            return redirect_to_login(request.get_full_path())
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        return []
