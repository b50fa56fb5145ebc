"""Imports go down: a Basläger app imports only the apps listed before it in INSTALLED_APPS.

Every module of an app counts, management commands included, and so does every import in it,
also one inside a function. Tests (any ``tests`` folder) and migrations are outside the rule: a
test checks its app among the others, and the walk of every URL builds objects of every app.
See docs/architecture.md, "Imports go down".
"""

import ast
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings

BASLAGER = Path(__file__).resolve().parents[2]

# The front door is outside the rule: "/" sends each member to where their work starts, so it
# knows the areas above; the rest of core is the bottom layer every app may use.
FRONT_DOOR = {"core/views.py", "core/urls.py"}


def _module_package(path: Path, root: Path) -> list[str]:
    """The package a relative import in ``path`` starts from, as a list of names."""
    parts = [root.name, *path.relative_to(root).with_suffix("").parts]
    return parts[:-1]


def imported_modules(path: Path, root: Path) -> Iterator[tuple[int, str]]:
    """(line, dotted name) of every module ``path`` imports, wherever the import stands."""
    package = _module_package(path, root)
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            yield node.lineno, module
            # ``from baslager import plans`` imports the app itself.
            if module == root.name:
                for alias in node.names:
                    yield node.lineno, f"{module}.{alias.name}"


def _governed(path: Path, root: Path) -> bool:
    parts = path.relative_to(root).parts
    return "tests" not in parts and "migrations" not in parts


def upward_imports(root: Path, apps: list[str], exempt: set[str] = frozenset()) -> list[str]:
    """Each import of an app in ``root`` from an app listed after it in ``apps`` (or of a
    package of ``root`` that is no app in ``apps``), as "file:line: app imports module"."""
    rank = {app: position for position, app in enumerate(apps)}
    found = []
    for app in apps:
        for path in sorted((root / app).rglob("*.py")):
            relative = path.relative_to(root).as_posix()
            if not _governed(path, root) or relative in exempt:
                continue
            for line, module in sorted(imported_modules(path, root)):
                names = module.split(".")
                if names[0] != root.name or len(names) < 2 or names[1] == app:
                    continue
                target = names[1]
                if target not in rank:
                    if (root / target).is_dir():
                        found.append(
                            f"{relative}:{line}: {app} imports {module}, which is no app in "
                            "INSTALLED_APPS"
                        )
                elif rank[target] > rank[app]:
                    found.append(f"{relative}:{line}: {app} imports {module}, an app above it")
    return found


def installed_apps() -> list[str]:
    prefix = f"{BASLAGER.name}."
    return [app[len(prefix) :] for app in settings.INSTALLED_APPS if app.startswith(prefix)]


def test_no_app_imports_an_app_above_it():
    found = upward_imports(BASLAGER, installed_apps(), exempt=FRONT_DOOR)

    assert not found, "Imports go down (docs/architecture.md):\n" + "\n".join(found)


def test_every_app_folder_is_in_installed_apps():
    folders = {path.parent.name for path in BASLAGER.glob("*/apps.py")}

    assert folders == set(installed_apps())


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_it_finds_upward_imports_in_every_form(tmp_path):
    root = tmp_path / "baslager"
    for app in ("low", "high"):
        _write(root / app / "__init__.py", "")
    _write(root / "high" / "views.py", "from baslager.low.models import Thing\nfrom . import x\n")
    _write(
        root / "low" / "views.py",
        "import baslager.high.models\n"
        "from baslager import high\n"
        "def page():\n"
        "    from ..high.selectors import things\n",
    )
    _write(root / "low" / "management" / "commands" / "go.py", "from baslager.high import x\n")
    _write(root / "low" / "tests" / "test_views.py", "from baslager.high import models\n")
    _write(root / "low" / "services.py", "from baslager.testing import helpers\n")
    (root / "testing").mkdir()

    found = upward_imports(root, ["low", "high"])

    assert found == [
        "low/management/commands/go.py:1: low imports baslager.high, an app above it",
        "low/services.py:1: low imports baslager.testing, which is no app in INSTALLED_APPS",
        "low/views.py:1: low imports baslager.high.models, an app above it",
        "low/views.py:2: low imports baslager.high, an app above it",
        "low/views.py:4: low imports baslager.high.selectors, an app above it",
    ]
    assert upward_imports(root, ["high", "low"]) == [
        "high/views.py:1: high imports baslager.low.models, an app above it",
        "low/services.py:1: low imports baslager.testing, which is no app in INSTALLED_APPS",
    ]
    assert upward_imports(root, ["low", "high"], exempt={"low/views.py"}) == found[:2]
