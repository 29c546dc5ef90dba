"""The English translation: complete, compiled, and used once a visitor picks English (and only then).

Msgids are Dutch (templates and code); locale/en/LC_MESSAGES/django.po holds the English.
"""

import ast
import gettext
import re
from pathlib import Path

import pytest

from tests.factories import make_case

PO_FILE = Path(__file__).resolve().parent.parent / "locale" / "en" / "LC_MESSAGES" / "django.po"
MO_FILE = PO_FILE.with_suffix(".mo")


# ---- (a) the .po file: every entry translated, nothing fuzzy ---------------------------------------------
def parse_po(path):
    """A small .po reader (stdlib only): a list of entries, each {"msgid", "msgid_plural", "msgstr": {index: text},
    "flags": set, "line": int}. Obsolete entries (#~) are skipped; continued strings are joined."""
    entries = []
    entry, field = None, None

    def finish():
        if entry is not None and "msgid" in entry:
            entries.append(entry)

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#"):
            if entry is not None and "msgid" in entry:  # a comment after msgstr starts the next entry
                finish()
                entry, field = None, None
            entry = entry or {"flags": set(), "msgstr": {}, "line": number}
            if line.startswith("#,"):
                entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            continue
        keyword, _, rest = line.partition(" ")
        if keyword.startswith('"'):  # continuation of the previous string
            rest, keyword = line, None
        else:
            if keyword == "msgid" and entry is not None and "msgid" in entry:
                finish()
                entry = None
            entry = entry or {"flags": set(), "msgstr": {}, "line": number}
        text = ast.literal_eval(rest)
        if keyword is None:
            if field[0] == "msgstr":
                entry["msgstr"][field[1]] += text
            else:
                entry[field[0]] += text
        elif keyword in ("msgid", "msgid_plural", "msgctxt"):
            field = (keyword, None)
            entry[keyword] = text
        elif keyword == "msgstr":
            field = ("msgstr", 0)
            entry["msgstr"][0] = text
        elif (match := re.fullmatch(r"msgstr\[(\d+)\]", keyword)):
            field = ("msgstr", int(match.group(1)))
            entry["msgstr"][field[1]] = text
        else:
            raise AssertionError(f"{path.name}:{number}: cannot read {raw!r}")
    finish()
    return entries


@pytest.fixture(scope="module")
def po_entries():
    assert PO_FILE.exists(), "run `make messages` to create locale/en/LC_MESSAGES/django.po"
    return parse_po(PO_FILE)


def test_po_file_is_complete(po_entries):
    header = [e for e in po_entries if e["msgid"] == ""]
    messages = [e for e in po_entries if e["msgid"] != ""]
    assert len(header) == 1 and "Plural-Forms: nplurals=2; plural=(n != 1);" in header[0]["msgstr"][0]
    assert len(messages) > 400  # the whole interface, not a handful of strings
    empty = [
        e["msgid"] for e in messages
        if not e["msgstr"] or any(not text.strip() for text in e["msgstr"].values())
        or ("msgid_plural" in e and sorted(e["msgstr"]) != [0, 1])
    ]
    assert empty == [], f"untranslated entries: {empty}"
    fuzzy = [e["msgid"] for e in po_entries if "fuzzy" in e["flags"]]
    assert fuzzy == [], f"fuzzy entries: {fuzzy}"


def test_placeholders_survive_translation(po_entries):
    placeholder = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\{[^}]*\}\}")
    for e in po_entries:
        sources = [e["msgid"], e.get("msgid_plural", e["msgid"])]
        for index, text in e["msgstr"].items():
            source = sources[min(index, 1)]
            assert sorted(placeholder.findall(text)) == sorted(placeholder.findall(source)), (e["msgid"], text)


def test_compiled_catalogue_matches_the_po_file(po_entries):
    # Committed, so machines without gettext get English too; it must be rebuilt whenever the .po changes.
    assert MO_FILE.exists(), "run `make messages` (compilemessages) to build django.mo"
    with MO_FILE.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = []
    for e in po_entries:
        if not e["msgid"]:
            continue
        if "msgid_plural" in e:
            got = [compiled.ngettext(e["msgid"], e["msgid_plural"], n) for n in (1, 2)]
            want = [e["msgstr"][0], e["msgstr"][1]]
        else:
            got, want = compiled.gettext(e["msgid"]), e["msgstr"][0]
        if got != want:
            stale.append(e["msgid"])
    assert stale == [], f"django.mo is out of date (run `make messages`): {stale[:5]}"


