from baslager.testing.messages import sms_provider, smtp_inbox  # noqa: F401
