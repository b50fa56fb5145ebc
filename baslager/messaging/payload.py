"""The pending part of a message (address and template values) encrypted at rest.

The values may hold a secret link whose token is otherwise stored only as a hash, so they are
not kept readable in the database while the message waits for a worker; the key is derived from
SECRET_KEY. Dates and times keep their type, so templates format them in the message's language.
"""

import base64
import hashlib
import json
from datetime import date, datetime

from cryptography.fernet import Fernet
from django.conf import settings


def _fernet() -> Fernet:
    digest = hashlib.sha256(f"baslager.messaging.payload:{settings.SECRET_KEY}".encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


class _Encoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, datetime):
            return {"__datetime__": o.isoformat()}
        if isinstance(o, date):
            return {"__date__": o.isoformat()}
        return super().default(o)


def _decode(obj: dict):
    if "__datetime__" in obj:
        return datetime.fromisoformat(obj["__datetime__"])
    if "__date__" in obj:
        return date.fromisoformat(obj["__date__"])
    return obj


def seal(data: dict) -> str:
    return _fernet().encrypt(json.dumps(data, cls=_Encoder).encode()).decode()


def unseal(token: str) -> dict:
    return json.loads(_fernet().decrypt(token.encode()), object_hook=_decode)
