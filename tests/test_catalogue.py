"""The rule pack as a whole: schema errors, custom rules, applicability, as-of dates and waivers."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from auditor.assess.rules import load_rules
from auditor.errors import PackError
from auditor.pipeline import Input, audit
from conftest import SAMPLES

STUDY = SAMPLES / "undisclosed_ccn"
INPUTS = [Input(str(STUDY / "protocol.pdf"), "protocol"), Input(str(STUDY / "consent.docx"), "consent")]


def _run(**kwargs):
    run, errors = audit(INPUTS, **kwargs)
    assert not errors
    return run.assessment


def test_catalogue_ids_and_citations():
    rules = load_rules()
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids))
    for rule in rules:
        assert rule.citations and rule.remediation and rule.what and rule.why, rule.id


def test_broken_rule_file_names_file_and_field(tmp_path):
    (tmp_path / "bad.yml").write_text("rules:\n  - id: XYZ-001\n    title: t\n    family: XYZ\n    kind: conditional\n"
                                      "    severity: severe\n")
    with pytest.raises(PackError) as error:
        load_rules(str(tmp_path))
    assert "bad.yml" in str(error.value) and "XYZ-001" in str(error.value) and "severity" in str(error.value)


def test_custom_rule_folder_adds_a_rule(tmp_path):
    (tmp_path / "house.yml").write_text('''rules:
  - id: HOUSE-001
    title: Protocol mentions dry ice
    family: HOUSE
    kind: conditional
    severity: info
    applies_to: [protocol]
    when: [{text: {role: protocol, any: ['dry ice']}}]
    message: "Dry ice shipping is mentioned: {quote}"
    what: w
    why: y
    remediation: r
    citations: [{authority: house, instrument: house policy, text: House policy 1}]
''')
    result = _run(rules_dir=str(tmp_path))
    assert "HOUSE-001" in {r.rule_id for r in result.rules}


def test_every_rule_has_a_status_and_the_report_says_why():
    result = _run()
    statuses = {r.rule_id: r for r in result.rules}
    assert set(statuses) == {r.id for r in load_rules()}
    assert all(r.detail for r in result.rules)


def test_applicability_is_inferred_with_evidence():
    result = _run()
    by_key = {a.key: a for a in result.applicability}
    assert by_key["fda"].status == "applies" and by_key["fda"].evidence is not None
    assert by_key["genomic"].status == "applies"
    # "Sponsor: <company>, Inc." on the title page and no NIH cue anywhere: not NIH-funded
    assert by_key["nih"].status == "does_not_apply" and "Inc" in by_key["nih"].detail


def test_profile_overrides_detection():
    result = _run(profile={"fda": False, "nih": True})
    by_key = {a.key: a for a in result.applicability}
    assert by_key["fda"].status == "does_not_apply" and by_key["fda"].source == "profile"
    assert by_key["nih"].status == "applies"
    assert by_key["common_rule"].status == "applies" and by_key["common_rule"].source == "implied"


def test_as_of_before_the_doj_rule_turns_ccn_off():
    result = _run(as_of=date(2025, 1, 1))
    statuses = {r.rule_id: r.status for r in result.rules}
    assert statuses["CCN-001"] == "not_applicable"
    assert result.as_of == "2025-01-01"


def test_waivers_applied_expired_and_unmatched(tmp_path):
    from auditor.assess.model import Waiver

    first = _run()
    target = next(f for f in first.findings if f.rule_id == "CCN-001")
    waivers = [
        Waiver(rule_id="CCN-001", fingerprint=target.fingerprint, reason="legal cleared", reviewer="A", date="2026-11-01"),
        Waiver(rule_id="XBT-001", fingerprint="0000000000000000", reason="stale", reviewer="B", date="2026-01-01"),
    ]
    result = _run(waivers=waivers)
    waived = next(f for f in result.findings if f.rule_id == "CCN-001")
    assert waived.status == "waived" and waived.waiver.reason == "legal cleared"
    assert {w.status for w in result.waivers} == {"applied", "unmatched"}
    assert result.summary["critical"] == first.summary["critical"] - 1
    expired = [waivers[0].model_copy(update={"expires": "2026-01-01"})]
    result = _run(waivers=expired, as_of=date(2026, 11, 22))
    assert next(f for f in result.findings if f.rule_id == "CCN-001").status == "open"
    assert result.waivers[0].status == "expired"


def test_fingerprint_survives_repagination(tmp_path):
    text = "8.4 Shipment\n\nTumour samples will be shipped to a laboratory in Shanghai, China.\n"
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text(text)
    two.write_text("\f\f" + text.replace("\n\n", "\n\n\n"))
    prints = []
    for path in (one, two):
        run, _ = audit([Input(str(path), "protocol")])
        prints.append({f.rule_id: f.fingerprint for f in run.assessment.findings}["CCN-001"])
    assert prints[0] == prints[1]


def test_waive_command_writes_an_entry(tmp_path):
    report = tmp_path / "r.json"
    subprocess.run([sys.executable, "-m", "auditor", "audit", str(STUDY / "protocol.pdf"), str(STUDY / "consent.docx"),
                    "--format", "json", "-o", str(report)], check=True, timeout=120)
    fingerprint = json.loads(report.read_text())["findings"][0]["fingerprint"]
    out = tmp_path / "waivers.yml"
    result = subprocess.run([sys.executable, "-m", "auditor", "waive", str(report), "--fingerprint", fingerprint,
                             "--reason", "ok", "--reviewer", "R", "-o", str(out)], capture_output=True, text=True)
    assert result.returncode == 0 and fingerprint in out.read_text()
    audited = subprocess.run([sys.executable, "-m", "auditor", "audit", str(STUDY / "protocol.pdf"),
                              str(STUDY / "consent.docx"), "--format", "json", "--waivers", str(out)],
                             capture_output=True, text=True, timeout=120)
    assert any(f["status"] == "waived" for f in json.loads(audited.stdout)["findings"])


def test_no_fda_citation_for_common_rule_only_elements():
    """Catalogue §4: key information, (b)(9) and (c)(7)-(9) are not FDA requirements; never cite 21 CFR 50.25(b)(7)-(9)."""
    import re

    for rule in load_rules():
        for citation in rule.citations:
            assert not re.search(r"50\.25\s*\(b\)\s*\([7-9]\)", citation.text), (rule.id, citation.text)
        if rule.applies_when == ["common_rule"]:
            assert not any(c.text.startswith("21 CFR 50") for c in rule.citations), rule.id


def test_catalogue_is_complete():
    expected = ({f"XBT-00{i}" for i in range(1, 10)} | {f"CCN-00{i}" for i in range(1, 6)}
                | {f"VND-00{i}" for i in range(1, 4)} | {f"ICF-{i:03d}" for i in range(1, 14)}
                | {"GEN-001", "GEN-002", "EXP-001", "EXP-002", "DOC-001"})
    assert expected <= {r.id for r in load_rules()}


def test_clean_sample_study_has_nothing_above_info():
    clean = SAMPLES / "clean_domestic"
    run, errors = audit([Input(str(clean / "protocol.txt"), "protocol"), Input(str(clean / "consent.md"), "consent")])
    assert not errors
    above = [(f.rule_id, f.severity, f.message) for f in run.assessment.findings if f.severity != "info"]
    assert not above


def _nih_status(tmp_path, protocol_text: str) -> str:
    from auditor.assess.applicability import infer
    from auditor.document.build import build
    from auditor.ingest import ingest

    path = tmp_path / "protocol.txt"
    path.write_text(protocol_text)
    document = build(ingest(path), "D1", "protocol")
    return infer([(document, None)])["nih"].status


def test_an_industry_sponsor_field_means_no_nih_funding_unless_an_nih_cue_appears(tmp_path):
    title = "PROTOCOL CDV-410-201\n\nSponsor:               Coquina Vaccines, Inc., 5400 West Cypress Street, Tampa\n\n"
    assert _nih_status(tmp_path, title + "1 INTRODUCTION\n\nA vaccine study.\n") == "does_not_apply"
    assert _nih_status(tmp_path, title + "1 INTRODUCTION\n\nThis study is funded by the NIH under grant "
                                         "U01 AI123456.\n") == "applies"
    # the title block's lines joined into one paragraph
    joined = "IND Number: 169874 ClinicalTrials.gov: NCT07266041 Sponsor: Halcyon Cell Therapeutics, Inc. Medical Monitor: X\n"
    assert _nih_status(tmp_path, joined + "\n1 INTRODUCTION\n\nA study.\n") == "does_not_apply"
    # a sponsor that is not a company says nothing about funding
    assert _nih_status(tmp_path, "Sponsor: Lakeshore University\n\n1 INTRODUCTION\n\nA study.\n") == "unknown"
    # a funder field that names no NIH institute (the UK's NIHR is not the NIH); one that names an institute is no negative
    uk = "Funder: NIHR Efficacy and Mechanism Evaluation Programme; Bronchiectasis Research Foundation of America\n"
    assert _nih_status(tmp_path, uk + "\n1 INTRODUCTION\n\nA study.\n") == "does_not_apply"
    nimh = "Funder: National Institute of Mental Health\n"
    assert _nih_status(tmp_path, nimh + "\n1 INTRODUCTION\n\nA study.\n") != "does_not_apply"


def test_not_fda_regulated_is_a_stated_negative(tmp_path):
    from auditor.assess.applicability import infer
    from auditor.document.build import build
    from auditor.ingest import ingest

    path = tmp_path / "protocol.txt"
    path.write_text("Regulatory status: NIH Data Management and Sharing Policy. Not FDA-regulated; not an applicable "
                    "clinical trial.\n")
    assert infer([(build(ingest(path), "D1", "protocol"), None)])["fda"].status == "does_not_apply"


@pytest.mark.parametrize("statement", [
    "ClinicalTrials.gov NCT07166902 (registered voluntarily; Phase 1 trials are not applicable clinical trials)",
    "This early feasibility study is therefore not an applicable device clinical trial; it is voluntarily listed on "
    "ClinicalTrials.gov (NCT07188816).",
])
def test_a_stated_non_applicable_trial_is_a_negative_though_registered(tmp_path, statement):
    from auditor.assess.applicability import infer
    from auditor.document.build import build
    from auditor.ingest import ingest

    path = tmp_path / "protocol.txt"
    path.write_text(statement + "\n")
    assert infer([(build(ingest(path), "D1", "protocol"), None)])["applicable_clinical_trial"].status == "does_not_apply"


@pytest.mark.parametrize("rule_id,element,sentence", [
    ("ICF-002", "46.116(b)(1) / 50.25(a)(1) procedures to be followed", "PROCEDURES"),
    ("ICF-002", "46.116(b)(1) / 50.25(a)(1) procedures to be followed",
     "Clinic days: we will place an IV and take a small amount of blood every 15 minutes."),
    ("ICF-002", "46.116(b)(3) / 50.25(a)(3) expected benefits", "What are the risks and benefits?"),
    ("ICF-002", "46.116(b)(3) / 50.25(a)(3) expected benefits", "The drug may shrink your cancer, but we cannot promise this."),
    ("ICF-002", "46.116(b)(3) / 50.25(a)(3) expected benefits", "Your depression may or may not improve."),
    ("ICF-008", "50.25(b)(2) / 46.116(c)(2) circumstances in which the investigator may end participation",
     "Your doctor may take you off the study if the drug is not helping."),
    ("ICF-008", "50.25(b)(4) / 46.116(c)(4) consequences of withdrawal and how to withdraw",
     "You may take your child out of the study at any time without penalty or loss of benefits."),
    ("ICF-008", "50.25(b)(6) / 46.116(c)(6) approximate number of participants",
     "Forty healthy adults will take part at this one site."),
    ("ICF-002", "46.116(b)(1) / 50.25(a)(1) expected duration of participation",
     "You will have one visit of about 1 hour: a questionnaire, a skin check and a blood draw."),
    ("ICF-002", "46.116(b)(1) / 50.25(a)(1) expected duration of participation",
     "Your part in the study ends after this visit."),
    # round 15's false alarms
    ("ICF-008", "50.25(b)(6) / 46.116(c)(6) approximate number of participants",
     "About 64 to 70 children and young adults at about 50 hospitals in the United States will take part."),
    ("ICF-002", "46.116(b)(1) / 50.25(a)(1) expected duration of participation",
     "Questionnaires: about 20 minutes, 4 times over 2 years."),
    # round 14's false alarms
    ("ICF-002", "46.116(b)(7) / 50.25(a)(7) whom to contact about participants' rights",
     "Questions about your child's rights as a research participant, or concerns you would like to discuss with "
     "someone not on the study team: Lakeshore Children's Medical Center IRB, (414) 555-0177."),
    ("ICF-002", "46.116(b)(7) / 50.25(a)(7) whom to contact about participants' rights",
     "About your rights, or your baby's rights, as a research participant: Blackstone River University IRB, "
     "(401) 555-0199, irb@blackstoneriver.example.edu."),
    ("ICF-002", "46.116(b)(3) / 50.25(a)(3) expected benefits", "Will I benefit? Your vision may stay the same."),
    ("ICF-011", "signature line for the participant or legally authorized representative",
     "Participant printed name | Signature | Date"),
    # round 12's false alarms
    ("ICF-008", "50.25(b)(2) / 46.116(c)(2) circumstances in which the investigator may end participation",
     "The study doctor or Cascadia may take your child out of the study if it is not safe for your child."),
    ("ICF-008", "50.25(b)(3) / 46.116(c)(3) additional costs to the participant",
     "Routine care will be billed to you or your insurance."),
])
def test_consent_element_phrasings(rule_id, element, sentence):
    """Phrasings real consent forms use for an element (round 9's false alarms): each is found."""
    import re

    from auditor.assess.rules import load_rules

    rule = next(r for r in load_rules(None) if r.id == rule_id)
    patterns = rule.params["elements"][element]
    assert any(re.search(p, sentence, re.IGNORECASE) for p in patterns)


def test_a_pathogen_genome_is_no_genomic_study(tmp_path):
    """'HBV genotype', 'sequencing of the HBV genome': a virus's genome, not the participants'."""
    from auditor.assess.applicability import infer
    from auditor.document.build import build
    from auditor.ingest import ingest

    path = tmp_path / "protocol.txt"
    path.write_text("8.3 Virology. To characterize HBV genotype, plasma is sent to a laboratory that performs "
                    "next-generation sequencing of the HBV genome.\n")
    assert infer([(build(ingest(path), "D1", "protocol"), None)])["genomic"].status == "unknown"
    path.write_text("8.3 Genetics. Blood is sent to a laboratory that performs next-generation sequencing of the "
                    "participant's DNA.\n")
    assert infer([(build(ingest(path), "D1", "protocol"), None)])["genomic"].status == "applies"


def test_genomic_cues_in_a_heading_or_denied_after_do_not_count(tmp_path):
    from auditor.assess.applicability import infer
    from auditor.document.build import build
    from auditor.ingest import ingest

    path = tmp_path / "protocol.txt"
    path.write_text("10 LABORATORY STUDIES\n\n10.4 DTU genotyping. Parasite isolates from positive blood cultures are "
                    "typed\nby PCR at the reference laboratory.\n\n10.5 Other tests. Genotyping is not repeated in this trial.\n")
    assert infer([(build(ingest(path), "D1", "protocol"), None)])["genomic"].status == "unknown"
    path.write_text("10.5 Genetics. Whole genome sequencing data are not returned to participants.\n")
    assert infer([(build(ingest(path), "D1", "protocol"), None)])["genomic"].status == "applies"


@pytest.mark.parametrize("title", [
    "Item | Detail\n\nSponsor | Halcyon Cell Therapeutics, Inc., 400 Oyster Point Boulevard, South San Francisco\n",
    "Sponsor: Nordvik Therapeutics A/S, Havnegade 28, 2200 Copenhagen, Denmark\n",
    "Sponsor:                Qilin Therapeutics (USA), Inc., 100 College Road West, Princeton, NJ 08540\n",
    "HANUL BIOLOGICS CO., LTD.\nIND No.        : 170318\nUS Agent       : Hanul Biologics America, Inc., 245 First Street\n",
    "| Item | Detail |\n|---|---|\n| Funding | The Vickery Foundation for Digestive Health, Research Award VF-2025-118 |\n",
])
def test_an_industry_sponsor_in_a_table_row_or_with_a_country_in_its_name_means_no_nih_funding(tmp_path, title):
    assert _nih_status(tmp_path, title + "\n1 INTRODUCTION\n\nA study.\n") == "does_not_apply"


def _applies(tmp_path, text: str, key: str) -> str:
    from auditor.assess.applicability import infer
    from auditor.document.build import build
    from auditor.ingest import ingest

    path = tmp_path / "protocol.txt"
    path.write_text(text)
    return infer([(build(ingest(path), "D1", "protocol"), None)])[key].status


def test_a_targeted_genotype_is_genomic_but_not_large_scale_genomic_data(tmp_path):
    """GEN-002 (NIH GDS policy) is about large-scale data: two APOE SNPs by TaqMan are not."""
    text = ("9.4 APOE genotyping. DNA is extracted from the Baseline EDTA tube and APOE genotype (rs429358, rs7412) is "
            "determined by TaqMan assay. No other genetic testing and no whole genome or whole exome sequencing is "
            "performed.\n")
    assert _applies(tmp_path, text, "genomic") == "applies"
    assert _applies(tmp_path, text, "large_scale_genomic") == "unknown"
    assert _applies(tmp_path, "9.4 Genetics. Whole exome sequencing is performed on germline DNA.\n",
                    "large_scale_genomic") == "applies"


def test_a_denial_governs_a_list_of_analyses_up_to_the_cue(tmp_path):
    """'No germline or tumor genome, exome or transcriptome sequencing': the denial reaches the list's last item,
    but a comma before 'and' starts a new clause."""
    assert _applies(tmp_path, "9.3 No germline or tumor genome, exome or transcriptome sequencing is performed.\n",
                    "genomic") == "unknown"
    assert _applies(tmp_path, "9.3 No payment is made for samples, and transcriptome sequencing is performed.\n",
                    "genomic") == "applies"


def test_culture_expanded_stromal_cells_are_an_ex_vivo_cell_therapy(tmp_path):
    text = "Prospective Outcomes Study of Culture-Expanded Autologous Adipose-Derived Stromal Cells for Knee Osteoarthritis\n"
    assert _applies(tmp_path, text, "cell_therapy") == "applies"


def test_an_industry_sponsor_means_no_federal_funding_unless_a_federal_cue_appears(tmp_path):
    title = "Sponsor: Qilin Therapeutics (USA), Inc., 100 College Road West, Princeton, NJ 08540\n\n"
    assert _applies(tmp_path, title + "1 INTRODUCTION\n\nA study.\n", "federal_funding") == "does_not_apply"
    assert _applies(tmp_path, title + "1 INTRODUCTION\n\nThis study is funded by the Department of Defense.\n",
                    "federal_funding") == "applies"


def test_the_gds_policy_name_is_no_genomic_data_and_exome_sequencing_is_both_keys(tmp_path):
    policy = ("9.3 No whole genome or whole exome sequencing is performed, and no large-scale human genomic data "
              "within the meaning of the NIH Genomic Data Sharing Policy are generated.\n")
    assert _applies(tmp_path, policy, "large_scale_genomic") == "unknown"
    listed = "9.3 No other genetic analysis is performed: no genome-wide genotyping, exome or genome sequencing is done.\n"
    assert _applies(tmp_path, listed, "large_scale_genomic") == "unknown"
    trio = "1.3 GENE-DEE offers trio exome sequencing (child and both biological parents).\n"
    assert _applies(tmp_path, trio, "large_scale_genomic") == "applies"
    assert _applies(tmp_path, trio, "genomic") == "applies"
