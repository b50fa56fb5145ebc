from dataclasses import dataclass

from .search import search_described


@dataclass(frozen=True)
class PickerResult:
    id: int
    label: str
    description: str
    code: str


def picker_results(*, kind: str, text: str, limit: int) -> list[PickerResult]:
    """Search hits as a picker shows them; occupations carry their SSYK code and group."""
    results = []
    for hit, description in search_described(kind, text, limit):
        code = description.split(" ", 1)[0] if kind == "occupation" else ""
        results.append(PickerResult(hit.id, hit.label, description, code))
    return results
