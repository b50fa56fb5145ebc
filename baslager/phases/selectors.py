import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import (
    BooleanField,
    Count,
    DateField,
    Exists,
    F,
    Func,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Concat
from django.utils import timezone

from baslager.accounts.models import User
from baslager.organisations.access import scoped
from baslager.organisations.models import Membership, Role
from baslager.participants.models import Participant

from .models import Phase, PhaseTransition

CARDS_PER_COLUMN = 25
# Up to this many participants, the board reads them all in one pass instead of phase by phase.
SMALL_CASELOAD = 1000
# A phase with at most this many participants is read whole, through the phase; a fuller one is
# read in name order until its first cards are found.
SPARSE_COLUMN = 500

# Letters a name may carry with or without its accent; a search for "asa" finds Åsa and Äsa,
# "ozturk" finds Öztürk, "jose" finds José. Cases are spelled out in the pattern because SQLite's
# case-insensitive matching knows ASCII only.
_FOLDS = {
    "a": "aàáâãäåæą",
    "c": "cçćč",
    "d": "dđď",
    "e": "eèéêëęě",
    "g": "gğ",
    "i": "iìíîïı",
    "l": "lł",
    "n": "nñńň",
    "o": "oòóôõöøő",
    "r": "rř",
    "s": "sśšş",
    "t": "tť",
    "u": "uùúûüůű",
    "y": "yýÿ",
    "z": "zźżž",
}
_BASE_OF = {variant: base for base, variants in _FOLDS.items() for variant in variants}


def _letter_variants(char: str) -> str:
    """Every way ``char`` may be written, both cases, or "" for a character without case."""
    lower = char.lower()
    variants = _FOLDS.get(_BASE_OF.get(lower, ""), "")
    if not variants and lower != char.upper():
        variants = lower
    return variants + variants.upper()


def _search_words(query: str) -> list[str]:
    return query.split()[:5]


def name_pattern(query: str) -> str:
    """A regular expression that finds names containing every word of ``query``, in any order,
    ignoring case and accents. One pattern, so the database tests each name once."""
    words = [
        "".join(f"[{v}]" if (v := _letter_variants(c)) else re.escape(c) for c in word)
        for word in _search_words(query)
    ]
    if len(words) == 1:
        return words[0]
    # Anchored, so each lookahead is tried once per name rather than at every position.
    return "^" + "".join(f"(?=.*{word})" for word in words)


def name_globs(query: str) -> list[str]:
    """One GLOB pattern per word of ``query``, ignoring case and accents, for SQLite."""
    return [
        "*"
        + "".join(f"[{_letter_variants(c) or c}]" if c.isalpha() or c in "*?[" else c for c in word)
        + "*"
        for word in _search_words(query)
    ]


class NameMatches(Func):
    """Whether a text holds every word of a search, ignoring case and accents.

    SQLite's REGEXP calls back into Python for every row, which costs more than the rest of the
    board together for 50,000 names; its GLOB runs in C. PostgreSQL matches the regular
    expression itself."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, expression, query: str):
        super().__init__(expression)
        self.query = query

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"({sql}) ~ %s", [*params, name_pattern(self.query)]

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        globs = name_globs(self.query)
        clauses = " AND ".join(f"({sql}) GLOB %s" for _ in globs)
        return f"({clauses})", [value for glob in globs for value in (*params, glob)]


def phase_history(*, participant: Participant) -> list[PhaseTransition]:
    """The participant's phases, oldest first, each with ``days_in_phase`` and ``is_current``.

    When the first recorded move starts from a phase (or there is no move at all), an unsaved
    transition for the time since the entry date comes first, so every day is accounted for.
    """
    transitions = list(
        PhaseTransition.objects.filter(participant=participant)
        .select_related("from_phase", "to_phase", "moved_by")
        .order_by("moved_on", "created_at")
    )
    if transitions and transitions[0].from_phase_id is not None:
        start = transitions[0].from_phase
    elif not transitions and participant.current_phase_id is not None:
        start = participant.current_phase
    else:
        start = None
    if start is not None:
        transitions.insert(
            0,
            PhaseTransition(
                participant=participant,
                organisation_id=participant.organisation_id,
                to_phase=start,
                moved_on=participant.entry_date,
                reason="",
            ),
        )
    today = timezone.localdate()
    for index, transition in enumerate(transitions):
        following = transitions[index + 1] if index + 1 < len(transitions) else None
        transition.left_on = following.moved_on if following else None
        transition.days_in_phase = max(
            0, ((transition.left_on or today) - transition.moved_on).days
        )
        transition.is_current = following is None
    return transitions


def first_active_phase(*, membership: Membership) -> Phase | None:
    return scoped(Phase, membership).filter(is_active=True).order_by("position").first()


def phase_ladder(*, membership: Membership) -> QuerySet:
    """The organisation's phases in order, with how many participants are in each and whether
    anyone has ever passed through it (then it can only be taken out of use, not deleted)."""
    moves = PhaseTransition.objects.filter(
        Q(to_phase=OuterRef("pk")) | Q(from_phase=OuterRef("pk"))
    )
    return (
        scoped(Phase, membership)
        .annotate(participant_count=Count("participants"), has_history=Exists(moves))
        .order_by("position")
    )


def phases_to_move_to(*, membership: Membership, participant: Participant) -> QuerySet:
    """The phases in use that the participant is not already in."""
    phases = scoped(Phase, membership).filter(is_active=True).order_by("position")
    if participant.current_phase_id is not None:
        phases = phases.exclude(pk=participant.current_phase_id)
    return phases


def board_coaches(*, membership: Membership) -> QuerySet:
    """Members of the organisation who can coach: administrators and coaches."""
    return (
        User.objects.filter(
            memberships__organisation_id=membership.organisation_id,
            memberships__role__in=[Role.ADMIN, Role.COACH],
        )
        .only("pk", "full_name", "email")
        .order_by("full_name")
    )


def can_see_beyond_own_caseload(*, membership: Membership) -> bool:
    return membership.role == Role.ADMIN or (
        membership.role == Role.COACH and membership.organisation.coaches_see_all_participants
    )


@dataclass
class BoardFilters:
    q: str = ""
    phase: str = ""  # a phase pk, "none" for participants without a phase, or "" for all
    coach: int | None = None
    mine: bool = False
    status: str = "active"
    page: int = 1


@dataclass
class BoardColumn:
    phase: Phase | None
    count: int
    cards: list[Participant] = field(default_factory=list)
    offset: int = 0

    @property
    def key(self) -> str:
        return str(self.phase.pk) if self.phase else "none"

    @property
    def shown_to(self) -> int:
        return self.offset + len(self.cards)

    @property
    def has_more(self) -> bool:
        return self.shown_to < self.count


@dataclass
class Board:
    columns: list[BoardColumn]
    total: int
    paged: bool  # one phase, a page at a time
    page: int = 1


def board_participants(*, membership: Membership, filters: BoardFilters, user) -> QuerySet:
    """The participants in scope that match the filters; ``phase`` is left to the caller."""
    participants = scoped(Participant, membership)
    if filters.status in ("active", "ended"):
        participants = participants.filter(status=filters.status)
    if filters.q.strip():
        participants = participants.filter(
            NameMatches(Concat("first_name", Value(" "), "last_name"), filters.q)
        )
    if filters.mine:
        participants = participants.filter(coaches=user)
    if filters.coach is not None:
        participants = participants.filter(coaches=filters.coach)
    return participants


def _card_queryset(participants: QuerySet) -> QuerySet:
    latest_move = (
        PhaseTransition.objects.filter(participant=OuterRef("pk"))
        .order_by("-moved_on", "-created_at")
        .values("moved_on")[:1]
    )
    return (
        participants.annotate(
            phase_since=Coalesce(Subquery(latest_move), F("entry_date"), output_field=DateField())
        )
        .only(
            "pk",
            "public_id",
            "organisation_id",
            "first_name",
            "last_name",
            "current_phase_id",
            "status",
            "entry_date",
            "birth_date",
            "labour_market_status",
            "unemployed_since",
        )
        .prefetch_related(
            Prefetch("coaches", queryset=User.objects.only("pk", "full_name", "email"))
        )
    )


def _decorated(cards: list[Participant], today: date) -> list[Participant]:
    """Days in the phase and coach names, worked out once here rather than per card in templates."""
    for card in cards:
        card.days_in_phase = max(0, (today - card.phase_since).days)
        card.coach_names = ", ".join(str(coach) for coach in card.coaches.all())
    return cards


def _cards_in_order(membership: Membership, ids: list[int], today: date) -> list[Participant]:
    """The participants ``ids`` ready for the board, in the order of ``ids``."""
    # No ORDER BY: it would tempt the database into walking the name index of the whole
    # organisation to find a handful of ids.
    cards = _card_queryset(scoped(Participant, membership).filter(pk__in=ids).order_by())
    place = {pk: index for index, pk in enumerate(ids)}
    return sorted(_decorated(list(cards), today), key=lambda card: place[card.pk])


def _name_order(row: tuple) -> tuple:
    """Sort key for (pk, phase, last name, first name) rows: the order of ``by_name`` queries under
    SQLite's binary collation and PostgreSQL's C.UTF-8 (code points, as Python compares)."""
    pk, _, last_name, first_name = row
    return (last_name, first_name, pk)


def _first_ids_by_phase(
    by_name: QuerySet, columns: list[BoardColumn], per_column: int, sparse_column: int
) -> list[int]:
    """The ids of each column's first ``per_column`` participants by name, column by column.

    A full column's first names turn up early in name order, so its query stops soon. A sparse
    one is read whole through its phase instead (walking the names for a phase of three would
    visit every participant), all sparse columns in one query, and put in order here."""
    first: dict[int | None, list[int]] = {}
    sparse = [column for column in columns if 0 < column.count <= sparse_column]
    if sparse:
        phase_ids = [column.phase.pk for column in sparse if column.phase]
        in_sparse = Q(current_phase__in=phase_ids)
        if any(column.phase is None for column in sparse):
            in_sparse |= Q(current_phase__isnull=True)
        rows = (
            by_name.filter(in_sparse)
            .order_by()
            .values_list("pk", "current_phase_id", "last_name", "first_name")
        )
        for pk, phase_id, *_ in sorted(rows, key=_name_order):
            ids = first.setdefault(phase_id, [])
            if len(ids) < per_column:
                ids.append(pk)
    for column in columns:
        if column.count > sparse_column:
            first[column.phase.pk if column.phase else None] = list(
                by_name.filter(current_phase=column.phase).values_list("pk", flat=True)[:per_column]
            )
    return [
        pk for column in columns for pk in first.get(column.phase.pk if column.phase else None, [])
    ]


def caseload_board(
    *,
    membership: Membership,
    filters: BoardFilters,
    user,
    phases: list[Phase] | None = None,
    per_column: int = CARDS_PER_COLUMN,
    small_caseload: int = SMALL_CASELOAD,
    sparse_column: int = SPARSE_COLUMN,
) -> Board:
    """The caseload as columns by phase: every column's count and its first ``per_column`` cards
    by name, or one page of a single phase.

    The number of queries never grows with the number of participants. A search, or a caseload of
    up to ``small_caseload`` (a coach's own), is read in one pass; a larger one is counted in
    one aggregate query and its first cards found with at most one query per column (columns are
    the ladder). Then one query reads the cards and one their coaches."""
    if phases is None:
        phases = list(scoped(Phase, membership).order_by("position"))
    participants = board_participants(membership=membership, filters=filters, user=user)
    by_name = participants.order_by("last_name", "first_name", "pk")
    today = timezone.localdate()

    if filters.phase:
        if filters.phase == "none":
            phase = None
        else:
            phase = next((p for p in phases if str(p.pk) == filters.phase), None)
            if phase is None:
                return Board(columns=[], total=0, paged=True, page=filters.page)
        in_column = participants.filter(current_phase=phase)
        column = BoardColumn(
            phase=phase, count=in_column.count(), offset=(filters.page - 1) * per_column
        )
        window = slice(column.offset, column.offset + per_column)
        if column.count <= small_caseload:
            rows = in_column.order_by().values_list(
                "pk", "current_phase_id", "last_name", "first_name"
            )
            page_ids = [row[0] for row in sorted(rows, key=_name_order)[window]]
        else:
            page_ids = list(
                by_name.filter(current_phase=phase).values_list("pk", flat=True)[window]
            )
        column.cards = _cards_in_order(membership, page_ids, today)
        return Board(columns=[column], total=column.count, paged=True, page=filters.page)

    # Read without ORDER BY and put in order here: asked to sort, SQLite walks the name index of
    # the whole organisation even when a coach's forty participants are wanted.
    rows = participants.order_by().values_list("pk", "current_phase_id", "last_name", "first_name")
    if filters.q.strip():
        # Matching a name is the costly part of a search, so a search reads its matches in one
        # pass, however many, rather than testing every name again to count and to fill columns.
        probe, complete = list(rows), True
    else:
        probe = list(rows[: small_caseload + 1])
        complete = len(probe) <= small_caseload
    first_ids: list[int] = []
    if complete:
        probe.sort(key=_name_order)
        counts = Counter(phase_id for _, phase_id, *_ in probe)
        taken: Counter = Counter()
        for pk, phase_id, *_ in probe:
            if taken[phase_id] < per_column:
                taken[phase_id] += 1
                first_ids.append(pk)
    else:
        counts = Counter(
            {
                row["current_phase"]: row["n"]
                for row in participants.order_by().values("current_phase").annotate(n=Count("pk"))
            }
        )
    columns = [
        BoardColumn(phase=phase, count=counts.get(phase.pk, 0))
        for phase in phases
        if phase.is_active or counts.get(phase.pk)
    ]
    if counts.get(None):
        columns.append(BoardColumn(phase=None, count=counts[None]))
    if not complete:
        first_ids = _first_ids_by_phase(by_name, columns, per_column, sparse_column)

    by_phase: dict[int | None, list[Participant]] = {}
    for card in _cards_in_order(membership, first_ids, today):
        by_phase.setdefault(card.current_phase_id, []).append(card)
    for column in columns:
        column.cards = by_phase.get(column.phase.pk if column.phase else None, [])
    return Board(columns=columns, total=sum(counts.values()), paged=False)
