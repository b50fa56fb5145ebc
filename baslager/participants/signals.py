from django.dispatch import Signal

# Sent by ``participant_register`` inside its transaction, once the new participant is saved,
# with ``participant``, ``membership`` and ``actor``. The apps above participants (the phases)
# do their part of the intake here, so that participants need not import them.
participant_registered = Signal()
