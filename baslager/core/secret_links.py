"""Tokens of the secret links people without an account open (a placement's supervisor, a
participant answering a self-assessment on their own phone)."""

import hashlib
import secrets


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """Only this digest of a link's token is stored: a leaked table opens no page."""
    return hashlib.sha256(token.encode()).hexdigest()
