from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_to_get(client, url: str) -> int:
    """How many SQL queries the page at ``url`` takes; it must answer 200."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)
