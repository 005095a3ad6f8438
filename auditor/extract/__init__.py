"""Extract mentions and sample flows from a Document: cheap pre-filter, then spaCy matching on candidates."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the pydantic models load with extraction, not with `auditor.extract.vocab` (the reader's pack)
    from auditor.document.model import Document, Sentence
    from auditor.extract.model import Extraction, Mention, SampleFlow


def prepare() -> None:
    """Build the matchers and compile the filters now (the first extraction would otherwise)."""
    from auditor.document.scan import prepare as prepare_scan
    from auditor.extract.directory import prepare as prepare_directory
    from auditor.extract.nlp import matchers

    prepare_scan((matchers().material_filter.pattern,))  # the candidate filter's literals and compiled search
    prepare_directory()
    _references()
    _product_definitions()
    _made_for_the_product()
    _party_nouns()
    _anaphora_filter()
    _header_cue()
    _future_filter()


def extract(document: Document) -> Extraction:
    """Find where the document says specimens, cells and genetic data go, and how firmly it says so."""
    from auditor.extract.directory import build_directory
    from auditor.extract.flows import flows_of, sentence_facts, to_mention
    from auditor.extract.model import Extraction
    from auditor.extract.nlp import matchers

    m = matchers()
    text = document.text
    skipped = _sections_titled(document, "patterns/skip_sections.yml", "titles")
    historical = _sections_titled(document, "context/sections.yml", "historical_sections")
    products = _product_codes(document)
    candidates = _candidates(document, m.material_filter, skipped, products)
    directory = build_directory(document, m, sentence_facts, skipped)
    mentions: list[Mention] = []
    flows: list[SampleFlow] = []
    seen = set()
    last_material: dict[int, Mention] = {}  # block -> the last material mentioned in it
    last_place: dict[int, Mention] = {}  # block -> the last place mentioned in it (for "sent there")
    docs = m.nlp.tokenizer.pipe(text[s.span.start : s.span.end] for s in candidates)
    for sentence, doc in zip(candidates, docs):
        base = sentence.span.start
        words = text[sentence.span.start : sentence.span.end]  # the sentence as a string (doc.text rebuilds it)
        facts = sentence_facts(m, doc, "(" in words, words)
        inherited = last_material.get(sentence.block)
        if inherited is None and _next_item(document, sentence.block - 1, sentence.block):
            inherited = last_material.get(sentence.block - 1)
        # the words after the sentence's own places name what a table reference points to
        cut = max((d.end_char for d in facts.groups["DEST"]), default=0)
        elsewhere = _pointed_place(words, sentence.block, last_place, directory, document, words[cut:])
        antecedent = None
        if elsewhere is None and not facts.groups["DEST"]:
            antecedent = _antecedent_recipient(document, sentence, facts, directory, m)
            if antecedent is not None:
                elsewhere = antecedent[0]
        # with an antecedent recipient, the parties the sentence names are the sender, not where it sends
        flow_facts = facts if antecedent is None else replace(facts, groups={**facts.groups, "ORG": [], "ROLE": []})
        _add_cell_names(facts, doc, directory, words)
        if products:
            _add_products(facts, doc, words, products)
        if document.blocks[sentence.block].kind == "table_row":
            _table_row_action(facts, doc, document, sentence.block, m)
        elif document.blocks[sentence.block].kind == "list_item":
            _list_item_action(facts, doc, document, sentence.block)
        if facts.groups["MATERIAL"]:
            last_material[sentence.block] = to_mention(facts.groups["MATERIAL"][-1], base)
        places = [p for p in facts.groups["DEST"] if p.label_ in ("PLACE", "VAGUE_FOREIGN")]
        if places:
            last_place[sentence.block] = to_mention(places[-1], base)
        referred = []
        if elsewhere is None and not (facts.groups["DEST"] or facts.groups["ORG"] or facts.groups["ROLE"]):
            # "The partner institutions are X (Leiden) and Y, Moscow. Partners access the workspace remotely and
            # may download variant-level data": the parties the sentence before placed receive
            referred = _referred_parties(document, sentence, facts, doc, m)
        if elsewhere is None and not facts.groups["DEST"] and not referred:
            referred = _parties_listed_next(document, sentence, facts, doc, m)
        listed = []
        if elsewhere is None and not facts.groups["DEST"] and words.rstrip().endswith(":"):
            # "They will be dispatched to the following recipient:" or "Serum aliquots are shipped ... to:" and the
            # place is in the list or the address below
            listed = _listed_places(document, sentence.block, m)
        if not (facts.groups["DEST"] or facts.groups["ORG"] or facts.groups["ROLE"] or elsewhere or referred or listed):
            continue
        for group in facts.groups.values():
            mentions.extend(to_mention(span, base) for span in group)
        past = document.blocks[sentence.block].section in historical and not _future(words)
        pronoun = inherited if _anaphoric(words) else None
        pointed = listed or referred or [(elsewhere, antecedent[1] if antecedent is not None else None)]
        found = []
        late = _TABLE_REF.search(words)
        pointed_too = bool(late and elsewhere is not None and cut and late.start() > cut)
        for place, named in pointed:
            for flow in flows_of(document.id, doc, base, sentence.span, flow_facts, pronoun, directory, place,
                                 pointed_too):
                if named is not None and flow.destination_mention is None and flow.located_by == place:
                    flow = flow.model_copy(update={"organisation": named[0], "organisation_mention": named[1]})
                found.append(flow)
        for flow in found:
            if past and flow.modality in ("asserted", "possible", "conditional"):
                flow = flow.model_copy(update={"modality": "historical"})
            key = (flow.sentence.start, flow.material, flow.action, flow.destination_kind, flow.country, flow.modality)
            if key not in seen:
                seen.add(key)
                flows.append(flow)
    mentions.sort(key=lambda x: (x.span.start, x.span.end))
    return Extraction(document=document.id, mentions=tuple(mentions), flows=tuple(flows))


def _antecedent_recipient(document: Document, sentence: Sentence, facts, directory, m):
    """(place, (name, mention)) of the recipient a shipping sentence leaves to the sentence before it: "... at the
    designated arbovirus reference laboratory (see Appendix C). Suncoast Central Laboratory forwards one aliquot
    per timepoint ...". Only for a sentence that names material and a transfer but no place, whose only named
    parties come before the verb (the sender); the sentence before, in the same block, must name a recipient the
    document locates (and not the sender's own place)."""
    from auditor.extract.flows import _TRANSFERS, to_mention
    from auditor.extract.recipients import locate, recipient_name

    transfers = [a for a in facts.groups["ACTION"] if a.kb_id_ in _TRANSFERS]
    if not facts.groups["MATERIAL"] or not transfers:
        return None
    verb = transfers[0].start
    parties = facts.groups["ORG"] + facts.groups["ROLE"]
    if any(p.start >= verb for p in parties):
        return None  # a recipient after the verb: the sentence says where it goes
    found = _previous_facts(document, sentence, m)
    if found is None:
        return None
    before, previous = found
    if previous.groups["DEST"] or previous.groups["MATERIAL"]:
        return None  # a sentence with its own place or material is read on its own
    senders = {located.span.start for p in parties if (located := locate(p, directory)[2]) is not None}
    for party in previous.groups["ORG"] + previous.groups["ROLE"]:
        kind, _, place = locate(party, directory)
        if kind != "unknown" and place is not None and place.span.start not in senders:
            return place, (recipient_name(party), to_mention(party, before.span.start))
    return None


def _referred_parties(document: Document, sentence: Sentence, facts, doc, m) -> list:
    """[(place, None)] for each country the sentence before (same paragraph) places, when this sentence's subject
    is a word for those parties ("Partners", "Collaborators", "They"; pack: context/origins.yml party_nouns) just
    before a receiving verb ("access", "download")."""
    from auditor.extract.flows import _receiving_actions, to_mention

    if not facts.groups["MATERIAL"]:
        return []
    receiving = [a for a in facts.groups["ACTION"] if a.text.lower() in _receiving_actions()]
    if not receiving:
        return []
    subject = {t.lower_ for t in doc[max(0, receiving[0].start - 3) : receiving[0].start]}
    if not subject & _party_nouns():
        return []
    found = _previous_facts(document, sentence, m)
    if found is None:
        return []
    return _places_of(*found)


def _places_of(other: Sentence, facts) -> list:
    """[(place, None)] once for each country another sentence places."""
    from auditor.extract.flows import to_mention

    out, seen = [], set()
    for place in facts.groups["DEST"]:
        if place.label_ == "PLACE" and place.kb_id_ not in seen:
            seen.add(place.kb_id_)
            out.append((to_mention(place, other.span.start), None))
    return out


def _parties_listed_next(document: Document, sentence: Sentence, facts, doc, m) -> list:
    """[(place, None)] for the countries of the parties the next sentence or list item lists, when this one makes
    data available to those parties without saying where they are: "genotype ... data are made available in the
    workspace to analysts at member institutions;" / "current member institutions outside the United States
    include ... (Saint Petersburg, Russian Federation);". The next one names the same party word and no material."""
    from auditor.extract.flows import sentence_facts

    if not facts.groups["MATERIAL"] or not facts.groups["ACTION"]:
        return []
    after = {t.lower_ for t in doc[facts.groups["ACTION"][0].end :]}
    nouns = after & _party_nouns()
    if not nouns:
        return []
    index = _sentence_index(document, sentence)
    if index is None or index + 1 >= len(document.sentences):
        return []
    following = document.sentences[index + 1]
    same_list = (following.block == sentence.block or (following.block == sentence.block + 1
                 and document.blocks[sentence.block].kind == document.blocks[following.block].kind == "list_item"))
    if not same_list:
        return []
    text = document.text[following.span.start : following.span.end]
    if not any(n in text.lower() for n in nouns):
        return []
    next_facts = sentence_facts(m, m.nlp.make_doc(text), "(" in text, text)
    if next_facts.groups["MATERIAL"]:
        return []
    return _places_of(following, next_facts)


def _previous_facts(document: Document, sentence: Sentence, m):
    """(the sentence before this one in its paragraph, what it says), or None if it opens the paragraph."""
    from auditor.extract.flows import sentence_facts

    index = _sentence_index(document, sentence)
    if index is None or index == 0 or document.sentences[index - 1].block != sentence.block:
        return None
    before = document.sentences[index - 1]
    text = document.text[before.span.start : before.span.end]
    return before, sentence_facts(m, m.nlp.make_doc(text), "(" in text, text)


@lru_cache(maxsize=1)
def _party_nouns() -> frozenset[str]:
    from auditor.pack import load_yaml

    return frozenset(str(w).lower() for w in load_yaml("context/origins.yml").get("party_nouns") or [])


def _sentence_index(document: Document, sentence: Sentence) -> int | None:
    from bisect import bisect_left

    index = bisect_left(document.sentences, sentence.span.start, key=lambda s: s.span.start)
    return index if index < len(document.sentences) and document.sentences[index] == sentence else None


# "Table 9-2", and a lettered or numbered appendix that holds a table ("the subcontractor listed in Appendix D")
_TABLE_REF = re.compile(r"\b(?:Table\s+\d+(?:[.-]\d+)*|(?:Appendix|Annex|Attachment)\s+(?:[A-Z]|\d+(?:[.-]\d+)*))\b")
_WORDS = re.compile(r"[a-z]{4,}")


def _numbered_table_place(document: Document, directory, label: str, sentence: str):
    """The place of a numbered table ("Table 9-2") that the sentence refers to: the table's one country, or, when
    its rows are in several, the row that shares the most words with the sentence (at least two, and no tie)."""
    # "Table 9-2 ...", "APPENDIX D  LABORATORIES AND VENDORS"
    caption = re.compile(r"^\s*" + r"\s+".join(re.escape(w) for w in label.split()) + r"\b", re.IGNORECASE)
    for block in document.blocks:
        if block.kind == "table_row" or not caption.match(document.text[block.span.start : block.span.end]):
            continue
        table = next((t for t in directory.tables if block.index < t.first <= block.index + 2), None)
        if table is None:
            continue
        if len({e.code for e in table.entries}) == 1:
            return table.entries[0]
        said = set(_WORDS.findall(sentence.lower()))
        scored = []
        for entry in table.entries:
            row = next((b for b in document.blocks[table.first : table.last + 1]
                        if b.span.start <= entry.place.span.start < b.span.end), None)
            if row is not None:
                scored.append((len(said & set(_WORDS.findall(document.text[row.span.start : row.span.end].lower()))), entry))
        scored.sort(key=lambda item: -item[0])
        if scored and scored[0][0] >= 2 and (len(scored) == 1 or scored[1][0] < scored[0][0]
                                             or scored[1][1].code == scored[0][1].code):
            return scored[0][1]
    return None


_THERE = re.compile(r"\bthere\b(?!\s+(?:is|are|was|were|will|may|might|could|has|have)\b)", re.IGNORECASE)


def _pointed_place(sentence: str, block: int, last_place: dict, directory, document=None,
                   tail: str | None = None) -> Mention | None:
    """A place outside the sentence that it points to: "sent there", "the laboratory listed below", "the
    bioanalytical vendor in Table 9-2"."""
    if _THERE.search(sentence) and block in last_place:
        return last_place[block]
    named = _TABLE_REF.search(sentence) if document is not None else None
    if named:
        entry = _numbered_table_place(document, directory, " ".join(named.group().split()),
                                      tail if tail is not None else sentence)
        if entry is not None:
            return entry.place
    references, reach = _references()
    for direction, pattern in references.items():
        if pattern.search(sentence):
            entry = directory.table_near(block, direction, reach)
            if entry is not None:
                return entry.place
    return None


@lru_cache(maxsize=1)
def _references() -> tuple[dict[str, re.Pattern], int]:
    from auditor.pack import load_yaml

    data = load_yaml("patterns/references.yml")
    patterns = {d: re.compile(r"\b(?:" + "|".join(re.escape(p) for p in data[d]) + r")\b", re.IGNORECASE)
                for d in ("this", "below", "above")}
    return patterns, int(data.get("max_blocks_away", 4))


_LIST_REACH = 6  # blocks: the list items a sentence ending in a colon introduces
_ADDRESS_WORDS = 40  # an address block after such a sentence is at most this long


def _listed_places(document: Document, block_index: int, m) -> list[tuple[Mention, tuple | None]]:
    """The places named in the list items (or table rows) right after a block that ends with a colon, one per
    country in the order given, each with the (name, mention) of the recipient its item names, if any."""
    from auditor.extract.flows import sentence_facts, to_mention
    from auditor.extract.recipients import recipient_name

    out: dict[str, tuple[Mention, tuple | None]] = {}
    blocks = document.blocks
    for block in blocks[block_index + 1 : block_index + 1 + _LIST_REACH]:
        text = document.text[block.span.start : block.span.end]
        # an address set out on its own lines ("shipped on dry ice every 6 months to:" / "Laboratorio ... / Calle
        # 216 ... / La Habana, Cuba"): a short paragraph right after the colon, with no sentence end
        address = (block.index == block_index + 1 and block.kind == "paragraph" and len(text.split()) <= _ADDRESS_WORDS
                   and not text.rstrip().endswith((".", ";", ":", "?", "!")))
        if (block.kind not in ("list_item", "table_row") and not address) or block.section != blocks[block_index].section:
            break
        facts = sentence_facts(m, m.nlp.make_doc(text), "(" in text, text)
        names = facts.groups["ORG"]
        named = (recipient_name(names[0]), to_mention(names[0], block.span.start)) if names else None
        for place in facts.groups["DEST"]:
            if place.label_ in ("PLACE", "VAGUE_FOREIGN"):
                mention = to_mention(place, block.span.start)
                out.setdefault(mention.value, (mention, named))
    return list(out.values())


def _product_codes(document: Document) -> re.Pattern | None:
    """The codes the document defines as a cell product (pack: patterns/product_aliases.yml), as one pattern."""
    from auditor.document.scan import sentence_lines

    definitions, _, required = _product_definitions()
    lines = sentence_lines(document)
    if lines.folded is None:
        texts = [lines.text]
    else:
        indices = sorted({i for word in required for i in lines.lines_with(word)})
        texts = [lines.text[lines.starts[i] : lines.end(i)] for i in indices]
    codes = {m.group(1) for text in texts for pattern in definitions for m in pattern.finditer(text)}
    codes = {c for c in codes if len(c) >= 3 and (any(ch.isdigit() for ch in c) or "-" in c)}
    if not codes:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(c) for c in sorted(codes, key=len, reverse=True)) + r")(?![\w-])")


