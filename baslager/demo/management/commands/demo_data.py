from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from baslager.demo.services import (
    DEFAULT_EMPLOYERS,
    DEFAULT_OPENINGS,
    DEFAULT_PARTICIPANTS,
    DEFAULT_SEED,
    DemoDataMismatch,
    demo_data_load,
)


class Command(BaseCommand):
    help = (
        "Load two demo organisations with staff, participants, employers and openings and "
        "their histories (the same seed gives the same data), and print the demo logins."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--participants",
            type=int,
            default=None,
            help=f"Participants in all (default {DEFAULT_PARTICIPANTS}, most in Arbetslivskraft).",
        )
        parser.add_argument(
            "--employers",
            type=int,
            default=None,
            help=f"Employers in all (default {DEFAULT_EMPLOYERS}, split like the participants).",
        )
        parser.add_argument(
            "--openings",
            type=int,
            default=None,
            help=f"Openings in all (default {DEFAULT_OPENINGS}, split like the participants).",
        )
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Remove existing demo organisations first and load them again.",
        )

    def handle(self, *args, participants, employers, openings, seed, reset, **options):
        if participants is not None and participants < 1:
            raise CommandError(_("--participants must be at least 1."))
        # Each organisation needs an employer for its openings and tasks to belong to.
        if employers is not None and employers < 2:
            raise CommandError(_("--employers must be at least 2."))
        if openings is not None and openings < 0:
            raise CommandError(_("--openings cannot be negative."))
        try:
            result = demo_data_load(
                participants=participants,
                employers=employers,
                openings=openings,
                seed=seed,
                reset=reset,
            )
        except DemoDataMismatch as exc:
            raise CommandError(
                _("%(problem)s Run again with --reset to rebuild them.") % {"problem": exc}
            ) from exc
        counts = "; ".join(
            _(
                "%(organisation)s: %(participants)d participants, %(employers)d employers, "
                "%(openings)d openings"
            )
            % {
                "organisation": name,
                "participants": count,
                "employers": result.employers.get(name, 0),
                "openings": result.openings.get(name, 0),
            }
            for name, count in result.participants.items()
        )
        if result.created:
            self.stdout.write(
                self.style.SUCCESS(_("Demo data loaded (%(counts)s).") % {"counts": counts})
            )
        else:
            self.stdout.write(_("Demo data already loaded (%(counts)s).") % {"counts": counts})
        self._print_logins(result)

    def _print_logins(self, result):
        rows = [(_("Email"), _("Role"), _("Organisation"), _("Password"))]
        rows += [(x.email, x.role, x.organisation, x.password) for x in result.logins]
        widths = [max(len(row[column]) for row in rows) for column in range(4)]
        self.stdout.write("")
        for number, row in enumerate(rows):
            cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
            self.stdout.write("  ".join(cells).rstrip())
            if number == 0:
                self.stdout.write("  ".join("-" * width for width in widths))
        for organisation, count in result.extra_coaches.items():
            if count:
                self.stdout.write(
                    _("… and %(count)d more coaches in %(organisation)s, same password.")
                    % {"count": count, "organisation": organisation}
                )
        self.stdout.write(
            _("Demo accounts sign in only while DEBUG is on, without a second factor.")
        )
