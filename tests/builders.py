"""Build small PDF and DOCX fixtures in code, so every ingestion test knows exactly what the file holds."""

from __future__ import annotations

from pathlib import Path

PAGE_W, PAGE_H = 612, 792


def _furniture(c, page: int, total: int) -> None:
    c.setFont("Helvetica", 8)
    c.drawString(72, PAGE_H - 40, "Protocol TA-2025-014 Version 2.0 CONFIDENTIAL")
    c.drawString(72, 36, f"Page {page} of {total}")


def write_lines_pdf(path: Path, pages: list[list[str]], encrypt: str | None = None, blank_pages=()) -> Path:
    """A PDF whose pages hold the given lines (one drawString each), with running header and footer.

    A page index in `blank_pages` gets a drawn rectangle and no text at all (like a scanned page).
    """
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1, encrypt=encrypt)
    total = len(pages)
    for number, lines in enumerate(pages, start=1):
        if number - 1 in blank_pages:
            c.setFillGray(0.5)
            c.rect(100, 300, 300, 200, fill=1, stroke=0)
            c.showPage()
            continue
        _furniture(c, number, total)
        c.setFont("Helvetica", 11)
        y = PAGE_H - 90
        for line in lines:
            if line == "":
                y -= 10  # paragraph gap
                continue
            c.drawString(72, y, line)
            y -= 14
        c.showPage()
    c.save()
    return path


def write_table_pdf(path: Path) -> Path:
    """One page: a heading, a paragraph, a ruled 3x3 laboratory table, and a paragraph after it."""
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    doc = SimpleDocTemplate(str(path), pagesize=letter, invariant=1)
    table = Table([["Laboratory", "Address", "Country"],
                   ["Shanghai Genomics Laboratory", "1200 Zhangheng Road, Shanghai", "China"],
                   ["Midwest Central Laboratory", "500 Research Blvd, Indianapolis, IN", "United States"]])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    doc.build([Paragraph("8.4 Laboratories", styles["Heading2"]),
               Paragraph("The laboratories used in this study are listed below.", styles["BodyText"]),
               Spacer(1, 12), table, Spacer(1, 12),
               Paragraph("Samples are shipped on dry ice.", styles["BodyText"])])
    return path


def write_docx(path: Path) -> Path:
    """A DOCX with styled and numbered headings, a list, an interleaved table, header and footer."""
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Protocol TA-2025-014 CONFIDENTIAL"
    section.footer.paragraphs[0].text = "Version 2.0"
    document.add_heading("8 Sample Handling", level=1)
    document.add_paragraph("Samples will be collected at each visit.")
    document.add_heading("8.4 Sample Shipment", level=2)
    document.add_paragraph("Plasma will be shipped on dry ice.", style="List Bullet")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Laboratory", "City", "Country"]):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["Bioanalytik Labor GmbH", "Heidelberg", "Germany"]):
        cell.text = text
    document.add_paragraph("After the table, the text goes on.")
    document.save(str(path))
    return path