@lru_cache(maxsize=1)
def _product_definitions() -> tuple[list[re.Pattern], str, tuple[str, ...]]:
    """The definition patterns, the material a defined code stands for, and the words a definition needs."""
    from auditor.pack import load_yaml

    data = load_yaml("patterns/product_aliases.yml")
    return ([re.compile(p) for p in data["definitions"]], str(data["material"]),
            tuple(str(w).lower() for w in data["required_words"]))


def _add_products(facts, doc, words: str, products: re.Pattern) -> None:
    """The product's code as the material it was defined as ("LCT-G5D is manufactured ... in Shenzhen")."""
    from spacy.util import filter_spans

    _, material, _ = _product_definitions()
    made_for = _made_for_the_product()
    spans = [s for s in (doc.char_span(m.start(), m.end(), label="MATERIAL", kb_id=material, alignment_mode="expand")
                         for m in products.finditer(words) if not made_for.match(words, m.end())) if s]
    if spans:
        facts.groups["MATERIAL"] = filter_spans(facts.groups["MATERIAL"] + spans)


@lru_cache(maxsize=1)
def _made_for_the_product() -> re.Pattern:
    """After a product code: ' lentiviral vector', ' plasmids' (pack: not_the_product_before), a thing made for
    the product rather than the product."""
    from auditor.pack import load_yaml

    nouns = sorted(load_yaml("patterns/product_aliases.yml").get("not_the_product_before") or [], key=len, reverse=True)
    if not nouns:
        return re.compile(r"(?!)")
    # the words between are modifiers ("GMP lentiviral"), not a clause going on ("CCC-22 and the vector")
    between = r"(?:(?!(?:and|or|with|from|to|in|at|by|for|of|is|are|was|were|will|be|the|its)\b)[\w-]+\s+){0,2}?"
    return re.compile(r"\s+" + between + "(?:" + "|".join(re.escape(str(n)) for n in nouns) + r")\b", re.IGNORECASE)


