"""A real SMTP server and a real HTTP server for the SMS provider, started inside a test, and the
queue's real worker to deliver what was queued.

Import the fixtures into a tests package's conftest.py::

    from baslager.testing.messages import sms_provider, smtp_inbox, worker  # noqa: F401

The worker runs in the test's own thread, as `manage.py db_worker` would, and like it closes
connections it thinks stale; on PostgreSQL that would end the transaction a test normally runs
in, so a test that runs the worker commits for real (``transactional_db``) and is emptied after.
"""

import email
import threading
from dataclasses import dataclass, field
from email.policy import default as default_policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from urllib.parse import parse_qs

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command


def _run_worker() -> str:
    out = StringIO()
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=out)
    return out.getvalue()


@pytest.fixture
def worker(transactional_db, settings):
    """``worker()``: the database queue's own worker, until nothing is left that is due."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return _run_worker


@dataclass
class Mail:
    to: list[str]
    subject: str
    body: str


@dataclass
class Inbox:
    mails: list[Mail] = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope):
        parsed = email.message_from_bytes(envelope.content, policy=default_policy)
        body = parsed.get_body(preferencelist=("plain",)).get_content()
        self.mails.append(
            Mail(to=list(envelope.rcpt_tos), subject=parsed["subject"].strip(), body=body)
        )
        return "250 Message accepted for delivery"


class _Controller(Controller):
    def __init__(self, inbox: Inbox):
        super().__init__(inbox, hostname="127.0.0.1", port=0)

    def _trigger_server(self):
        # Port 0 asks for a free port; the base class would try to connect to port 0.
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


@pytest.fixture
def smtp_inbox(settings):
    """Django sends mail over SMTP to a real server on a free port; ``inbox.mails`` is what
    arrived there."""
    inbox = Inbox()
    controller = _Controller(inbox)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    yield inbox
    controller.stop()


class _Recorder(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        form = {k: v[-1] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
        self.server.requests.append(
            {"path": self.path, "authorization": self.headers.get("Authorization"), "form": form}
        )
        self.send_response(self.server.answer_status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"status": "created"}')

    def log_message(self, format, *args):
        pass


@dataclass
class SmsProvider:
    server: ThreadingHTTPServer

    @property
    def requests(self) -> list[dict]:
        return self.server.requests

    def answer(self, status: int) -> None:
        self.server.answer_status = status


@pytest.fixture
def sms_provider(settings):
    """46elks' API played by a local HTTP server that records each request; ``answer(500)``
    makes it refuse."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    server.requests = []
    server.answer_status = 200
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.SMS_BACKEND = "baslager.messaging.sms.FortySixElksBackend"
    settings.ELKS_API_URL = f"http://127.0.0.1:{server.server_address[1]}/a1"
    settings.ELKS_API_USERNAME = "u-test"
    settings.ELKS_API_PASSWORD = "p-test"
    settings.SMS_SENDER = "Baslager"
    yield SmsProvider(server)
    server.shutdown()
    server.server_close()
