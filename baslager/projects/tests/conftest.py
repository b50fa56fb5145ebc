from baslager.testing.messages import smtp_inbox  # noqa: F401
