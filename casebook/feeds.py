from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from .visibility import visible_cases


class NewCasesFeed(Feed):
    """Newest published cases. Feed readers never sign in, so only public cases, whoever asks."""

    feed_type = Atom1Feed
    title = _("Doorbraak: nieuwe casussen")
    link = "/casussen/"
    subtitle = _("Nieuw gepubliceerde, geanonimiseerde casussen uit de expertisenetwerken complexe jeugdhulp.")

    def items(self):
        return visible_cases(AnonymousUser()).order_by("-first_published_at")[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Atom sends the summary as type="html": escape the plain-text summary so readers show it, never render it.
        return escape(item.summary)

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at
