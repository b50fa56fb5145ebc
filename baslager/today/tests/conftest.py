from baslager.testing.messages import smtp_inbox, worker  # noqa: F401