def _add_cell_names(facts, doc, directory, words: str) -> None:
    """Recipients the sentence names as written in a table cell elsewhere ("tested at Synlab"); such a name
    outranks a place inside it ("BioAgilytix Europe" is located by its table row, not by "Europe")."""
    from spacy.util import filter_spans

    # a possessor is not the recipient ("by NDP's histology subcontractor listed in Appendix D")
    spans = [s for s in (doc.char_span(a, b, label="ORG", kb_id="") for a, b in directory.names_in(words)
                         if not words.startswith(("'s", "\u2019s"), b)) if s]
    if not spans:
        return
    facts.groups["ORG"] = filter_spans(facts.groups["ORG"] + spans)
    inside = {i for span in spans for i in range(span.start, span.end)}
    facts.groups["DEST"] = [d for d in facts.groups["DEST"] if d.start not in inside]


def _table_row_action(facts, doc, document, block_index: int, m) -> None:
    """A row of a shipping table ("Plasma (PK) | Q2 Solutions, Singapore | Dry ice" under a "Destination
    Laboratory" header) states a shipment without a verb: the header supplies the action."""
    from spacy.tokens import Span as SpacySpan

    if facts.groups["ACTION"] or not facts.groups["MATERIAL"] or not facts.groups["DEST"]:
        return
    block = document.blocks[block_index]
    header = next((b for b in document.blocks if b.kind == "table_row" and b.table == block.table and b.row == 0), None)
    if header is None or header.index == block_index:
        return
    text = document.text[header.span.start : header.span.end]
    if _header_cue().search(text):
        # Stand the header's cue in for the verb, placed before the first destination of the row.
        first = min(d.start for d in facts.groups["DEST"])
        anchor = max(0, first - 1)
        facts.groups["ACTION"] = [SpacySpan(doc, anchor, anchor + 1, label="ACTION", kb_id="ship")]


