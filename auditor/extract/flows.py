"""Find the mentions of one sentence and assemble them into sample flows with their modality."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from auditor.document.model import Span
from auditor.extract.context import Scope, governing, scopes
from auditor.extract.model import Cue, Mention, SampleFlow
from auditor.extract.places import drop_origins, resolve_ambiguous
from auditor.extract.recipients import from_mention, locate, nearest_recipient, recipient_name
from auditor.pack import load_yaml

_DESTINATIONS = ("PLACE", "VAGUE_FOREIGN", "DOMESTIC", "AMBIG")
_MAX_AFTER = 10  # tokens: an action may follow its destination ("to China, where they will be sequenced")
_MAX_REACH = 25  # tokens: a material further than this from the action belongs to another clause
_MAX_RECEIVER_REACH = 30  # tokens from a receiver's place to its verb ("Investigators at X (Y) ..., with read access to")
_MAX_DEST_REACH = 60  # tokens from the action to its destination ("shipped fresh at 2-8 C, within 24 h, ..., to X")


@dataclass
class SentenceFacts:
    """What one tokenised sentence says: its mentions by group, modality scopes and terminators."""

    groups: dict[str, list] = field(default_factory=dict)
    scopes: list[Scope] = field(default_factory=list)
    terminators: list[int] = field(default_factory=list)
    question: bool = False  # "Will my samples be sent to other countries?" asserts nothing
    parentheses: list[tuple[int, int]] = field(default_factory=list)  # token ranges of "( ... )" groups


def _longest(spans):
    """Drop spans contained in or overlapping a longer one (spaCy's filter_spans rule)."""
    from spacy.util import filter_spans

    return filter_spans(spans)


def sentence_facts(m, doc, has_parentheses: bool = True, text: str | None = None) -> SentenceFacts:
    """Match the vocabulary and cues in one sentence and resolve places (origins, ambiguous names)."""
    from spacy.tokens import Span as SpacySpan

    strings = m.nlp.vocab.strings
    found: dict[str, list] = {"MATERIAL": [], "ACTION": [], "DEST": [], "ORG": [], "ROLE": []}
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
    # `text` is the sentence as a string; doc.text would rebuild it from every token
    for match_id, start, end in m.demonym(doc) if m.demonym_filter.search(doc.text if text is None else text) else ():
        if strings[match_id] == "LABNAME":
            found["ORG"].append(SpacySpan(doc, start, end, label="ORG", kb_id=""))
        else:
            found["DEST"].append(SpacySpan(doc, start, end, label="PLACE", kb_id=_demonym_code(doc[start].text)))
    cues = [c for c in cues if not any(ps <= c[2] and c[3] <= pe for ps, pe in pseudo) and not _number_sign(doc, c[2])]
    groups = {group: _longest(spans) for group, spans in found.items()}
    # Blockers ("sample size", "blood pressure", "length of stay") win the longest match, then disappear.
    groups["MATERIAL"] = [s for s in groups["MATERIAL"] if s.kb_id_ != "none"]
    groups["ACTION"] = [s for s in groups["ACTION"] if s.kb_id_ != "none"]
    # A word inside a material or a recipient's name ("sequencing laboratory") is not the action.
    taken = {i for group in ("MATERIAL", "ORG", "ROLE") for span in groups[group] for i in range(span.start, span.end)}
    groups["ACTION"] = [a for a in groups["ACTION"] if not any(i in taken for i in range(a.start, a.end))
                        and not _attributive(doc, a)]
    groups["DEST"] = _streets(doc, _surnames(doc, _named_after(drop_origins(doc, resolve_ambiguous(doc, groups["DEST"]), origins), groups["ORG"])))
    terms = sorted(terms)
    parentheses = _parentheses(doc, text) if has_parentheses else []
    scope_list = scopes(cues, terms, len(doc), verbal, sorted(modals), parentheses,
                        _conditional_clauses(doc, cues) + _reduced_negations(doc, cues, verbal))
    last = doc[-1].text if len(doc) else ""
    return SentenceFacts(groups, scope_list, terms, last == "?" or last.endswith("?"), parentheses)


def _attributive(doc, action) -> bool:
    """A participle closing a hyphenated compound that stands before a noun describes it ("Culture-Expanded
    Adipose-Derived Stromal Cells", "gene-modified autologous T cells"): no action takes place there. Followed by a
    preposition or punctuation, it is the verb ("are lentivirus-transduced in Shenzhen")."""
    start, end = action.start, action.end
    if end - start != 1 or start < 2 or end >= len(doc):
        return False
    hyphen, before, after = doc[start - 1], doc[start - 2], doc[end]
    if hyphen.text != "-" or hyphen.whitespace_ or before.whitespace_ or not before.is_alpha:
        return False
    prefixes, followers, _ = _grammar()
    if before.lower_ in prefixes:
        return False  # "batch-shipped quarterly", "hand-carried": a way of doing it, still the verb
    return (after.is_alpha and after.lower_ not in _prepositions() and after.lower_ not in followers
            and not after.lower_.endswith("ly"))  # "shipped quarterly"


@lru_cache(maxsize=1)
def _grammar() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(verb prefixes, participle followers, auxiliaries): pack context/triggers.yml."""
    data = load_yaml("context/triggers.yml")
    return tuple(frozenset(str(w).lower() for w in data.get(key) or [])
                 for key in ("verb_prefixes", "participle_followers", "auxiliaries"))


def _reduced_negations(doc, cues, verbal) -> list[tuple[int, int]]:
    """A 'not' with no auxiliary before it, before a participle, negates only that participle's phrase, up to the
    next comma ("genes not previously associated with IEI, de-identified variant data ... are shared with ...
    Tehran": the sharing is not denied)."""
    auxiliaries = _grammar()[2]
    out = []
    for category, _, start, end in cues:
        if category != "negated" or start not in verbal or start == 0 or doc[start - 1].lower_ in auxiliaries:
            continue
        j = end
        while j < len(doc) and doc[j].lower_.endswith("ly"):
            j += 1
        if j >= len(doc) or not doc[j].lower_.endswith(("ed", "en")) or doc[j].lower_ in auxiliaries:
            continue
        comma = next((i for i in range(j, len(doc)) if doc[i].text == ","), None)
        if comma is not None:
            out.append((start - 1, comma))
    return out


def _conditional_clauses(doc, cues) -> list[tuple[int, int]]:
    """Token ranges of clauses a conditional cue opens, each up to the first comma after the cue ("If no
    laboratory in the United States can perform the test, ...")."""
    out = []
    for category, direction, start, end in cues:
        if category != "conditional" or direction == "backward":
            continue
        comma = next((i for i in range(end, len(doc)) if doc[i].text == ","), None)
        if comma is not None:
            out.append((start, comma))
    return out


def _streets(doc, places):
    """Drop a place that names a street: followed by "Road", "Street", ... or a hyphenated address part ("Teheran-ro",
    a street in Seoul). Pack: context/origins.yml street_words, street_suffixes. Drop too the end of a hyphenated
    name ("LiRGen-US", the cohort's name): a capitalised word, a hyphen and the place, with no space between."""
    words, suffixes = _street_words()
    authorities = _authority_after()
    out = []
    for place in places:
        after = [t.lower_ for t in doc[place.end : place.end + 2]]
        if (after[:1] and after[0] in words) or (len(after) == 2 and after[0] == "-" and after[1] in suffixes):
            continue
        following = " ".join(t.lower_ for t in doc[place.end : place.end + 5])
        if following and any(following == a or following.startswith(a + " ") for a in authorities):
            continue  # "the U.S. Food and Drug Administration": an authority, not a destination
        if (place.start >= 2 and doc[place.start - 1].text == "-" and not doc[place.start - 1].whitespace_
                and not doc[place.start - 2].whitespace_ and doc[place.start - 2].text[:1].isupper()):
            continue
        out.append(place)
    return out


@lru_cache(maxsize=1)
def _authority_after() -> tuple[str, ...]:
    return tuple(str(w).lower() for w in load_yaml("context/origins.yml").get("authority_after") or [])


@lru_cache(maxsize=1)
def _street_words() -> tuple[frozenset[str], frozenset[str]]:
    data = load_yaml("context/origins.yml")
    return (frozenset(str(w).lower() for w in data.get("street_words") or []),
            frozenset(str(w).lower() for w in data.get("street_suffixes") or []))


def _number_sign(doc, index: int) -> bool:
    """"No. 12, Keshavarz Boulevard", "No 5 Hospital": "no" before a number is the number sign, not a negation."""
    if doc[index].lower_ not in ("no", "no."):
        return False
    after = doc[index + 1 : index + 3]
    if len(after) and after[0].text in (".", "#") and len(after) > 1:
        return after[1].like_num
    return bool(len(after)) and after[0].like_num and doc[index].text[:1] == "N"


def _surnames(doc, places):
    """Drop a place that is a person's surname: right after a title, or a title and a capitalised first name."""
    titles = _person_titles()
    out = []
    for place in places:
        before = [t.text for t in doc[max(0, place.start - 2) : place.start]]
        if (before[-1:] and before[-1] in titles) or (len(before) == 2 and before[0] in titles and before[1][:1].isupper()):
            continue
        out.append(place)
    return out


@lru_cache(maxsize=1)
def _person_titles() -> frozenset[str]:
    return frozenset(str(t) for t in load_yaml("context/origins.yml").get("person_titles") or [])


def _named_after(places, organisations):
    """Drop a place that is only a word of a recipient's name when the sentence gives the recipient's own place
    right after the name: "Harbin Analytics LLC, Raleigh, North Carolina" is in Raleigh, not Harbin. A name with
    nothing after it ("Eurofins Genomics Shanghai") keeps its place."""
    drop = set()
    for org in organisations:
        inside = [p for p in places if org.start <= p.start and p.end <= org.end]
        if not inside:
            continue
        after = [p for p in places if org.end <= p.start <= org.end + 3]
        # or, in another country, after a street address ("Moscow Mountain Bioinformatics, LLC, 121 East Third
        # Street, Moscow, Idaho"): the name's city is not where it is
        far = [p for p in places if org.end + 3 < p.start <= org.end + _ADDRESS_REACH
               and all(_address_token(t) for t in p.doc[org.end : p.start])]
        if after:
            drop.update(id(p) for p in inside)
        elif far:
            drop.update(id(p) for p in inside if all(p.kb_id_ != q.kb_id_ for q in far))
    return [p for p in places if id(p) not in drop] if drop else places


_ADDRESS_REACH = 12  # tokens of a street address between a recipient's name and its town


def _address_token(token) -> bool:
    """Part of a street address: punctuation, a number, a capitalised word ("East", "Third", "Street", "Suite"), or
    one of the lower-case words addresses hold (pack: context/origins.yml address_words; "|" of a table row)."""
    return token.is_punct or token.like_num or token.text[:1].isupper() or token.lower_ in _address_words()


@lru_cache(maxsize=1)
def _address_words() -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_yaml("context/origins.yml").get("address_words") or [])


def _parentheses(doc, text: str | None = None) -> list[tuple[int, int]]:
    """Token ranges of parenthetical groups: a cue inside one governs only its inside."""
    if text is None:
        tokens = [(t.i, t.text) for t in doc if t.text in ("(", ")")]
    else:  # find the brackets in the string and map them to their tokens (no walk over every token)
        tokens = []
        for match in re.finditer(r"[()]", text):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None and span.text in ("(", ")"):
                tokens.append((span.start, span.text))
    groups, stack = [], []
    for index, mark in tokens:
        if mark == "(":
            stack.append(index)
        elif stack:
            groups.append((stack.pop(), index))
    return groups


def _demonym_code(word: str) -> str:
    from auditor.extract.vocab import vocabulary

    return vocabulary().demonyms.get(word, "")


def to_mention(span, base: int) -> Mention:
    """A spaCy span as a Mention with absolute character offsets."""
    start = base + span.start_char
    return Mention(label=span.label_, span=Span(start=start, end=start + len(span.text)), text=span.text, value=span.kb_id_)


_TRANSFERS = ("ship", "send", "transfer", "share")


def flows_of(document_id: str, doc, base: int, sentence: Span, facts: SentenceFacts,
             inherited: Mention | None = None, directory=None, elsewhere: Mention | None = None,
             pointed_too: bool = False) -> list[SampleFlow]:
    """Pair every destination with the action that governs it and the material that undergoes it.

    `inherited` is the material of the previous sentence, used when this one refers to it by a pronoun;
    `elsewhere` is a place given outside the sentence that it points to ("sent there", "listed below"). A
    sentence that names a recipient but no place is located through the document's `directory`.
    """
    if facts.question:
        return []
    flows = []
    targets = [(dest, None) for dest in facts.groups["DEST"]]
    if not targets:
        targets = [(None, r) for r in facts.groups["ORG"] + facts.groups["ROLE"]]
    else:  # "batched at the Rockville laboratory and sent to CCRA": a recipient located abroad is a target too
        targets += [(None, r) for r in _foreign_unplaced(facts, directory)]
    if elsewhere is not None and (not targets or pointed_too):
        # the place is given elsewhere; with pointed_too, after the sentence's own places ("... to the Biorepository
        # (Columbus, Ohio), which ships them to the bioanalytical vendor in Table 9-2")
        targets = targets + [(None, None)]
    for dest, recipient in targets:
        anchor = dest if dest is not None else recipient if recipient is not None else doc[len(doc) - 1 :]
        if anchor is None:
            continue
        action = _nearest_action(doc, facts.groups["ACTION"], anchor)
        if action is None:
            continue
        material = _nearest_material(facts.groups["MATERIAL"], action, facts.parentheses)
        if action.end <= anchor.start and any(t.text == ";" for t in doc[action.end : anchor.start]):
            # the place is in a clause of its own with its own receiving verb ("...; personnel of the parent
            # company located outside the United States have no access to UNDGN data"): that verb governs it
            own = _receiving_after(doc, facts.groups["ACTION"], anchor)
            if own is not None and not any(t.text == ";" for t in doc[anchor.end : own.start]):
                # its own material, else the sentence's ("no specimen ... is transferred ...; personnel ... have
                # no access"): the clause's verb, with its negation, decides the modality
                action, material = own, _nearest_material(facts.groups["MATERIAL"], own, facts.parentheses) or material
        if material is None and inherited is None and action.end <= anchor.start:
            # the word before is no transfer of anything ("led by the East Asian analysis node at the ... Hong Kong
            # SAR, which will receive imputed dosages"): the place's own receiving verb, if one follows
            receiving = _receiving_after(doc, facts.groups["ACTION"], anchor)
            if receiving is not None:
                action = receiving
                material = _nearest_material(facts.groups["MATERIAL"], action, facts.parentheses)
        material_mention = to_mention(material, base) if material is not None else inherited
        if material_mention is None:
            continue
        recipient = recipient or (nearest_recipient(facts, action, dest) if dest is not None else None)
        if dest is not None:
            kind, country = _destination(dest, action.kb_id_)
            located = None
        else:
            kind, country, located = locate(recipient, directory) if recipient is not None else ("unknown", None, None)
            if kind == "unknown" and elsewhere is not None:
                kind, country, located = from_mention(elsewhere)
            if kind == "unknown" and action.kb_id_ not in _TRANSFERS:
                continue  # "analysed by the laboratory": only a shipment to an unlocated recipient is worth a flow
        scope = _modality_scope(facts.scopes, facts.terminators, action, anchor)
        modality = scope.category if scope else "asserted"
        if modality in ("asserted", "possible", "conditional") and _past(doc, action):
            modality = "historical"
        flows.append(SampleFlow(
            document=document_id, material=material_mention.value, action=action.kb_id_, destination_kind=kind,
            country=country, modality=modality, sentence=sentence,
            material_mention=material_mention, action_mention=to_mention(action, base),
            destination_mention=to_mention(dest, base) if dest is not None else None,
            cue=_cue(doc, base, scope), organisation=recipient_name(recipient),
            organisation_mention=to_mention(recipient, base) if recipient is not None else None,
            located_by=located,
        ))
    return flows


_PLACE_REACH = 4  # tokens: "Synlab in Moscow", "CCRA (Havana)": a place this close after a recipient is its own


def _foreign_unplaced(facts, directory) -> list:
    """Recipients of a sentence that also names places, none of them the recipient's own, whom the document's
    tables locate outside the United States."""
    if directory is None:
        return []
    out = []
    for recipient in facts.groups["ORG"] + facts.groups["ROLE"]:
        if any(d.start <= recipient.end + _PLACE_REACH and d.end >= recipient.start for d in facts.groups["DEST"]):
            continue
        kind, _, _ = locate(recipient, directory)
        if kind == "country":
            out.append(recipient)
    return out


def _past(doc, action) -> bool:
    """'were shipped', 'was previously sent', 'used to be sent': the action is told in the past."""
    window = " ".join(t.lower_ for t in doc[max(0, action.start - 3) : action.start])
    words = window.split()
    return any(w in _past_auxiliaries() for w in words[-2:]) or any(
        f" {p} " in f" {window} " for p in _past_auxiliaries() if " " in p)


def _cue(doc, base: int, scope: Scope | None) -> Cue | None:
    if scope is None:
        return None
    span = doc[scope.cue_start : scope.cue_end]
    return Cue(category=scope.category, text=span.text, span=Span(start=base + span.start_char, end=base + span.end_char))


def _nearest_action(doc, actions, dest):
    """The action before the destination; else one shortly after it, if a preposition introduces the place
    ("researchers in Japan will study"), so that a subject such as "Site 1012 (Chicago) ships" is no destination."""
    before = [a for a in actions if a.end <= dest.start and dest.start - a.end <= _MAX_DEST_REACH]
    if before:
        return max(before, key=lambda a: a.end)
    window = {t.lower_ for t in doc[max(0, dest.start - 3) : dest.start]}
    if not window & _prepositions():
        # the subject's place, when the subject is the receiver ("The Saint Petersburg team downloads the VCF")
        return _receiving_after(doc, actions, dest)
    after = [a for a in actions if a.start >= dest.end and a.start - dest.end <= _MAX_AFTER]
    return min(after, key=lambda a: a.start) if after else None


def _receiving_after(doc, actions, dest):
    """The first receiving verb ("receive", "download", "access") shortly after the place, in its clause."""
    receiving = [a for a in actions if a.start >= dest.end and a.start - dest.end <= _MAX_RECEIVER_REACH
                 and a.text.lower() in _receiving_actions()
                 and not _new_clause(doc[dest.end : a.start], relative=True)]
    return min(receiving, key=lambda a: a.start) if receiving else None


_PLACE_TAILS = frozenset({"sar", ")", "prc"})  # "Hong Kong SAR, which": the place's own last word
_CLAUSE_JOINERS = frozenset({"and", "but", "or", "which", "where", "while", "whereas"})


def _new_clause(tokens, relative: bool = False) -> bool:
    """Does another clause begin in these tokens (";", ", and", ", which"): then the place before it is not the
    receiving verb's subject ("China is a country of concern, and its government could seek access to samples").
    With `relative`, a first ", which" or ", who" right after the place (or its "SAR") opens a clause about the place
    itself ("Victoria Harbour University, Hong Kong SAR, which will receive individual-level dosages")."""
    words = [t.lower_ for t in tokens]
    if relative and len(words) >= 2:
        lead = 1 if words[0] in _PLACE_TAILS else 0
        if words[lead : lead + 2] in ([",", "which"], [",", "who"]):
            words = words[lead + 2 :]
    return ";" in words or any(a == "," and b in _CLAUSE_JOINERS for a, b in zip(words, words[1:]))


@lru_cache(maxsize=1)
def _receiving_actions() -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_yaml("context/origins.yml").get("receiving_actions") or [])


