from baslager.testing.messages import sms_provider, smtp_inbox, worker  # noqa: F401
