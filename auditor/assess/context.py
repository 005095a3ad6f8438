"""What every rule kind sees: the documents by role, their flows, the audit date and helpers over them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from auditor.assess.evidence import flow_evidence
from auditor.assess.model import Evidence
from auditor.document.model import Document
from auditor.extract.model import LIVE, Extraction

MATERIAL_WORDS = {"biospecimen": "specimens", "cells": "cells", "genetic_data": "genetic data", "other_data": "data"}
MAX_EVIDENCE = 12


@dataclass
class Hit:
    """One finding a rule kind reports: message fields, evidence, and an escalation key if any."""

    fields: dict[str, str]
    evidence: list[Evidence]
    escalation: str | None = None  # a key of the rule's `escalations`
    severity: str | None = None  # or a severity decided by the rule's `escalate` conditions
    reason: str | None = None


@dataclass
class Outcome:
    hits: list[Hit] = field(default_factory=list)
    passed: str = ""


@dataclass
class AuditContext:
    bundle: list[tuple[Document, Extraction]]
    as_of: date
    country_names: dict[str, str]
    applicability: dict = field(default_factory=dict)
    when_countries: set = field(default_factory=set)  # countries of the flows a conditional rule's `when` matched

    def by_role(self, role: str) -> list[tuple[Document, Extraction]]:
        return [(d, e) for d, e in self.bundle if d.role == role]

    def flows(self, role: str | None = None, materials=None, foreign: bool | None = None, live: bool = True):
        """(document, flow) pairs filtered by role, material class, foreignness and liveness."""
        out = []
        for document, extraction in self.bundle:
            if role and document.role != role:
                continue
            for flow in extraction.flows:
                if materials and flow.material not in materials:
                    continue
                if foreign is not None and flow.foreign != foreign:
                    continue
                if live and flow.modality not in LIVE:
                    continue
                out.append((document, flow))
        return out

    def evidence(self, pairs) -> list[Evidence]:
        """Evidence for (document, flow) pairs, one per sentence, capped."""
        seen, out = set(), []
        for document, flow in pairs:
            key = (document.id, flow.sentence.start)
            if key not in seen:
                seen.add(key)
                out.append(flow_evidence(document, flow))
        return out[:MAX_EVIDENCE]

    def places(self, flows, prefix: bool = False) -> str:
        """How destinations read in a message: "China (Pudong, Shanghai) and 'outside the United States'"."""
        groups: dict[str, list[str]] = {}
        for flow in flows:
            if flow.destination_kind == "vague_foreign":
                groups.setdefault(f"'{flow.destination}'", [])
                continue
            name = self.country_names.get(flow.country or "", flow.country or "an unknown place")
            mentions = groups.setdefault(name, [])
            if flow.destination.lower() != name.lower():
                mentions.append(flow.destination)
        words = []
        for name, mentions in groups.items():
            text = f"{name} ({', '.join(dict.fromkeys(mentions))})" if mentions else name
            words.append((("to " if name.startswith("'") else "in ") if prefix else "") + text)
        return join_words(words)


def join_words(items) -> str:
    """'a', 'a and b', 'a, b and c' (order kept, duplicates dropped)."""
    items = list(dict.fromkeys(i for i in items if i))
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else ""


def materials_of(flows) -> str:
    return join_words(MATERIAL_WORDS.get(f.material, f.material) for _, f in flows)