# ---- (b) English after the language switch; (c) Dutch without it ------------------------------------------
MENU_EN = ["Cases", "Explore", "Learning", "Sign in"]
MENU_NL = ["Casussen", "Verkennen", "Leren", "Inloggen"]


def _menu(body):
    """The text of the main menu's links and buttons."""
    nav = re.search(r'<nav aria-label="[^"]*">(.*?)</nav>', body, re.S)
    assert nav, "main menu not found"
    return [text.strip() for text in re.findall(r"<(?:a|button)\b[^>]*>([^<]*)</(?:a|button)>", nav.group(1))]


def _english(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302


@pytest.fixture
def public_case(db):
    return make_case(visibility="public")


def _pages(case):
    return {
        "home": "/",
        "case": case.url,
        "search": "/zoeken/?q=school",
        "learning": "/leren/",
    }


# Whole element texts (">text<"), so the Dutch editorial content of the page (not translated by gettext) cannot
# make a test pass or fail by accident.
EXPECTED_EN = {
    "home": [">Learning from care that got stuck<", ">By problem area<", ">All cases<"],
    "case": [">What brought the breakthrough<", ">Where it got stuck<", ">Key facts<", ">Problem areas<"],
    "search": [">Search cases, lessons and experts<", ">Search<", ">Describe the situation or search by keywords<"],
    "learning": [">What the network learned<", ">New since the last meeting<", ">By theme<"],
}
EXPECTED_NL = {
    "home": [">Leren van vastgelopen hulp<", ">Per probleemgebied<", ">Alle casussen<"],
    "case": [">Wat doorbrak<", ">Waar het vastliep<", ">Kenmerken<", ">Probleemgebieden<"],
    "search": [">Zoeken in casussen, lessen en deskundigen<", ">Zoeken<", ">Beschrijf de situatie of zoek op woorden<"],
    "learning": [">Wat het netwerk leerde<", ">Nieuw sinds de vorige bijeenkomst<", ">Per thema<"],
}


@pytest.mark.parametrize("name", ["home", "case", "search", "learning"])
def test_english_after_the_language_switch(client, public_case, name):
    _english(client)
    response = client.get(_pages(public_case)[name])
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="en">' in body
    assert response["Content-Language"] == "en"
    menu = _menu(body)
    for english, dutch in zip(MENU_EN, MENU_NL):
        assert english in menu and dutch not in menu, menu
    for english, dutch in zip(EXPECTED_EN[name], EXPECTED_NL[name]):
        assert english in body, f"{name}: {english!r} missing"
        assert dutch not in body, f"{name}: {dutch!r} still Dutch"


@pytest.mark.parametrize("name", ["home", "case", "search", "learning"])
def test_dutch_without_a_choice(client, public_case, name):
    # No cookie, and an English-speaking browser: still Dutch (the language switch is the only thing that counts).
    response = client.get(_pages(public_case)[name], HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="nl">' in body
    menu = _menu(body)
    for english, dutch in zip(MENU_EN, MENU_NL):
        assert dutch in menu and english not in menu, menu
    for english, dutch in zip(EXPECTED_EN[name], EXPECTED_NL[name]):
        assert dutch in body, f"{name}: {dutch!r} missing"
        assert english not in body, f"{name}: {english!r} in the Dutch page"


def test_back_to_dutch(client, public_case):
    _english(client)
    assert "Sign in" in _menu(client.get("/").content.decode())
    client.post("/i18n/setlang/", {"language": "nl", "next": "/"})
    menu = _menu(client.get("/").content.decode())
    assert "Inloggen" in menu and "Sign in" not in menu


def test_signed_in_menu_in_english(client, public_case):
    from tests.factories import make_user

    client.force_login(make_user("editor"))
    _english(client)
    menu = _menu(client.get("/").content.decode())
    assert {"Cases", "Explore", "Experts", "Learning", "My contributions", "Admin", "Sign out"} <= set(menu), menu
    assert not {"Casussen", "Deskundigen", "Beheer", "Uitloggen"} & set(menu), menu