@lru_cache(maxsize=1)
def _prepositions() -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_yaml("context/origins.yml")["destination_prepositions"])


@lru_cache(maxsize=1)
def _past_auxiliaries() -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_yaml("context/triggers.yml").get("past_auxiliaries") or [])


def _nearest_material(materials, action, parentheses=()):
    """The material the action acts on: the nearest one within reach, before it if any. A material inside a
    parenthesis the action is not in is an aside ("analysis (... in cfDNA) is processed by"), and a parenthesis
    between them does not count toward the distance."""
    outside = [m for m in materials if not _aside(m, action, parentheses)]
    materials = [m for m in outside if _distance(m, action, parentheses) <= _MAX_REACH]
    if not materials:
        return None
    before = [m for m in materials if m.end <= action.start]
    pool = before or materials
    return min(pool, key=lambda m: _distance(m, action, parentheses))


def _aside(span, action, parentheses) -> bool:
    return any(a < span.start and span.end <= b + 1 and not (a <= action.start <= b) for a, b in parentheses)


def _distance(span, action, parentheses) -> int:
    low, high = (span.end, action.start) if span.end <= action.start else (action.end, span.start)
    skipped = sum(b - a + 1 for a, b in parentheses if low <= a and b < high)
    return max(0, high - low - skipped)


def _modality_scope(scope_list: list[Scope], terminators: list[int], action, dest) -> Scope | None:
    """The cue governing the action, unless a terminator separates action and destination
    ("not sent outside the US except to the laboratory in Germany"): then the destination's own cue."""
    if action.start < dest.start and any(action.start < t < dest.start for t in terminators):
        return governing(scope_list, dest.start)
    if action.start < dest.start:  # "shared with companies in the United States, never outside the United States"
        own = governing(scope_list, dest.start)
        if own is not None and own.category == "negated" and action.end <= own.cue_start < dest.start:
            return own
    return governing(scope_list, action.start) or governing(scope_list, dest.start)


def _destination(dest, action: str = "") -> tuple[str, str | None]:
    from auditor.extract.vocab import vocabulary

    if dest.label_ == "VAGUE_FOREIGN":
        return "vague_foreign", None
    if dest.label_ == "DOMESTIC" or dest.kb_id_ in vocabulary().domestic:
        # "leave the United States" names the origin: the material goes somewhere outside it
        return ("vague_foreign", None) if action == "leave" else ("domestic", "US")
    return "country", dest.kb_id_ or None
