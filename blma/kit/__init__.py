"""The joint-committee kit: terms of reference and an implementation tracker for an instrument."""

from blma.kit.build import kit_from_agreement, kit_from_spec
from blma.kit.models import Kit, Obligation

__all__ = ["Kit", "Obligation", "kit_from_agreement", "kit_from_spec"]
