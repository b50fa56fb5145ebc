from dataclasses import dataclass

from .search import search_described


@dataclass(frozen=True)
class PickerResult:
    id: int
    label: str
    description: str
    code: str


def picker_results(*, kind: str, text: str, limit: int) -> list[PickerResult]:
    """Search hits as a picker shows them; occupations carry their SSYK code and group,
    industries their SNI code."""
    results = []
    for hit, description in search_described(kind, text, limit):
        if kind == "occupation":
            code = description.split(" ", 1)[0]
        elif kind == "industry":
            code = description
        else:
            code = ""
        results.append(PickerResult(hit.id, hit.label, description, code))
    return results
