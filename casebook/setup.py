"""The site's fixed structure: page tree, Site, and the role groups with their permissions.

Run on every migrate (post_migrate) and idempotent, so a fresh database, a flushed test database and an existing
installation all end up the same.
"""

from django.apps import apps as global_apps
from django.conf import settings
from django.db import transaction

from . import roles

# App label → model names whose add/change/delete/view permissions a role gets in the Django sense.
_MODEL_PERMISSIONS = {
    roles.EDITOR: {"casebook": ["taxonomyterm"], "learning": "*", "consultation": "*"},
    roles.MODERATOR: {"learning": "*"},
    roles.ADMIN: {"casebook": "*", "learning": "*", "search": "*", "consultation": "*"},
}
_PAGE_PERMISSIONS = {
    roles.EDITOR: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    roles.ADMIN: ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
    roles.MODERATOR: ["add_page", "change_page"],
}
_ADMIN_ACCESS = {roles.EDITOR, roles.MODERATOR, roles.ADMIN}


def ensure_site_structure(sender=None, using="default", **kwargs):
    # post_migrate fires once per app; act on the last one, when every app's permissions exist.
    # (Django only signals apps that have a models module.)
    with_models = [config for config in global_apps.get_app_configs() if config.models_module is not None]
    if sender is not None and sender is not with_models[-1]:
        return
    from wagtail.models import Page, Site

    with transaction.atomic(using=using):
        _ensure_taxonomy()
        home = _ensure_pages(Page, Site)
        _ensure_groups(home)


def _ensure_pages(Page, Site):
    from .models import CaseIndexPage, ExpertIndexPage, HomePage

    _ensure_default_locale()
    root = Page.get_first_root_node()
    if root is None:
        # A flushed test database has no tree at all; Wagtail's own migration made this node originally.
        root = Page.add_root(title="Root", slug="root")
    home = HomePage.objects.first()
    if home is None:
        # Wagtail's migrations leave a placeholder "Welcome" page; ours replaces it.
        for placeholder in root.get_children().exact_type(Page):
            Site.objects.filter(root_page=placeholder).delete()
            placeholder.delete()
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(
                title="Doorbraak",
                slug="home",
                intro=(
                    "Doorbraak is de plek waar de expertteams jeugd en de expertisecentra complexe jeugdhulp "
                    "leren van vastgelopen hulp. Lees hoe anderen een doorbraak vonden, zoek casussen die lijken "
                    "op wat u nu meemaakt, en vind mensen die u kunt raadplegen.\n\n"
                    "Alle casussen zijn geanonimiseerd. Er staan geen namen, woonplaatsen of precieze leeftijden in."
                ),
            )
        )
    if not CaseIndexPage.objects.exists():
        home.add_child(instance=CaseIndexPage(title="Casussen", slug="casussen"))
    if not ExpertIndexPage.objects.exists():
        home.add_child(instance=ExpertIndexPage(title="Deskundigen", slug="deskundigen"))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Doorbraak")
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    return home


def _ensure_taxonomy():
    # The data migration seeded it; a flushed test database has lost it. Never touches an edited vocabulary.
    from .models import TaxonomyTerm
    from .taxonomy import seed_search_terms, sync_taxonomy

    if not TaxonomyTerm.objects.exists():
        sync_taxonomy(TaxonomyTerm)
    seed_search_terms(TaxonomyTerm)


def _ensure_default_locale():
    # Wagtail's migration made it; a flushed test database has lost it, and every page needs one.
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale

    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))


def _ensure_groups(home):
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    for name in roles.ALL:
        group, _created = Group.objects.get_or_create(name=name)
        wanted = set(_model_permissions(Permission, _MODEL_PERMISSIONS.get(name, {})))
        if name in _ADMIN_ACCESS:
            wanted.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
        group.permissions.add(*wanted)
        for codename in _PAGE_PERMISSIONS.get(name, []):
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)


def _model_permissions(Permission, spec):
    for app_label, models in spec.items():
        if not global_apps.is_installed(app_label):
            continue
        qs = Permission.objects.filter(content_type__app_label=app_label)
        if models != "*":
            qs = qs.filter(content_type__model__in=models)
        yield from qs
