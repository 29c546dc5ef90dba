from django.contrib.auth.views import redirect_to_login

from .. import roles


class MembersOnlyPage:
    """Page mixin: signed-in members only. Others are sent to sign in; the page is kept out of the sitemap."""

    def serve(self, request, *args, **kwargs):
        if not roles.is_member(request.user):
            return redirect_to_login(request.get_full_path())
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        return []