def _list_item_action(facts, doc, document, block_index: int) -> None:
    """A list item under a "Where will my samples go?" title ("- Skin biopsies: Hanbit Genomics Inc., in Seoul,
    South Korea, which will extract RNA") states where the material goes without a verb: the title supplies it."""
    from spacy.tokens import Span as SpacySpan

    if not facts.groups["MATERIAL"] or not facts.groups["DEST"]:
        return
    first = min(d.start for d in facts.groups["DEST"])
    if any(a.end <= first for a in facts.groups["ACTION"]):
        return  # a verb before the place governs it
    section = document.blocks[block_index].section
    if section is None or not _destination_title().search(document.sections[section].title):
        return
    if not any(m.end <= first for m in facts.groups["MATERIAL"]):
        return  # the material names the item before its place
    anchor = max(0, first - 1)
    facts.groups["ACTION"] = [SpacySpan(doc, anchor, anchor + 1, label="ACTION", kb_id="send"), *facts.groups["ACTION"]]


@lru_cache(maxsize=1)
def _destination_title() -> re.Pattern:
    from auditor.pack import load_yaml

    titles = load_yaml("patterns/references.yml").get("destination_section_titles") or ["(?!)"]
    return re.compile("|".join(f"(?:{t})" for t in titles), re.IGNORECASE)


