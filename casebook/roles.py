"""The platform's roles. Each is a Django group, created with its permissions on migrate (see setup.py)."""

MEMBER = "member"
ERVARINGSDESKUNDIGE = "ervaringsdeskundige"
MODERATOR = "moderator"
EDITOR = "editor"
ADMIN = "admin"
ALL = (MEMBER, ERVARINGSDESKUNDIGE, MODERATOR, EDITOR, ADMIN)


def has_role(user, *roles):
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    # Cached per request object: many templates and queries ask.
    names = getattr(user, "_doorbraak_roles", None)
    if names is None:
        names = set(user.groups.values_list("name", flat=True))
        user._doorbraak_roles = names
    return bool(names.intersection(roles))


def is_member(user):
    """Any signed-in person with a role may read network content."""
    return has_role(user, *ALL)


def is_editor(user):
    return has_role(user, EDITOR, ADMIN)


def is_moderator(user):
    return has_role(user, MODERATOR, ADMIN)


# Separation of duties (issue 9): moderators run the network's review and may edit cases, but only editors and
# admins may decide that an anonymity finding is not identifying, which is what lets a case be published.
CLEARS_ANONYMITY_FINDINGS = (EDITOR, ADMIN)


def can_clear_anonymity_findings(user):
    return has_role(user, *CLEARS_ANONYMITY_FINDINGS)
