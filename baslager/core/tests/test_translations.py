import gettext
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

import config.settings as project_settings

SV_DIR = Path(settings.BASE_DIR) / "locale" / "sv" / "LC_MESSAGES"


@pytest.fixture(autouse=True)
def keep_the_active_language():
    # LocaleMiddleware leaves a request's language active in the thread; don't leak it.
    with translation.override(translation.get_language()):
        yield


def gettext_tool(name):
    # The catalogue checks need GNU gettext, as compilemessages does.
    path = shutil.which(name)
    assert path, f"{name} (GNU gettext) is needed to check the translations"
    return path


def compile_po(po, mo):
    subprocess.run([gettext_tool("msgfmt"), "--check-format", "-o", str(mo), str(po)], check=True)


def test_it_has_translated_every_swedish_message(tmp_path):
    po = SV_DIR / "django.po"
    untranslated = subprocess.run(
        [gettext_tool("msgattrib"), "--untranslated", "--no-obsolete", str(po)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    fuzzy = subprocess.run(
        [gettext_tool("msgattrib"), "--only-fuzzy", "--no-obsolete", str(po)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout

    assert untranslated == "", f"untranslated entries in {po}:\n{untranslated}"
    assert fuzzy == "", f"fuzzy entries in {po}:\n{fuzzy}"
    compile_po(po, tmp_path / "check.mo")
    with open(tmp_path / "check.mo", "rb") as mo:
        catalogue = gettext.GNUTranslations(mo)
    assert catalogue.gettext("Case notes") == "Journalanteckningar"
    assert len(catalogue._catalog) > 500


def test_it_ships_a_compiled_catalogue_matching_the_po_file(tmp_path):
    fresh = tmp_path / "fresh.mo"
    compile_po(SV_DIR / "django.po", fresh)

    with open(SV_DIR / "django.mo", "rb") as shipped, open(fresh, "rb") as compiled:
        shipped_catalogue = gettext.GNUTranslations(shipped)._catalog
        compiled_catalogue = gettext.GNUTranslations(compiled)._catalog

    stale = {k for k in compiled_catalogue if shipped_catalogue.get(k) != compiled_catalogue[k]}
    assert not stale, (
        f"django.mo is out of date; run compilemessages. Differs: {sorted(stale)[:10]}"
    )
    assert shipped_catalogue.keys() == compiled_catalogue.keys()


def test_it_has_every_message_of_the_code_in_the_catalogue(tmp_path):
    """makemessages, run afresh on a copy of the code, finds no message the catalogue lacks, so
    a new string cannot ship untranslated."""
    base = Path(settings.BASE_DIR)
    skip = shutil.ignore_patterns("__pycache__", "locale", "static", "*.mo", "*.po")
    for folder in ("baslager", "config"):
        shutil.copytree(base / folder, tmp_path / folder, ignore=skip)
    shutil.copy(base / "manage.py", tmp_path)
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "sv",
            "--settings=config.test_settings",
        ],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    fresh = _msgids(tmp_path / "locale" / "sv" / "LC_MESSAGES" / "django.po")
    missing = fresh - _msgids(SV_DIR / "django.po")
    assert not missing, f"not in locale/sv (run make messages and translate): {sorted(missing)}"


def _msgids(po: Path) -> set[str]:
    """Every msgid and msgid_plural of a .po file, continuation lines joined."""
    found, current = set(), None
    for line in po.read_text(encoding="utf-8").splitlines():
        if line.startswith(("msgid ", "msgid_plural ")):
            current = line.split(" ", 1)[1][1:-1]
        elif line.startswith('"') and current is not None:
            current += line[1:-1]
        else:
            if current:
                found.add(current)
            current = None
    return found


def test_it_speaks_swedish_by_default_and_english_on_request(client):
    swedish = client.get(reverse("account_login"), headers={"Accept-Language": "sv"})
    default = client.get(reverse("account_login"))
    english = client.get(reverse("account_login"), headers={"Accept-Language": "en"})

    assert '<html lang="sv" dir="ltr">' in swedish.content.decode()
    assert "Logga in i Basläger" in swedish.content.decode()
    assert "Hoppa till innehållet" in swedish.content.decode()
    assert "Logga in i Basläger" in default.content.decode()
    assert '<html lang="en" dir="ltr">' in english.content.decode()
    assert "Sign in to Basläger" in english.content.decode()
    assert "Logga in" not in english.content.decode()


def test_it_offers_swedish_and_english_in_the_language_switcher(client):
    page = client.get(reverse("account_login"), headers={"Accept-Language": "en"}).content.decode()

    assert ("sv", "Swedish") in [(code, str(name)) for code, name in settings.LANGUAGES]
    assert ("en", "English") in [(code, str(name)) for code, name in settings.LANGUAGES]
    assert '<option value="sv" lang="sv" >' in page
    assert '<option value="en" lang="en" selected>' in page


def test_it_picks_up_a_new_language_from_its_compiled_catalogue_alone(tmp_path, monkeypatch):
    ar = tmp_path / "locale" / "ar" / "LC_MESSAGES"
    ar.mkdir(parents=True)
    (ar / "django.po").write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n', encoding="utf-8"
    )
    only_po = tmp_path / "locale" / "fi" / "LC_MESSAGES"
    only_po.mkdir(parents=True)
    (only_po / "django.po").write_text((ar / "django.po").read_text())
    compile_po(ar / "django.po", ar / "django.mo")
    monkeypatch.setattr(project_settings, "BASE_DIR", tmp_path)

    codes = [code for code, _name in project_settings.available_languages()]

    assert codes == ["sv", "en", "ar"]
    assert ("ar", "العربيّة") in project_settings.available_languages()


def test_it_renders_a_right_to_left_language_right_to_left(tmp_path, client):
    ar = tmp_path / "ar" / "LC_MESSAGES"
    ar.mkdir(parents=True)
    (ar / "django.po").write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Sign in to Basläger"\nmsgstr "تسجيل الدخول إلى Basläger"\n',
        encoding="utf-8",
    )
    compile_po(ar / "django.po", ar / "django.mo")
    languages = [*settings.LANGUAGES, ("ar", "العربية")]

    with override_settings(LANGUAGES=languages, LOCALE_PATHS=[tmp_path, *settings.LOCALE_PATHS]):
        page = client.get(reverse("account_login"), headers={"Accept-Language": "ar"})

    assert '<html lang="ar" dir="rtl">' in page.content.decode()
    assert "تسجيل الدخول إلى Basläger" in page.content.decode()
    # Each language is offered in its own name, whatever language the page is in.
    assert '<option value="ar" lang="ar" selected>العربيّة</option>' in page.content.decode()
    assert '<option value="sv" lang="sv" >Svenska</option>' in page.content.decode()


def test_it_keeps_the_placeholders_of_every_message():
    # A lost or renamed %(name)s in a translation crashes the page at render time.
    with open(SV_DIR / "django.mo", "rb") as mo:
        catalogue = gettext.GNUTranslations(mo)._catalog
    placeholder = re.compile(r"%\(\w+\)[sd]|\{\w+\}")

    singulars, plurals = {}, {}
    for key, text in catalogue.items():
        if isinstance(key, tuple):
            plurals.setdefault(key[0], set()).update(placeholder.findall(text))
        elif key:
            singulars[key] = set(placeholder.findall(text))
    # The .mo keeps only the singular msgid of a plural entry, so its forms together must
    # at least keep the singular's placeholders; a plain message must keep exactly its own.
    broken = [m for m, found in singulars.items() if found != set(placeholder.findall(m))]
    broken += [m for m, found in plurals.items() if not set(placeholder.findall(m)) <= found]

    assert len(catalogue) > 500
    assert broken == []