@lru_cache(maxsize=1)
def _header_cue() -> re.Pattern:
    from auditor.pack import load_yaml

    words = load_yaml("patterns/references.yml")["table_destination_headers"]
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


def _candidates(document: Document, material_filter: re.Pattern, skipped: set[int],
                products: re.Pattern | None = None) -> list[Sentence]:
    """Sentences worth matching: those naming a material or a product code, and a pronoun sentence right after."""
    from auditor.document.scan import sentence_lines

    naming = {index for index, _ in sentence_lines(document).first_matches((material_filter.pattern,))}
    if products is not None:
        naming |= {i for i, s in enumerate(document.sentences) if products.search(document.text, s.span.start, s.span.end)}
    text, out, previous_block = document.text, [], None
    for index, sentence in enumerate(document.sentences):
        block = sentence.block
        if document.blocks[block].section in skipped:
            continue
        if index in naming:
            out.append(sentence)
            previous_block = block
        elif ((previous_block == block or _next_item(document, previous_block, block))
              and _anaphora_filter().search(text, sentence.span.start, sentence.span.end)):
            out.append(sentence)
    return out


def _next_item(document: Document, previous: int | None, block: int) -> bool:
    """Is `block` the list item right after list item `previous`? A numbered procedure goes on from one step to
    the next ("2. The cell bank freezes the cells in two vials." / "3. You will bring it with you to ... Mexico.")."""
    return (previous is not None and block == previous + 1 and document.blocks[block].kind == "list_item"
            and document.blocks[previous].kind == "list_item")


@lru_cache(maxsize=1)
def _anaphora_filter() -> re.Pattern:
    from auditor.pack import load_yaml

    words = load_yaml("context/triggers.yml").get("anaphora") or []
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


def _anaphoric(sentence: str) -> bool:
    return bool(_anaphora_filter().search(sentence))


@lru_cache(maxsize=1)
def _future_filter() -> re.Pattern:
    from auditor.pack import load_yaml

    words = load_yaml("context/sections.yml")["future_markers"]
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


def _future(sentence: str) -> bool:
    return bool(_future_filter().search(sentence))


def _sections_titled(document: Document, relative: str, key: str) -> set[int]:
    """Sections (and their subsections) whose title is listed under `key` in a pack file."""
    from auditor.pack import load_yaml

    titles = {str(t).lower() for t in load_yaml(relative)[key]}
    found: set[int] = set()
    for section in document.sections:
        title = section.title.lower().strip(" :.")
        if title in titles or (section.parent is not None and section.parent in found):
            found.add(section.index)
    return found
