"""What extraction finds: mentions of materials, actions and places, and the flows they form."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from auditor.document.model import Span

Modality = Literal["asserted", "negated", "possible", "conditional", "hypothetical", "historical"]
LIVE: tuple[str, ...] = ("asserted", "possible", "conditional")  # modalities that state a current plan
DestinationKind = Literal["country", "vague_foreign", "domestic", "unknown"]
MentionLabel = Literal["MATERIAL", "ACTION", "PLACE", "VAGUE_FOREIGN", "DOMESTIC", "ORG", "ROLE"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Mention(_Frozen):
    """A matched phrase: its label, where it is, and what it means (e.g. an ISO country code)."""

    label: MentionLabel
    span: Span
    text: str
    value: str  # normalised: material class, action class, ISO code, "US", "FOREIGN", organisation id


class Cue(_Frozen):
    """A modality trigger (negation, hedge, condition, history) that governs a mention."""

    category: Modality
    text: str
    span: Span


class SampleFlow(_Frozen):
    """A statement that a material goes (or does not go) somewhere, with its evidence."""

    document: str
    material: str
    action: str
    destination_kind: DestinationKind
    country: str | None  # ISO 3166 alpha-2; None for vague or unknown destinations
    modality: Modality
    sentence: Span
    material_mention: Mention
    action_mention: Mention
    destination_mention: Mention | None  # None when the destination is unknown
    cue: Cue | None = None
    organisation: str | None = None  # the recipient's name as written (or the pack's name for a known one)
    organisation_mention: Mention | None = None
    located_by: Mention | None = None  # the place, elsewhere in the document, that locates the recipient

    @property
    def destination(self) -> str:
        """The destination as written ('Shanghai', 'outside the United States'), or 'unknown'."""
        mention = self.destination_mention or self.located_by
        return mention.text if mention else "unknown"

    @property
    def foreign(self) -> bool:
        """True when the flow leaves the United States (a named foreign country or a vague cue)."""
        return self.destination_kind == "vague_foreign" or (
            self.destination_kind == "country" and self.country not in (None, "US")
        )


class Extraction(_Frozen):
    """All mentions and flows of one document."""

    document: str
    mentions: tuple[Mention, ...]
    flows: tuple[SampleFlow, ...]
