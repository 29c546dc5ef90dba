"""Markdown → safe HTML. The only renderer: every user-written text on the site goes through it."""

import bleach
import markdown as md
from django.utils.safestring import mark_safe

ALLOWED_TAGS = frozenset(
    {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "h3", "h4", "h5", "a", "code", "pre", "hr"}
)
ALLOWED_ATTRIBUTES = {"a": ["href", "title"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})


def _links_safe(attrs, new=False):
    # Links leave the site: never pass referrer or give the target page a handle on ours.
    attrs[(None, "rel")] = "nofollow noopener noreferrer"
    return attrs


def render_markdown(text):
    if not text:
        return mark_safe("")
    # Python-Markdown passes raw HTML through; bleach then escapes every tag and drops every attribute not listed.
    html = md.markdown(text, extensions=["sane_lists"], output_format="html")
    cleaned = bleach.clean(
        html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, protocols=ALLOWED_PROTOCOLS, strip=False
    )
    cleaned = bleach.linkify(cleaned, callbacks=[_links_safe], skip_tags={"pre", "code"})
    return mark_safe(cleaned)  # noqa: S308 - sanitised above
