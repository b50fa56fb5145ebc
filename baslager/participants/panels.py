"""The participant page is composed of panels that the apps above ``participants`` provide.

``participants`` sits low in the layering, so its page cannot import the plans, the journal, the
placements or the matching: each of them registers its panel on ``participant_page`` in its
``AppConfig.ready()`` (see ``baslager.core.panels``).
"""

from baslager.core.panels import Panels

participant_page = Panels(
    object_name="participant",
    url_kwargs=lambda participant: {"participant": participant.public_id},
)

# What stands above the next steps: the state of the case as a whole (closed, or ready to close).
participant_status = Panels(
    object_name="participant",
    url_kwargs=lambda participant: {"participant": participant.public_id},
)
