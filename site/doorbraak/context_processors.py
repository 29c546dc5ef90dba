"""Template context every page needs."""

# Longer than any URL a person makes by hand; a longer one is an oversized query string that would otherwise be
# copied into the sign-in link and the language switch of every page (a 200 KB query made a 400 KB error page).
MAX_RETURN_PATH = 2000


def return_path(request):
    """Where sign-in and the language switch send the visitor back to: this page, or its path alone if too long."""
    path = request.get_full_path()
    return {"return_path": path if len(path) <= MAX_RETURN_PATH else request.path}
