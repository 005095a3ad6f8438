"""Find the mentions of one sentence and assemble them into sample flows with their modality."""

from __future__ import annotations

from dataclasses import dataclass, field

from auditor.document.model import Span
from auditor.extract.context import Scope, governing, scopes
from auditor.extract.model import Cue, Mention, SampleFlow
from auditor.extract.places import drop_origins, resolve_ambiguous

_DESTINATIONS = ("PLACE", "VAGUE_FOREIGN", "DOMESTIC", "AMBIG")
_MAX_AFTER = 10  # tokens: an action may follow its destination ("to China, where they will be sequenced")


@dataclass
class SentenceFacts:
    """What one tokenised sentence says: its mentions by group, modality scopes and terminators."""

    groups: dict[str, list] = field(default_factory=dict)
    scopes: list[Scope] = field(default_factory=list)
    terminators: list[int] = field(default_factory=list)


def _longest(spans):
    """Drop spans contained in or overlapping a longer one (spaCy's filter_spans rule)."""
    from spacy.util import filter_spans

    return filter_spans(spans)


def sentence_facts(m, doc) -> SentenceFacts:
    """Match the vocabulary and cues in one sentence and resolve places (origins, ambiguous names)."""
    from spacy.tokens import Span as SpacySpan

    strings = m.nlp.vocab.strings
    found: dict[str, list] = {"MATERIAL": [], "ACTION": [], "DEST": []}
    cues, terms, pseudo, modals, verbal, origins = [], [], [], [], set(), []
    for match_id, start, end in [*m.lower(doc), *m.exact(doc)]:
        label, _, value = strings[match_id].partition("|")
        if label == "TERM":
            terms.append(start)
        elif label == "PSEUDO":
            pseudo.append((start, end))
        elif label == "MODAL":
            modals.append(start)
        elif label == "VERBAL":
            verbal.add(start)
        elif label == "ORIGIN":
            origins.append(end)
        elif label == "CUE":
            category, direction = value.split("|")
            cues.append((category, direction, start, end))
        else:
            group = "DEST" if label in _DESTINATIONS else label
            found[group].append(SpacySpan(doc, start, end, label=label, kb_id=value))
    for _, start, end in m.demonym(doc):
        found["DEST"].append(SpacySpan(doc, start, end, label="PLACE", kb_id=_demonym_code(doc[start].text)))
    cues = [c for c in cues if not any(ps <= c[2] and c[3] <= pe for ps, pe in pseudo)]
    groups = {group: _longest(spans) for group, spans in found.items()}
    taken = {i for span in groups["MATERIAL"] for i in range(span.start, span.end)}
    groups["ACTION"] = [a for a in groups["ACTION"] if not any(i in taken for i in range(a.start, a.end))]
    groups["DEST"] = drop_origins(doc, resolve_ambiguous(doc, groups["DEST"]), origins)
    terms = sorted(terms)
    return SentenceFacts(groups, scopes(cues, terms, len(doc), verbal, sorted(modals)), terms)


def _demonym_code(word: str) -> str:
    from auditor.extract.vocab import vocabulary

    return vocabulary().demonyms.get(word, "")


def to_mention(span, base: int) -> Mention:
    """A spaCy span as a Mention with absolute character offsets."""
    start = base + span.start_char
    return Mention(label=span.label_, span=Span(start=start, end=start + len(span.text)), text=span.text, value=span.kb_id_)


def flows_of(document_id: str, doc, base: int, sentence: Span, facts: SentenceFacts,
             inherited: Mention | None = None) -> list[SampleFlow]:
    """Pair every destination with the action that governs it and the material that undergoes it.

    `inherited` is the material of the previous sentence, used when this one refers to it by a pronoun.
    """
    flows = []
    for dest in facts.groups["DEST"]:
        action = _nearest_action(facts.groups["ACTION"], dest)
        if action is None:
            continue
        material = _nearest_material(facts.groups["MATERIAL"], action)
        if material is not None:
            material_mention = to_mention(material, base)
        elif inherited is not None:
            material_mention = inherited
        else:
            continue
        scope = _modality_scope(facts.scopes, facts.terminators, action, dest)
        cue = None
        if scope:
            cue_span = doc[scope.cue_start : scope.cue_end]
            cue = Cue(category=scope.category, text=cue_span.text,
                      span=Span(start=base + cue_span.start_char, end=base + cue_span.end_char))
        kind, country = _destination(dest, action.kb_id_)
        flows.append(SampleFlow(
            document=document_id, material=material_mention.value, action=action.kb_id_, destination_kind=kind,
            country=country, modality=scope.category if scope else "asserted", sentence=sentence,
            material_mention=material_mention, action_mention=to_mention(action, base),
            destination_mention=to_mention(dest, base), cue=cue,
        ))
    return flows


def _nearest_action(actions, dest):
    before = [a for a in actions if a.end <= dest.start]
    if before:
        return max(before, key=lambda a: a.end)
    after = [a for a in actions if a.start >= dest.end and a.start - dest.end <= _MAX_AFTER]
    return min(after, key=lambda a: a.start) if after else None


def _nearest_material(materials, action):
    if not materials:
        return None
    before = [m for m in materials if m.end <= action.start]
    pool = before or materials
    return min(pool, key=lambda m: abs(action.start - m.end))


def _modality_scope(scope_list: list[Scope], terminators: list[int], action, dest) -> Scope | None:
    """The cue governing the action, unless a terminator separates action and destination
    ("not sent outside the US except to the laboratory in Germany"): then the destination's own cue."""
    low, high = sorted((action.start, dest.start))
    if any(low < t < high for t in terminators):
        return governing(scope_list, dest.start)
    return governing(scope_list, action.start) or governing(scope_list, dest.start)


def _destination(dest, action: str = "") -> tuple[str, str | None]:
    from auditor.extract.vocab import vocabulary

    if dest.label_ == "VAGUE_FOREIGN":
        return "vague_foreign", None
    if dest.label_ == "DOMESTIC" or dest.kb_id_ in vocabulary().domestic:
        # "leave the United States" names the origin: the material goes somewhere outside it
        return ("vague_foreign", None) if action == "leave" else ("domestic", "US")
    return "country", dest.kb_id_ or None
