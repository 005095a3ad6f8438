"""How a piece of evidence's location reads in a report: document, page(s), section, paragraph."""

from __future__ import annotations


def location_parts(evidence, page: str = "page", pages: str = "pages", section: str = "section",
                   paragraph: str = "paragraph", dash: str = "-") -> list[str]:
    """The location of evidence as labelled parts, without the document name."""
    parts = []
    if evidence.pages and len(evidence.pages) > 1:
        parts.append(f"{pages} {evidence.pages[0]}{dash}{evidence.pages[-1]}")
    elif evidence.page is not None:
        parts.append(f"{page} {evidence.page}")
    if evidence.section:
        parts.append(f"{section} {evidence.section}")
    if evidence.paragraph is not None:
        parts.append(f"{paragraph} {evidence.paragraph}")
    return parts
