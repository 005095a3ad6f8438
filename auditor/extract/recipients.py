"""Recipients of a flow: the laboratory or role a sentence names, and where the document locates it."""

from __future__ import annotations

from auditor.extract.model import Mention


def nearest_recipient(facts, action, dest):
    """The recipient named between the action and its place ("shipped to X Laboratory in Y"), if any."""
    low, high = sorted((action.start, dest.end))
    inside = [r for r in facts.groups["ORG"] + facts.groups["ROLE"] if low <= r.start and r.end <= high + 3]
    return inside[0] if inside else None


def recipient_name(recipient) -> str | None:
    """The recipient's name: the pack's name for a known organisation, else as written."""
    if recipient is None:
        return None
    from auditor.extract.vocab import vocabulary

    known = vocabulary().organisations.get(recipient.kb_id_) if recipient.label_ == "ORG" else None
    return known["name"] if known else recipient.text


def locate(recipient, directory):
    """(kind, country, place mention) of a recipient named without a place in its sentence."""
    from auditor.extract.directory import recipient_keys
    from auditor.extract.vocab import vocabulary

    for key in recipient_keys(recipient) if directory is not None else []:
        entry = directory.find(key)
        if entry is not None:
            return ("domestic", "US", entry.place) if entry.code == "US" else ("country", entry.code, entry.place)
    known = vocabulary().organisations.get(recipient.kb_id_) if recipient.label_ == "ORG" else None
    if known and known.get("single_country") and known.get("headquarters"):
        code = known["headquarters"]
        return ("domestic", "US", None) if code in vocabulary().domestic else ("country", code, None)
    return "unknown", None, None


def from_mention(place: Mention):
    """(kind, country, mention) for a destination carried over from the previous sentence ("there")."""
    if place.label == "VAGUE_FOREIGN":
        return "vague_foreign", None, place
    return ("domestic", "US", place) if place.value == "US" else ("country", place.value, place)
