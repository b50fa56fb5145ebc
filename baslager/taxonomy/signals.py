"""Saves through the ORM make this process's search index and linkers stale at once.

Other processes notice through the index key (latest TaxonomyVersion, row count, highest id).
"""

from django.db.models.signals import post_delete, post_save

from .kinds import KINDS
from .linker import linker_clear
from .models import TaxonomyVersion
from .search import index_clear


def _clear_kind(kind: str):
    def receiver(**kwargs):
        index_clear(kind)
        linker_clear(kind)

    return receiver


def _clear_all(**kwargs):
    index_clear()
    linker_clear()


def connect() -> None:
    for kind, model in KINDS.items():
        receiver = _clear_kind(kind)
        post_save.connect(receiver, sender=model, weak=False, dispatch_uid=f"taxonomy-{kind}-save")
        post_delete.connect(
            receiver, sender=model, weak=False, dispatch_uid=f"taxonomy-{kind}-delete"
        )
    post_save.connect(_clear_all, sender=TaxonomyVersion, dispatch_uid="taxonomy-version-save")
    post_delete.connect(_clear_all, sender=TaxonomyVersion, dispatch_uid="taxonomy-version-delete")
