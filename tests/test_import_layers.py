"""Layers import only downward (issue 15, item 2), read from the source with ast.

From the bottom: the language core (content.lang) and accounts; content; the flashcards app
(flashcards); the quizzes core (models, taking, generation, interchange, their views);
then quizzes.anki, progress and teaching, side by side; config on top. A module
may import its own area and the areas below; an import upward, or areas of one layer importing
each other in a circle, fails, unless ALLOWED lists it: today's violations, each with why it is
there and the issue-15 step that removes it. A listed import that is gone fails too, so the list
only shrinks.
"""

from __future__ import annotations

from collections import defaultdict

from tests.support.imports import Import, cycles, owning_module, project_imports, project_modules

# area -> layer; a module belongs to the longest area its name starts with.
LAYERS = {
    "content.lang": 0,
    "accounts": 0,
    "content": 1,
    "flashcards": 2,
    "quizzes": 3,
    "quizzes.anki": 4,
    "progress": 4,
    "teaching": 4,
    "config": 5,
    # Request-lifecycle plumbing that imports only Django (work deferred until the response is
    # sent): any layer may use it, as it may use Django itself.
    "config.after_response": 0,
    # The full-page-or-htmx-partial renderer (Django and django-htmx only), for every layer's views.
    "config.htmx": 0,
    # The form mixin refusing control characters (Django and content.lang only), for every
    # layer's forms.
    "config.forms": 0,
    # Querysets compiled once and re-run with new values (Django only), for every layer's hot
    # queries.
    "config.prepared": 0,
    # A value and a `lang` as a template writes them (Django only), for HTML written in Python.
    "config.html": 0,
}
# The quizzes app's entry points (its views package, URLs and management commands) sit on top
# of its sub-packages, as the admin sits on the models it serves: the Anki views start the Anki
# jobs, the home page shows progress, the class page assigns quizzes (teaching's form).
ENTRY_POINTS = ("quizzes.views", "quizzes.urls")
ENTRY_POINTS_AREA = "quizzes (views, urls, commands)"
LAYERS[ENTRY_POINTS_AREA] = 5

# Today's upward imports: (importer, imported module) -> why, and the step that removes it.
ALLOWED: dict[tuple[str, str], str] = {}

# Today's import cycles between modules (lazy imports inside functions break them at run
# time): frozenset of modules -> why, and the step that removes it.
ALLOWED_CYCLES: dict[frozenset[str], str] = {}


def area(module: str) -> str:
    """The area `module` belongs to: the longest of LAYERS its name starts with."""
    if module.startswith(ENTRY_POINTS) or module.startswith("quizzes.management"):
        return ENTRY_POINTS_AREA
    matches = [name for name in LAYERS if module == name or module.startswith(name + ".")]
    return max(matches, key=len)


def _edges() -> list[tuple[Import, str]]:
    """Every import between two project modules, with the module imported."""
    modules = project_modules()
    edges = []
    for imp in project_imports():
        target = owning_module(imp.imported, modules)
        if target and target != imp.importer:
            edges.append((imp, target))
    return edges


def describe(imp: Import, target: str) -> str:
    how = "inside a function" if imp.lazy else "at the top"
    return (
        f"{imp.importer} (line {imp.line}, {how}) imports {target}: "
        f"{area(imp.importer)} (layer {LAYERS[area(imp.importer)]}) may not import "
        f"{area(target)} (layer {LAYERS[area(target)]})"
    )


def upward_imports() -> dict[tuple[str, str], list[str]]:
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for imp, target in _edges():
        if LAYERS[area(target)] > LAYERS[area(imp.importer)]:
            found[(imp.importer, target)].append(describe(imp, target))
    return found


def test_no_module_imports_a_layer_above_its_own():
    found = upward_imports()
    new = [line for pair, lines in found.items() if pair not in ALLOWED for line in lines]
    gone = [f"{a} no longer imports {b}: remove it from ALLOWED" for a, b in ALLOWED]
    gone = [line for (pair, line) in zip(ALLOWED, gone, strict=True) if pair not in found]
    assert not new + gone, "\n".join(new + gone)


def test_no_areas_import_each_other_in_a_circle():
    graph: dict[str, set[str]] = defaultdict(set)
    for imp, target in _edges():
        if (imp.importer, target) in ALLOWED:
            continue
        source, dest = area(imp.importer), area(target)
        if source != dest:
            graph[source].add(dest)
    assert not (found := cycles(graph)), f"areas importing each other in a circle: {found}"


def test_no_modules_import_each_other_in_a_circle():
    graph: dict[str, set[str]] = defaultdict(set)
    for imp, target in _edges():
        # A package importing its own submodules (registering them) is not a cycle by itself.
        if not target.startswith(imp.importer + "."):
            graph[imp.importer].add(target)
    found = {frozenset(component) for component in cycles(graph)}
    new = [sorted(component) for component in found - set(ALLOWED_CYCLES)]
    gone = [sorted(component) for component in set(ALLOWED_CYCLES) - found]
    assert not new, f"modules importing each other in a circle: {new}"
    assert not gone, f"cycles gone, remove them from ALLOWED_CYCLES: {gone}"


def test_every_module_has_a_layer():
    # The walk found the project (a broken walk would pass the tests above).
    modules = project_modules()
    assert len(modules) > 100
    assert {area(name) for name in modules} == set(LAYERS)
