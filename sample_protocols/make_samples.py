#!/usr/bin/env python3
"""Generate the sample study documents used to exercise trial-auditor.

Run from the repository root (or anywhere):

    python sample_protocols/make_samples.py

Every study gets its own folder next to this script holding a protocol, a
consent form and an ``expected.yml`` that states which rules must / must not
fire.  The output is byte-for-byte reproducible: there is no randomness, PDFs
are written with reportlab's ``invariant=1`` (fixed creation date and document
ID) and DOCX packages are re-zipped with fixed timestamps and fixed core
properties.

Requirements: reportlab (PDF), python-docx (DOCX), pdfplumber (verifies that
the page-break sentence in ``undisclosed_ccn/protocol.pdf`` really straddles a
page break), PyYAML (writes expected.yml).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import sys
import textwrap
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import yaml

HERE = Path(__file__).resolve().parent
FIXED_DT = dt.datetime(2025, 3, 14, 9, 0, 0)
GENERATOR = "trial-auditor sample generator (make_samples.py)"


# --------------------------------------------------------------------------------------
# Block model: every document is a list of blocks, rendered to PDF / DOCX / TXT / MD.
# --------------------------------------------------------------------------------------

def title(lines, page_break=True):
    """lines: list of (style, text), style in {"title", "sub", "line", "bold", "gap"}."""
    return {"kind": "title", "lines": lines, "page_break": page_break}


def h1(text):
    return {"kind": "h1", "text": text}


def h2(text):
    return {"kind": "h2", "text": text}


def h3(text):
    return {"kind": "h3", "text": text}


def p(text):
    return {"kind": "p", "text": text}


def bullets(items):
    return {"kind": "bullets", "items": list(items)}


def table(caption, header, rows, widths):
    return {"kind": "table", "caption": caption, "header": header, "rows": rows, "widths": widths}


def page_break():
    return {"kind": "pagebreak"}


def spacer_slot():
    """Adjustable vertical gap (PDF only) used to force a sentence across a page break."""
    return {"kind": "spacer_slot"}


# --------------------------------------------------------------------------------------
# Shared protocol boilerplate
# --------------------------------------------------------------------------------------

def protocol_blocks(c):
    """Build a full protocol from a study config dict ``c``."""
    b = []
    b.append(title([
        ("gap", ""),
        ("bold", "CLINICAL STUDY PROTOCOL"),
        ("gap", ""),
        ("title", c["title"]),
        ("gap", ""),
        ("line", f"Protocol Number: {c['number']}"),
        ("line", f"Investigational Product: {c['drug']}"),
        ("line", f"Phase: {c['phase']}"),
        ("line", f"IND Number: {c['ind']}"),
        ("gap", ""),
        ("line", f"Sponsor: {c['sponsor']}"),
        ("line", c["sponsor_addr"]),
        *([("line", c["funding"])] if c.get("funding") else []),
        ("gap", ""),
        ("line", f"Version {c['version']}, {c['date']}"),
        ("line", f"Supersedes: {c['supersedes']}"),
        ("gap", ""),
        ("bold", "CONFIDENTIAL"),
        ("line", "This document contains confidential information belonging to the Sponsor. "
                 "Except as otherwise agreed to in writing, by accepting or reviewing this document you agree "
                 "to hold this information in confidence and not copy or disclose it to others, except to the "
                 "extent necessary to obtain informed consent from persons to whom the investigational product "
                 "may be administered."),
    ]))

    # ---- Synopsis
    b.append(h1("1 PROTOCOL SUMMARY"))
    b.append(h2("1.1 Synopsis"))
    b.append(table("Table 1 Protocol Synopsis", ["Item", "Description"], [
        ["Title", c["title"]],
        ["Protocol number", c["number"]],
        ["Phase", c["phase"]],
        ["Sponsor", c["sponsor"]],
        ["Indication", c["indication"]],
        ["Primary objective", c["primary_obj"]],
        ["Study design", c["design"]],
        ["Population", c["population"]],
        ["Number of participants", c["n_text"]],
        ["Study sites", c["sites"]],
        ["Study intervention", c["intervention_short"]],
        ["Study duration", c["duration"]],
        ["Statistical methods", c["stats_short"]],
    ], [0.25, 0.75]))
    b.append(page_break())

    # ---- 1 Introduction
    b += [
        h1("2 INTRODUCTION"),
        h2("2.1 Background"),
        p(c["background1"]),
        p(c["background2"]),
        h2("2.2 Study Rationale"),
        p(c["rationale"]),
        h2("2.3 Benefit-Risk Assessment"),
        p(f"More detailed information about the known and expected benefits and risks and reasonably "
          f"expected adverse events of {c['drug']} may be found in the Investigator's Brochure (IB). "
          f"Potential risks identified in nonclinical studies and in prior clinical experience are "
          f"summarized below, together with the mitigation strategy applied in this protocol."),
        bullets(c["risks"]),
        p("Taking into account the measures taken to minimize risk to participants, the potential risks "
          "identified in association with the study intervention are justified by the anticipated "
          "benefits that may be afforded to participants with the disease under study."),
    ]

    # ---- 2 Objectives
    b += [
        h1("3 OBJECTIVES AND ENDPOINTS"),
        table("Table 2 Objectives and Endpoints", ["Objectives", "Endpoints"], c["objectives"], [0.45, 0.55]),
    ]

    # ---- 3 Design
    b += [
        h1("4 STUDY DESIGN"),
        h2("4.1 Overall Design"),
        p(c["design_long"]),
        p("An independent Data Monitoring Committee (DMC) will review unblinded safety data at regular "
          "intervals as described in the DMC charter. The DMC may recommend continuation of the study "
          "without modification, modification of the study, or termination of the study."),
        h2("4.2 Scientific Rationale for Study Design"),
        p("The endpoints selected for this study are consistent with current regulatory guidance and with "
          "the endpoints used in recent studies in the same population. The use of a central laboratory "
          "for key laboratory assessments reduces inter-site variability and supports consistent "
          "interpretation of results across sites."),
        h2("4.3 End of Study Definition"),
        p("A participant is considered to have completed the study if he or she has completed all phases "
          "of the study including the last scheduled procedure shown in the Schedule of Activities "
          "(Appendix A). The end of the study is defined as the date of the last visit of the last "
          "participant in the study or the last scheduled procedure shown in the Schedule of Activities "
          "for the last participant in the study globally."),
    ]

    # ---- 4/5 Population
    b += [
        h1("5 STUDY POPULATION"),
        p("Prospective approval of protocol deviations to recruitment and enrolment criteria, also known "
          "as protocol waivers or exemptions, is not permitted."),
        h2("5.1 Inclusion Criteria"),
        p("Participants are eligible to be included in the study only if all of the following criteria "
          "apply:"),
        bullets(c["inclusion"] + [
            "Capable of giving signed informed consent, which includes compliance with the requirements "
            "and restrictions listed in the informed consent form (ICF) and in this protocol.",
            "Adequate organ function as defined by the laboratory values in Table 3, obtained within "
            "14 days before the first dose of study intervention.",
        ]),
        table("Table 3 Laboratory Criteria for Adequate Organ Function",
              ["System", "Laboratory value"], [
                  ["Hematological", "Absolute neutrophil count at least 1.0 x 10^9/L; platelets at least "
                                    "75 x 10^9/L; hemoglobin at least 8.0 g/dL"],
                  ["Renal", "Creatinine clearance at least 45 mL/min (Cockcroft-Gault)"],
                  ["Hepatic", "Total bilirubin no more than 1.5 x ULN; AST and ALT no more than 3 x ULN "
                              "(no more than 5 x ULN if liver involvement)"],
                  ["Coagulation", "INR or PT no more than 1.5 x ULN unless receiving anticoagulant therapy"],
              ], [0.3, 0.7]),
        h2("5.2 Exclusion Criteria"),
        p("Participants are excluded from the study if any of the following criteria apply:"),
        bullets(c["exclusion"] + [
            "Known human immunodeficiency virus (HIV) infection with detectable viral load, active "
            "hepatitis B, or active hepatitis C infection.",
            "Pregnant or breastfeeding, or planning to become pregnant during the study.",
            "Participation in another interventional clinical study within 30 days before screening.",
            "Any condition that, in the opinion of the investigator, would interfere with evaluation of "
            "the study intervention or interpretation of participant safety or study results.",
        ]),
        h2("5.3 Screen Failures"),
        p("Screen failures are defined as participants who consent to participate in the clinical study "
          "but are not subsequently assigned to study intervention. A minimal set of screen failure "
          "information is required to ensure transparent reporting of screen failure participants, "
          "including demography, screen failure details, eligibility criteria, and any serious adverse "
          "event. Individuals who do not meet the criteria for participation may be rescreened once."),
    ]

    # ---- 5 Intervention
    b += [h1("6 STUDY INTERVENTION")] + c["intervention_blocks"] + [
        h2("6.4 Concomitant Therapy"),
        p("Any medication or vaccine (including over-the-counter or prescription medicines, vitamins, "
          "and herbal supplements) that the participant is receiving at the time of enrolment or receives "
          "during the study must be recorded along with the reason for use, dates of administration "
          "including start and end dates, and dosage information including dose and frequency."),
        bullets([
            "Live or live-attenuated vaccines are prohibited within 30 days before the first dose and "
            "during the treatment period.",
            "Strong inhibitors or inducers of CYP3A4 should be avoided where clinically feasible.",
            "Supportive care, including antiemetics, antidiarrheals and growth factors, is permitted "
            "according to institutional guidelines.",
        ]),
        h2("6.5 Measures to Minimize Bias"),
        p("Treatment assignment will be performed centrally using an interactive response technology "
          "(IRT) system. Site staff will access the IRT system to register participants, obtain "
          "treatment assignments, and record the dispensing of study intervention."),
    ]

    # ---- 6 Discontinuation
    b += [
        h1("7 DISCONTINUATION OF STUDY INTERVENTION AND PARTICIPANT WITHDRAWAL"),
        h2("7.1 Discontinuation of Study Intervention"),
        p("In rare instances, it may be necessary for a participant to permanently discontinue study "
          "intervention. If study intervention is permanently discontinued, the participant will remain in "
          "the study to be evaluated for safety and survival follow-up. See the Schedule of Activities for "
          "data to be collected at the time of discontinuation of study intervention."),
        h2("7.2 Participant Withdrawal from the Study"),
        p("A participant may withdraw from the study at any time at his or her own request or may be "
          "withdrawn at any time at the discretion of the investigator for safety, behavioural, compliance "
          "or administrative reasons. If the participant withdraws consent for disclosure of future "
          "information, the Sponsor may retain and continue to use any data collected before such "
          "withdrawal of consent. If a participant withdraws from the study, he or she may request "
          "destruction of any samples taken and not yet tested, and the investigator must document this "
          "in the site study records."),
        h2("7.3 Lost to Follow-up"),
        p("A participant will be considered lost to follow-up if he or she repeatedly fails to return for "
          "scheduled visits and is unable to be contacted by the study site. Before a participant is deemed "
          "lost to follow-up, the investigator or designee must make every effort to regain contact, "
          "including three telephone calls and, if necessary, a certified letter to the participant's last "
          "known mailing address."),
    ]

    # ---- 7 Assessments (with the sample-handling needle)
    b += [
        h1("8 STUDY ASSESSMENTS AND PROCEDURES"),
        p("Study procedures and their timing are summarized in the Schedule of Activities (Appendix A). "
          "Protocol waivers or exemptions are not allowed. Immediate safety concerns should be discussed "
          "with the Sponsor immediately upon occurrence or awareness to determine whether the participant "
          "should continue or discontinue study intervention. Adherence to the study design requirements, "
          "including those specified in the Schedule of Activities, is essential and required for study "
          "conduct."),
        h2("8.1 Efficacy Assessments"),
        p(c["efficacy"]),
        h2("8.2 Safety Assessments"),
        h3("8.2.1 Physical Examinations and Vital Signs"),
        p("A complete physical examination will include, at a minimum, assessments of the cardiovascular, "
          "respiratory, gastrointestinal and neurological systems. Height and weight will also be measured "
          "and recorded. Vital signs (temperature, pulse rate, respiratory rate and blood pressure) will be "
          "measured in a seated position after 5 minutes of rest."),
        h3("8.2.2 Electrocardiograms"),
        p("Triplicate 12-lead ECGs will be obtained as outlined in the Schedule of Activities using an ECG "
          "machine that automatically calculates the heart rate and measures PR, QRS, QT and QTc intervals. "
          "ECGs will be read locally; a copy of each tracing will be retained in the participant's source "
          "documents."),
        h3("8.2.3 Clinical Safety Laboratory Assessments"),
        p("The clinical laboratory tests listed in the Laboratory Manual must be conducted in accordance "
          "with the Laboratory Manual and the Schedule of Activities. The investigator must review the "
          "laboratory report, document this review, and record any clinically relevant changes occurring "
          "during the study in the adverse event section of the case report form (CRF)."),
        h2("8.3 Adverse Events and Serious Adverse Events"),
        p("The definitions of an adverse event (AE) and a serious adverse event (SAE) can be found in the "
          "Investigator's Brochure and are consistent with 21 CFR 312.32. Adverse events will be reported "
          "by the participant (or, when appropriate, by a caregiver or the participant's legally authorized "
          "representative). The investigator and any qualified designees are responsible for detecting, "
          "documenting, and recording events that meet the definition of an AE or SAE and remain "
          "responsible for following up AEs that are serious, considered related to the study "
          "intervention or study procedures, or that caused the participant to discontinue."),
        table("Table 4 Severity Grading of Adverse Events (CTCAE v5.0)", ["Grade", "Description"], [
            ["1", "Mild; asymptomatic or mild symptoms; clinical or diagnostic observations only; "
                  "intervention not indicated"],
            ["2", "Moderate; minimal, local or noninvasive intervention indicated; limiting "
                  "age-appropriate instrumental activities of daily living"],
            ["3", "Severe or medically significant but not immediately life-threatening; hospitalization "
                  "or prolongation of hospitalization indicated"],
            ["4", "Life-threatening consequences; urgent intervention indicated"],
            ["5", "Death related to adverse event"],
        ], [0.12, 0.88]),
        p("All SAEs will be recorded and reported to the Sponsor or designee within 24 hours of the "
          "investigator becoming aware of the event. The investigator will submit any updated SAE data to "
          "the Sponsor within 24 hours of it being available. Investigator safety reports must be prepared "
          "for suspected unexpected serious adverse reactions (SUSAR) according to local regulatory "
          "requirements and Sponsor policy and forwarded to investigators as necessary."),
        h3("8.3.1 Pregnancy"),
        p("Details of all pregnancies in female participants and female partners of male participants "
          "will be collected after the start of study intervention and until 6 months after the last dose. "
          "Any pregnancy complication or elective termination of a pregnancy for medical reasons will be "
          "reported as an AE or SAE."),
    ]
    b += c["sample_blocks"]
    b += [
        h2("8.5 Pharmacokinetics"),
        p(c["pk"]),
    ]

    # ---- 8 Statistics
    b += [
        h1("9 STATISTICAL CONSIDERATIONS"),
        h2("9.1 Statistical Hypotheses"),
        p(c["hypothesis"]),
        h2("9.2 Sample Size Determination"),
        p(c["sample_size"]),
        h2("9.3 Analysis Populations"),
        table("Table 6 Analysis Populations", ["Population", "Description"], [
            ["Enrolled", "All participants who sign the ICF"],
            ["Full Analysis Set (FAS)", "All participants who are assigned to study intervention"],
            ["Safety Analysis Set", "All participants who receive at least one dose of study intervention"],
            ["PK Analysis Set", "All participants who receive study intervention and have at least one "
                                "evaluable post-dose concentration"],
            ["Biomarker Analysis Set", "All participants in the Safety Analysis Set with at least one "
                                       "evaluable biomarker sample"],
        ], [0.3, 0.7]),
        h2("9.4 Statistical Analyses"),
        p("The statistical analysis plan (SAP) will be finalized prior to database lock and will include a "
          "more technical and detailed description of the statistical analyses described in this section. "
          "Continuous variables will be summarized using descriptive statistics (number of observations, "
          "mean, standard deviation, median, minimum and maximum). Categorical variables will be summarized "
          "using frequency counts and percentages. Time-to-event endpoints will be estimated using the "
          "Kaplan-Meier method, and two-sided 95% confidence intervals will be presented."),
        h2("9.5 Interim Analyses"),
        p("No formal interim analysis for efficacy is planned. Safety data will be reviewed on an ongoing "
          "basis by the Sponsor and periodically by the DMC."),
    ]

    # ---- 9 Regulatory / ethics
    b += [
        h1("10 REGULATORY, ETHICAL, AND STUDY OVERSIGHT CONSIDERATIONS"),
        h2("10.1 Regulatory and Ethical Considerations"),
        p("This study will be conducted in accordance with the protocol and with consensus ethical "
          "principles derived from international guidelines including the Declaration of Helsinki and "
          "Council for International Organizations of Medical Sciences (CIOMS) International Ethical "
          "Guidelines, applicable International Council for Harmonisation (ICH) Good Clinical Practice "
          "(GCP) Guidelines, and applicable laws and regulations including 21 CFR Parts 50, 56 and 312."),
        p("The protocol, protocol amendments, ICF, Investigator's Brochure, and other relevant documents "
          "must be submitted to an Institutional Review Board (IRB) by the investigator and reviewed and "
          "approved by the IRB before the study is initiated."),
        h2("10.2 Informed Consent Process"),
        p("The investigator or his or her representative will explain the nature of the study to the "
          "participant and answer all questions regarding the study. Participants must be informed that "
          "their participation is voluntary. Participants will be required to sign a statement of informed "
          "consent that meets the requirements of 21 CFR 50, local regulations, ICH guidelines, the Health "
          "Insurance Portability and Accountability Act (HIPAA) requirements, where applicable, and the IRB "
          "or study center. A copy of the ICF must be provided to the participant."),
        h2("10.3 Data Protection"),
        p("Participants will be assigned a unique identifier by the Sponsor. Any participant records or "
          "datasets that are transferred to the Sponsor will contain the identifier only; participant names "
          "or any information which would make the participant identifiable will not be transferred. The "
          "participant must be informed that his or her personal study-related data will be used by the "
          "Sponsor in accordance with applicable data protection law. The level of disclosure must also be "
          "explained to the participant, who will be required to give consent for their data to be used as "
          "described in the informed consent."),
        h2("10.4 Data Quality Assurance and Source Documents"),
        p("All participant data relating to the study will be recorded on electronic CRFs unless "
          "transmitted to the Sponsor or designee electronically (for example, laboratory data). The "
          "investigator is responsible for verifying that data entries are accurate and correct by "
          "physically or electronically signing the CRF. Records and documents, including signed ICFs, "
          "pertaining to the conduct of this study must be retained by the investigator for 2 years after "
          "the last marketing application approval or, if not approved, 2 years following the "
          "discontinuance of the test article for investigation."),
        h2("10.5 Publication Policy"),
        p("The results of this study may be published or presented at scientific meetings. The Sponsor "
          "will comply with the requirements for publication of study results, including registration and "
          "results posting on ClinicalTrials.gov. Authorship will be determined by mutual agreement and in "
          "line with International Committee of Medical Journal Editors authorship requirements."),
    ]

    # ---- 10 References
    b += [
        h1("11 REFERENCES"),
        bullets(c["references"]),
    ]

    # ---- Appendices
    b += [
        page_break(),
        h1("Appendix A Schedule of Activities"),
        table("Table A-1 Schedule of Activities", c["soa_header"], c["soa_rows"], c["soa_widths"]),
        p("Abbreviations: C = cycle; D = day; EOT = end of treatment; FU = follow-up. Visit windows are "
          "+/- 3 days unless otherwise specified. Unscheduled visits may be performed at any time if "
          "clinically indicated."),
    ]
    b += c["appendix_b"]
    b += [
        h1("Appendix C Protocol Amendment History"),
        table("Table C-1 Document History", ["Document", "Date", "Summary of changes"], [
            ["Original protocol (Version 1.0)", c["v1_date"], "Not applicable"],
            [f"Amendment 1 (Version {c['version']})", c["date"], c["amendment_summary"]],
        ], [0.3, 0.2, 0.5]),
        h1("Appendix D Investigator Signature Page"),
        p(f"I have read protocol {c['number']} and agree to conduct the study as outlined herein, in "
          f"accordance with ICH GCP and all applicable regulatory requirements. I will provide copies of "
          f"the protocol to all staff members responsible to me who participate in the study, and I will "
          f"discuss this material with them to ensure that they are fully informed about the study "
          f"intervention and the conduct of the study."),
        p("Investigator name: ______________________________"),
        p("Signature: ______________________________   Date: ______________"),
        p("Institution: ______________________________"),
    ]
    return b


def consent_blocks(c):
    """Build an informed consent form from a study config dict ``c``."""
    b = [
        title([
            ("bold", "RESEARCH PARTICIPANT INFORMATION AND CONSENT FORM"),
            ("bold", "AND AUTHORIZATION TO USE AND DISCLOSE HEALTH INFORMATION"),
            ("gap", ""),
            ("line", f"Study title: {c['lay_title']}"),
            ("line", f"Protocol number: {c['number']}"),
            ("line", f"Sponsor: {c['sponsor']}"),
            ("line", f"Principal Investigator: {c['pi']}"),
            ("line", f"Study site: {c['site']}"),
            ("line", f"24-hour telephone: {c['phone']}"),
        ], page_break=False),
        h1("Key Information"),
        p("You are being asked to take part in a research study. Taking part is voluntary. This section "
          "gives you the most important information to help you decide whether or not to take part. More "
          "detail is given in the rest of this form. Please take your time, ask questions, and talk with "
          "your family, friends or your own doctor before you decide."),
        bullets(c["key_info"]),
        h1("Why is this study being done?"),
        p(c["why"]),
        h1("What will happen if I take part?"),
        p(c["what_happens"]),
        bullets(c["procedures"]),
        p(c["blood_amount"]),
    ]
    if c.get("visit_table"):
        b.append(table("Table 1 Study visits", ["Visit", "What happens"], c["visit_table"], [0.3, 0.7]))
    b += [
        h1("What happens to my samples?"),
    ]
    b += [p(t) for t in c["samples_text"]]
    b += [
        p("Your information or samples, with identifiers removed, could be used for future research studies or "
          "distributed to another investigator for future research studies without additional informed "
          "consent from you."),
        p("Your samples (even if identifiers are removed) may be used for commercial profit. You will not "
          "share in this commercial profit."),
        p("The research tests done on your samples are not clinical tests. We will not give you individual "
          "research results, except that if a result is clinically relevant to your health, your study doctor "
          "will tell you and discuss it with you."),
        p(f"The research done with your samples {c.get('wgs', 'might')} include whole genome sequencing (that is, "
          "sequencing of your entire genetic code)."),
        h1("How many people will take part, and for how long?"),
        p(f"About {c.get('enrolment', 120)} people will take part in this study. Your participation will last "
          f"about {c.get('duration', '12 months')}."),
        h1("What are the possible risks and discomforts?"),
        p(c["risks_text"]),
        bullets(c["risk_list"]),
        p("Blood draws may cause pain, bruising, light-headedness and, rarely, infection at the needle site. "
          "There may be risks that are not known at this time. You will be told about any new information "
          "that might change your decision to stay in the study."),
        p("Genetic testing risks: the study includes testing of your genes (DNA). A federal law, the Genetic "
          "Information Nondiscrimination Act (GINA), generally makes it illegal for health insurance "
          "companies, group health plans and most employers to discriminate against you based on your "
          "genetic information. GINA does not protect you against discrimination by companies that sell "
          "life insurance, disability insurance or long-term care insurance."),
        h1("What are the possible benefits?"),
        p("You may or may not benefit from taking part in this study. Information learned from this study "
          "may help other people in the future."),
        h1("What other choices do I have?"),
        p("You do not have to take part in this study to receive treatment for your condition. Your study "
          "doctor will discuss other options with you, including standard treatments and other research "
          "studies."),
        h1("Will it cost me anything? Will I be paid?"),
        p(c["costs"]),
        h1("What if I am injured?"),
        p("If you are injured as a direct result of taking part in this study, the study doctor will "
          "provide or arrange medical treatment. The Sponsor will pay the reasonable costs of that treatment "
          "that are not covered by your health insurance. No other compensation is offered. You do not give "
          "up any legal rights by signing this form."),
        h1("Confidentiality"),
        p("We will do our best to keep your personal information private. Your study records and samples "
          "will be labelled with a study code number instead of your name. The list linking your name to "
          "the code will be kept in a locked file at the study site."),
        p("Your health information may be looked at or copied by the Sponsor and people working for the "
          "Sponsor, the Institutional Review Board (IRB) that reviews this study, and the U.S. Food and Drug "
          "Administration (FDA). Once your health information is shared outside the study site, it may no "
          "longer be protected by federal privacy law (HIPAA)."),
        p("A description of this clinical trial will be available on http://www.ClinicalTrials.gov, as "
          "required by U.S. Law. This Web site will not include information that can identify you. At most, "
          "the Web site will include a summary of the results. You can search this Web site at any time."),
        p("Monitors, auditors, the IRB and regulatory authorities will be granted direct access to your "
          "original medical records to check study procedures and data, without violating your "
          "confidentiality."),
        h1("Voluntary participation"),
        p("Taking part in this study is your choice. You may choose not to take part, or you may leave the "
          "study at any time. Either way, there will be no penalty or loss of benefits to which you are "
          "otherwise entitled, and your regular medical care will not be affected. If you leave the study, "
          "samples and information already collected may still be used, unless you ask us in writing to "
          "destroy samples that have not yet been tested."),
        p("The study doctor or the Sponsor may take you out of the study without your consent if staying in "
          "the study would be harmful to you, if you do not follow the study instructions, or if the study is "
          "stopped."),
        h1("Whom do I contact if I have questions?"),
        p(f"If you have questions about the study, or you think you have been injured, call "
          f"{c['pi']} at {c['phone']}. If you have questions about your rights as a research participant, "
          f"call the IRB at {c['irb_phone']}."),
        h1("Signature"),
        p("By signing this form, I confirm that I have read this form (or had it read to me), my questions "
          "have been answered, and I voluntarily agree to take part in this study. I will receive a signed "
          "copy of this form."),
        p("Printed name of participant: ________________________________"),
        p("Signature of participant: ________________________________   Date: ______________"),
        p("Printed name of person obtaining consent: ________________________________"),
        p("Signature of person obtaining consent: ________________________________   Date: ______________"),
    ]
    return b


# --------------------------------------------------------------------------------------
# Renderers
# --------------------------------------------------------------------------------------

def _pdf_story(blocks, spacer_height):
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle

    body = ParagraphStyle("Body", fontName="Times-Roman", fontSize=10.5, leading=14, spaceAfter=6,
                          alignment=TA_JUSTIFY)
    bullet = ParagraphStyle("Bullet", parent=body, leftIndent=18, bulletIndent=6, spaceAfter=3)
    s_h1 = ParagraphStyle("H1", fontName="Helvetica-Bold", fontSize=12.5, leading=16, spaceBefore=12,
                          spaceAfter=6, keepWithNext=1)
    s_h2 = ParagraphStyle("H2", fontName="Helvetica-Bold", fontSize=11, leading=14, spaceBefore=8,
                          spaceAfter=4, keepWithNext=1)
    s_h3 = ParagraphStyle("H3", fontName="Helvetica-BoldOblique", fontSize=10.5, leading=13, spaceBefore=6,
                          spaceAfter=3, keepWithNext=1)
    caption = ParagraphStyle("Caption", fontName="Helvetica-Bold", fontSize=9, leading=11, spaceBefore=4,
                             spaceAfter=3, keepWithNext=1)
    cell = ParagraphStyle("Cell", fontName="Times-Roman", fontSize=9, leading=11)
    cell_h = ParagraphStyle("CellH", fontName="Helvetica-Bold", fontSize=8.5, leading=10.5)
    t_title = ParagraphStyle("TTitle", fontName="Helvetica-Bold", fontSize=15, leading=20,
                             alignment=TA_CENTER, spaceAfter=6)
    t_bold = ParagraphStyle("TBold", fontName="Helvetica-Bold", fontSize=11.5, leading=15,
                            alignment=TA_CENTER, spaceAfter=2)
    t_line = ParagraphStyle("TLine", fontName="Times-Roman", fontSize=10.5, leading=14,
                            alignment=TA_CENTER, spaceAfter=2)

    width = letter[0] - 2 * 72
    story = []
    for blk in blocks:
        k = blk["kind"]
        if k == "title":
            if blk["page_break"]:
                story.append(Spacer(1, 60))
            for style, text in blk["lines"]:
                if style == "gap":
                    story.append(Spacer(1, 14 if blk["page_break"] else 6))
                else:
                    st = {"title": t_title, "bold": t_bold, "line": t_line, "sub": t_line}[style]
                    story.append(Paragraph(escape(text), st))
            story.append(PageBreak() if blk["page_break"] else Spacer(1, 8))
        elif k == "h1":
            story.append(Paragraph(escape(blk["text"]), s_h1))
        elif k == "h2":
            story.append(Paragraph(escape(blk["text"]), s_h2))
        elif k == "h3":
            story.append(Paragraph(escape(blk["text"]), s_h3))
        elif k == "p":
            story.append(Paragraph(escape(blk["text"]), body))
        elif k == "bullets":
            for item in blk["items"]:
                story.append(Paragraph(escape(item), bullet, bulletText="\u2022"))
        elif k == "table":
            story.append(Paragraph(escape(blk["caption"]), caption))
            data = [[Paragraph(escape(h), cell_h) for h in blk["header"]]]
            data += [[Paragraph(escape(v), cell) for v in row] for row in blk["rows"]]
            t = Table(data, colWidths=[f * width for f in blk["widths"]], repeatRows=1, hAlign="LEFT")
            t.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.85, 0.85, 0.85)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ]))
            story.append(t)
            story.append(Spacer(1, 8))
        elif k == "pagebreak":
            story.append(PageBreak())
        elif k == "spacer_slot":
            if spacer_height:
                story.append(Spacer(1, spacer_height))
        else:  # pragma: no cover
            raise ValueError(k)
    return story


def render_pdf(blocks, *, header, footer_left, title_text, author, subject, spacer_height=0, total=None):
    """Return (pdf_bytes, page_count). Two passes give a correct 'Page X of Y' footer."""
    from reportlab.lib.pagesizes import letter
    from reportlab.platypus import SimpleDocTemplate

    def build(total_pages):
        buf = io.BytesIO()
        doc = SimpleDocTemplate(
            buf, pagesize=letter, leftMargin=72, rightMargin=72, topMargin=72, bottomMargin=68,
            title=title_text, author=author, subject=subject, creator=GENERATOR, producer="ReportLab",
            invariant=1,
        )

        def on_page(canv, _doc):
            canv.saveState()
            canv.setCreator(GENERATOR)
            w, h = letter
            canv.setFont("Helvetica", 8)
            canv.setFillGray(0.25)
            canv.drawString(72, h - 44, header)
            canv.setLineWidth(0.4)
            canv.line(72, h - 49, w - 72, h - 49)
            canv.line(72, 50, w - 72, 50)
            canv.drawString(72, 38, footer_left)
            canv.drawRightString(w - 72, 38, f"Page {canv.getPageNumber()} of {total_pages}")
            canv.restoreState()

        doc.build(_pdf_story(blocks, spacer_height), onFirstPage=on_page, onLaterPages=on_page)
        return buf.getvalue(), doc.page

    if total is None:
        _, total = build(99)
    data, pages = build(total)
    if total != 99:
        assert pages == total, (pages, total)
    return data, pages


def _normalize_docx(raw: bytes) -> bytes:
    """Re-zip a DOCX with fixed timestamps so that output bytes are reproducible."""
    src = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 3, 14, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def _add_field(paragraph, instr):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    paragraph._p.append(fld)


def render_docx(blocks, *, header, footer_left, title_text, author, subject) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)

    sec = doc.sections[0]
    sec.header.paragraphs[0].text = header
    fp = sec.footer.paragraphs[0]
    fp.text = f"{footer_left}    Page "
    _add_field(fp, " PAGE ")
    fp.add_run(" of ")
    _add_field(fp, " NUMPAGES ")

    for blk in blocks:
        k = blk["kind"]
        if k == "title":
            for style, text in blk["lines"]:
                if style == "gap":
                    doc.add_paragraph("")
                elif style == "title":
                    para = doc.add_paragraph(text, style="Title")
                    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
                else:
                    para = doc.add_paragraph()
                    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    run = para.add_run(text)
                    run.bold = style == "bold"
            if blk["page_break"]:
                doc.add_page_break()
        elif k in ("h1", "h2", "h3"):
            doc.add_heading(blk["text"], level=int(k[1]))
        elif k == "p":
            doc.add_paragraph(blk["text"])
        elif k == "bullets":
            for item in blk["items"]:
                doc.add_paragraph(item, style="List Bullet")
        elif k == "table":
            doc.add_paragraph(blk["caption"], style="Caption")
            t = doc.add_table(rows=1, cols=len(blk["header"]))
            t.style = "Table Grid"
            for cell, text in zip(t.rows[0].cells, blk["header"]):
                cell.text = ""
                cell.paragraphs[0].add_run(text).bold = True
            for row in blk["rows"]:
                cells = t.add_row().cells
                for cell, text in zip(cells, row):
                    cell.text = text
            doc.add_paragraph("")
        elif k == "pagebreak":
            doc.add_page_break()
        elif k == "spacer_slot":
            pass
        else:  # pragma: no cover
            raise ValueError(k)

    cp = doc.core_properties
    cp.title = title_text
    cp.author = author
    cp.subject = subject
    cp.last_modified_by = author
    cp.created = FIXED_DT
    cp.modified = FIXED_DT
    cp.last_printed = FIXED_DT
    cp.revision = 1
    cp.comments = GENERATOR
    buf = io.BytesIO()
    doc.save(buf)
    return _normalize_docx(buf.getvalue())


def render_txt(blocks, *, header) -> str:
    out = [header, ""]
    wrap = textwrap.TextWrapper(width=78)
    for blk in blocks:
        k = blk["kind"]
        if k == "title":
            for style, text in blk["lines"]:
                if style == "gap":
                    out.append("")
                else:
                    for line in textwrap.wrap(text, 70):
                        out.append(line.center(78).rstrip())
            out.append("")
            out.append("-" * 78)
            out.append("")
        elif k == "h1":
            out += ["", blk["text"], "=" * len(blk["text"]), ""]
        elif k in ("h2", "h3"):
            out += ["", blk["text"], ""]
        elif k == "p":
            out += wrap.wrap(blk["text"]) + [""]
        elif k == "bullets":
            for item in blk["items"]:
                out += textwrap.wrap(item, 78, initial_indent="  - ", subsequent_indent="    ")
            out.append("")
        elif k == "table":
            out.append(blk["caption"])
            out.append("")
            rows = [blk["header"]] + blk["rows"]
            n = len(blk["header"])
            colw = [max(8, int(f * 74)) for f in blk["widths"]]
            for ri, row in enumerate(rows):
                wrapped = [textwrap.wrap(row[i], colw[i] - 1) or [""] for i in range(n)]
                height = max(len(w) for w in wrapped)
                for li in range(height):
                    parts = [(wrapped[i][li] if li < len(wrapped[i]) else "").ljust(colw[i] - 1)
                             for i in range(n)]
                    out.append(("| " + " | ".join(parts)).rstrip())
                if ri == 0:
                    out.append("|" + "+".join("-" * (colw[i] + 1) for i in range(n)))
            out.append("")
        elif k == "pagebreak":
            out += ["", "\f"]
        elif k == "spacer_slot":
            pass
    text = "\n".join(out)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n"


def render_md(blocks) -> str:
    out = []
    for blk in blocks:
        k = blk["kind"]
        if k == "title":
            for style, text in blk["lines"]:
                if style == "gap":
                    continue
                if style == "bold":
                    out.append(f"**{text}**  ")
                else:
                    out.append(f"{text}  ")
            out.append("")
        elif k == "h1":
            out += [f"## {blk['text']}", ""]
        elif k == "h2":
            out += [f"### {blk['text']}", ""]
        elif k == "h3":
            out += [f"#### {blk['text']}", ""]
        elif k == "p":
            out += [blk["text"], ""]
        elif k == "bullets":
            out += [f"- {item}" for item in blk["items"]] + [""]
        elif k == "table":
            out += [f"*{blk['caption']}*", ""]
            out.append("| " + " | ".join(blk["header"]) + " |")
            out.append("|" + "|".join("---" for _ in blk["header"]) + "|")
            out += ["| " + " | ".join(r) + " |" for r in blk["rows"]]
            out.append("")
        elif k in ("pagebreak", "spacer_slot"):
            pass
    return "\n".join(out).strip() + "\n"


# --------------------------------------------------------------------------------------
# Common study fragments
# --------------------------------------------------------------------------------------

ONC_SOA_HEADER = ["Procedure", "Screening (D-28 to D-1)", "C1D1", "C1D8", "C1D15", "D1 of C2+", "EOT",
                  "FU"]
ONC_SOA_WIDTHS = [0.3, 0.12, 0.09, 0.09, 0.09, 0.1, 0.09, 0.12]


def onc_soa_rows(extra):
    rows = [
        ["Informed consent", "X", "", "", "", "", "", ""],
        ["Medical history and demographics", "X", "", "", "", "", "", ""],
        ["Physical examination", "X", "X", "", "X", "X", "X", ""],
        ["Vital signs, weight", "X", "X", "X", "X", "X", "X", ""],
        ["12-lead ECG (triplicate)", "X", "X", "", "", "X", "X", ""],
        ["Hematology, chemistry, coagulation", "X", "X", "X", "X", "X", "X", ""],
        ["Pregnancy test (if applicable)", "X", "X", "", "", "X", "X", ""],
        ["Tumour assessment (CT/MRI)", "X", "", "", "", "Every 6 weeks", "X", "Every 12 weeks"],
        ["Study intervention administration", "", "X", "X", "X", "X", "", ""],
        ["Adverse events", "X", "X", "X", "X", "X", "X", "X"],
        ["Concomitant medications", "X", "X", "X", "X", "X", "X", ""],
        ["Survival follow-up", "", "", "", "", "", "", "X"],
    ]
    return rows + extra


US_REFS = [
    "U.S. Food and Drug Administration. Guidance for Industry: Clinical Trial Endpoints for the Approval "
    "of Cancer Drugs and Biologics. December 2018.",
    "Eisenhauer EA, Therasse P, Bogaerts J, et al. New response evaluation criteria in solid tumours: "
    "revised RECIST guideline (version 1.1). Eur J Cancer. 2009;45(2):228-247.",
    "National Cancer Institute. Common Terminology Criteria for Adverse Events (CTCAE) Version 5.0. "
    "November 2017.",
]


# --------------------------------------------------------------------------------------
# Study 1: undisclosed_ccn
# --------------------------------------------------------------------------------------

SHANGHAI_SENTENCE = ("Tumour tissue and plasma samples will be shipped to the sequencing laboratory in Shanghai, "
                     "China for whole genome sequencing.")


def study_undisclosed_ccn():
    number = "TA-2025-014"
    labs = [
        ["Midwest Central Laboratory", "500 Research Blvd, Indianapolis, IN 46202", "United States",
         "Hematology, chemistry, coagulation, urinalysis (safety labs)"],
        ["Shanghai Genomics Laboratory Co., Ltd.", "1200 Zhangheng Road, Pudong, Shanghai 201203", "China",
         "WGS, RNA-seq"],
        ["Beacon Bioanalytical Services, Inc.", "2100 Technology Drive, Princeton, NJ 08540", "United States",
         "PK (plasma velostatinib concentrations), anti-drug antibodies"],
    ]
    sample_blocks = [
        h2("8.4 Sample Shipment and Analysis"),
        h3("8.4.1 Biomarker Samples"),
        p("Biomarker samples will be collected from all participants in this study as specified in the "
          "Schedule of Activities. Exploratory biomarker research is intended to identify genomic and "
          "transcriptomic features associated with response or resistance to velostatinib in combination "
          "with pembrolizumab, and to support the development of a companion diagnostic."),
        bullets([
            "Archival or fresh tumour tissue (formalin-fixed paraffin-embedded block or at least 15 "
            "unstained slides) collected at screening.",
            "Plasma for circulating tumour DNA (ctDNA) at C1D1, C2D1, C4D1 and at EOT (2 x 10 mL Streck "
            "tubes per time point).",
            "Whole blood for germline DNA (1 x 6 mL K2EDTA tube) at C1D1.",
            "Optional on-treatment tumour biopsy at C2D8 for participants who give separate consent.",
        ]),
        p("Samples will be collected, labelled, processed and stored at the site in accordance with the "
          "Laboratory Manual. Each sample will be labelled with the protocol number, participant number, "
          "visit and time point only; no participant names, initials or dates of birth will appear on "
          "sample labels or requisition forms. Plasma will be separated within 2 hours of collection by "
          "double centrifugation and frozen at -70 C or below. Tumour blocks will be stored at ambient "
          "temperature and protected from light."),
        p("Safety laboratory samples (hematology, chemistry, coagulation and urinalysis) will be analysed by "
          "the central safety laboratory. Local laboratory results may be used for eligibility and for "
          "dosing decisions where the central laboratory result is not available in time; in that case a "
          "duplicate sample must also be sent to the central laboratory."),
        h3("8.4.2 Sample Shipment"),
        p("All samples will be shipped by courier under controlled temperature conditions using the "
          "shipping supplies and airway bills provided in the site kits. Frozen samples will be shipped on "
          "dry ice in batches, and ambient samples will be shipped on the day of collection. The central "
          "laboratories used in this study and the analyses performed by each laboratory are listed in "
          "Table 5."),
        table("Table 5 Central Laboratories", ["Laboratory", "Address", "Country", "Analyses"], labs,
              [0.27, 0.33, 0.14, 0.26]),
        spacer_slot(),
        p("Samples for exploratory genomic analysis will be batched at the site and shipped according to "
          "the schedule in the Laboratory Manual, once the participant has completed the corresponding "
          "visit and the requisition form has been reconciled by the study monitor. " + SHANGHAI_SENTENCE +
          " Sequencing will be performed to a mean depth of 30x for germline DNA and 60x for tumour DNA, and "
          "RNA-seq will be performed on tumour tissue where sufficient material remains after DNA "
          "extraction. Raw sequence data (FASTQ and BAM files) and variant calls will be transferred to the "
          "Sponsor's secure data environment, and residual extracted nucleic acids will be retained by the "
          "sequencing laboratory until the end of the study."),
        p("The sequencing laboratory is responsible for obtaining any approvals required by local "
          "regulation for the receipt, analysis and storage of human genetic material. The Sponsor will "
          "reconcile shipment manifests against the sample inventory on a monthly basis."),
        h3("8.4.3 Storage and Future Use"),
        p("Residual samples may be stored for up to 15 years after the end of the study for future research "
          "related to velostatinib, non-small cell lung cancer, or the development of diagnostic tests. "
          "Samples from participants who withdraw consent for future research will be destroyed and the "
          "destruction documented."),
    ]
    appendix_b = [
        page_break(),
        h1("Appendix B Laboratory Manual Summary"),
        p("This appendix summarizes the key requirements of the Laboratory Manual. In case of discrepancy, "
          "the current version of the Laboratory Manual takes precedence for operational details, and this "
          "protocol takes precedence for the type and timing of samples."),
        table("Table B-1 Sample Handling Summary", ["Sample", "Tube / container", "Processing",
                                                   "Storage", "Ship to"], [
            ["Safety labs", "SST 5 mL, K2EDTA 2 mL", "Per kit instructions", "Ambient / 2-8 C",
             "Midwest Central Laboratory"],
            ["PK plasma", "K2EDTA 4 mL", "Centrifuge 1500 g 10 min", "-70 C", "Beacon Bioanalytical"],
            ["ctDNA plasma", "Streck cfDNA BCT 10 mL x 2", "Double spin within 2 h", "-70 C",
             "Shanghai Genomics Laboratory"],
            ["Germline DNA", "K2EDTA 6 mL", "None; freeze upright", "-70 C", "Shanghai Genomics Laboratory"],
            ["Tumour tissue", "FFPE block or 15 slides", "None", "Ambient",
             "Shanghai Genomics Laboratory"],
        ], [0.16, 0.22, 0.22, 0.14, 0.26]),
        p("Frozen shipments to the sequencing laboratory may only be sent Monday to Wednesday to allow for "
          "customs clearance and must be accompanied by the commercial invoice and the sample manifest "
          "generated by the Laboratory Information Management System. Sites must notify the courier and "
          "the laboratory by email at least 24 hours before each shipment."),
    ]
    c = dict(
        number=number, drug="Velostatinib (TAX-419)", phase="2", ind="IND 162418",
        title="A Phase 2, Randomized, Open-Label, Multicenter Study of Velostatinib in Combination with "
              "Pembrolizumab Versus Pembrolizumab Alone in Participants with Previously Untreated Metastatic "
              "Non-Small Cell Lung Cancer, with Exploratory Genomic Biomarker Analysis",
        sponsor="Tarrant Oncology, Inc.", sponsor_addr="75 Kneeland Street, Suite 900, Boston, MA 02111",
        version="2.0", date="14 March 2025", supersedes="Version 1.0, 02 October 2024",
        v1_date="02 October 2024",
        amendment_summary="Added germline DNA sample; clarified biomarker sample shipment schedule; updated "
                          "list of central laboratories (Table 5).",
        indication="Previously untreated metastatic non-small cell lung cancer (NSCLC) without actionable "
                   "EGFR, ALK or ROS1 alterations",
        primary_obj="To compare progression-free survival (PFS) of velostatinib plus pembrolizumab versus "
                    "pembrolizumab alone",
        design="Randomized (1:1), open-label, multicenter, parallel-group study",
        population="Adults aged 18 years or older with metastatic NSCLC, PD-L1 TPS of 1% or more, ECOG "
                   "performance status 0-1",
        n_text="Approximately 180 participants will be randomized (90 per arm)",
        sites="Approximately 28 sites in the United States",
        intervention_short="Velostatinib 120 mg orally once daily plus pembrolizumab 200 mg IV every 3 weeks; "
                           "or pembrolizumab 200 mg IV every 3 weeks",
        duration="Up to 28 days screening; treatment until progression or unacceptable toxicity (maximum "
                 "35 cycles of pembrolizumab); follow-up every 12 weeks for survival",
        stats_short="Stratified log-rank test for PFS; hazard ratio estimated using a stratified Cox model",
        background1="Lung cancer remains the leading cause of cancer death in the United States. Non-small "
                    "cell lung cancer accounts for approximately 85% of cases, and most patients present "
                    "with advanced or metastatic disease. Immune checkpoint inhibitors targeting programmed "
                    "death-1 (PD-1), alone or in combination with chemotherapy, are standard first-line "
                    "treatment for patients without actionable driver alterations; however, most patients "
                    "eventually progress and median overall survival remains below 2 years.",
        background2="Velostatinib (TAX-419) is an orally bioavailable, selective inhibitor of the "
                    "TAM-family receptor tyrosine kinases AXL and MER. AXL and MER signalling on tumour-"
                    "associated macrophages promotes an immunosuppressive tumour microenvironment, and "
                    "upregulation of AXL has been associated with acquired resistance to PD-1 blockade. In "
                    "syngeneic mouse models, velostatinib enhanced the antitumour activity of anti-PD-1 "
                    "antibodies and increased the ratio of CD8-positive T cells to regulatory T cells.",
        rationale="In the Phase 1 dose-escalation study TAX-419-101 (N = 46), velostatinib in combination "
                  "with pembrolizumab was generally well tolerated at doses up to 160 mg once daily. The "
                  "recommended Phase 2 dose (RP2D) of 120 mg once daily was selected on the basis of "
                  "safety, PK and pharmacodynamic data. Objective responses were observed in 9 of 21 "
                  "participants with NSCLC treated at the RP2D. This study will evaluate whether the "
                  "addition of velostatinib to pembrolizumab improves PFS and will explore genomic "
                  "predictors of benefit.",
        risks=[
            "Hepatotoxicity (ALT/AST elevation): liver function tests at every visit; dose modification "
            "guidelines in Section 6.3.",
            "Immune-mediated adverse reactions associated with pembrolizumab: management per prescribing "
            "information and institutional guidelines.",
            "Embryo-fetal toxicity: highly effective contraception required; pregnancy testing.",
            "Visual disturbances observed in nonclinical studies: ophthalmologic examination at screening "
            "and as clinically indicated.",
        ],
        objectives=[
            ["Primary: To compare PFS between treatment arms", "PFS per RECIST v1.1 by blinded independent "
                                                             "central review"],
            ["Secondary: To compare overall survival (OS)", "OS, defined as time from randomization to "
                                                           "death from any cause"],
            ["Secondary: To evaluate objective response", "Objective response rate and duration of "
                                                         "response per RECIST v1.1"],
            ["Secondary: To evaluate safety and tolerability", "Incidence and severity of AEs, SAEs and "
                                                              "laboratory abnormalities"],
            ["Exploratory: To identify genomic biomarkers of response", "Associations between whole genome "
                                                                       "sequencing and RNA-seq features and "
                                                                       "clinical outcome"],
        ],
        design_long="This is a Phase 2, randomized, open-label, multicenter study. Approximately 180 "
                    "participants will be randomized in a 1:1 ratio to receive velostatinib 120 mg orally "
                    "once daily in combination with pembrolizumab 200 mg intravenously every 3 weeks (Arm "
                    "A) or pembrolizumab 200 mg every 3 weeks alone (Arm B). Randomization will be "
                    "stratified by PD-L1 tumour proportion score (1-49% versus 50% or more) and histology "
                    "(squamous versus non-squamous). Treatment will continue until disease progression, "
                    "unacceptable toxicity, withdrawal of consent, or completion of 35 cycles of "
                    "pembrolizumab. Participants in Arm B will not be permitted to cross over.",
        inclusion=[
            "Male or female, aged 18 years or older at the time of signing the ICF.",
            "Histologically or cytologically confirmed stage IV NSCLC (AJCC 8th edition) with no prior "
            "systemic therapy for metastatic disease.",
            "PD-L1 tumour proportion score of 1% or more as determined by an FDA-approved test.",
            "At least one measurable lesion per RECIST v1.1.",
            "Eastern Cooperative Oncology Group (ECOG) performance status of 0 or 1.",
            "Availability of an archival tumour tissue sample or willingness to undergo a fresh biopsy.",
        ],
        exclusion=[
            "Known EGFR, ALK, ROS1, BRAF V600E, RET, MET exon 14 or NTRK alterations.",
            "Untreated or symptomatic central nervous system metastases.",
            "Active autoimmune disease that has required systemic treatment in the past 2 years.",
            "History of interstitial lung disease or non-infectious pneumonitis that required steroids.",
            "QTcF greater than 470 ms on the screening ECG.",
        ],
        intervention_blocks=[
            h2("6.1 Study Interventions Administered"),
            table("Table 6-1 Study Interventions", ["", "Velostatinib", "Pembrolizumab"], [
                ["Dosage form", "Film-coated tablet, 40 mg", "Solution for infusion, 25 mg/mL"],
                ["Dose", "120 mg (3 x 40 mg) once daily", "200 mg"],
                ["Route", "Oral, with or without food", "Intravenous infusion over 30 minutes"],
                ["Frequency", "Continuous daily dosing", "Every 3 weeks (Day 1 of each cycle)"],
                ["Sourcing", "Provided by Sponsor", "Provided by Sponsor"],
            ], [0.2, 0.4, 0.4]),
            h2("6.2 Preparation, Handling, Storage and Accountability"),
            p("The investigator or designee must confirm that appropriate temperature conditions have been "
              "maintained during transit for all study intervention received, and any discrepancies must be "
              "reported and resolved before use. Only participants enrolled in the study may receive study "
              "intervention, and only authorized site staff may supply or administer study intervention."),
            h2("6.3 Dose Modification"),
            p("Dose reductions of velostatinib to 80 mg and then 40 mg once daily are permitted for "
              "treatment-related toxicity. Velostatinib should be withheld for Grade 3 or higher "
              "treatment-related AEs until recovery to Grade 1 or baseline, and then resumed at the next "
              "lower dose level. No dose reductions of pembrolizumab are permitted; pembrolizumab may be "
              "withheld or discontinued according to the prescribing information."),
        ],
        efficacy="Tumour imaging (CT or MRI of the chest, abdomen and pelvis, and brain MRI if clinically "
                 "indicated) will be performed at screening and every 6 weeks (+/- 7 days) from "
                 "randomization for 48 weeks and every 12 weeks thereafter until disease progression. "
                 "Response will be assessed by the investigator and by blinded independent central review "
                 "according to RECIST v1.1. Images will be submitted electronically to the imaging core "
                 "laboratory.",
        pk="Blood samples of approximately 4 mL will be collected for measurement of plasma "
           "concentrations of velostatinib at the time points specified in the Schedule of Activities. "
           "The actual date and time of each sample collection and of the preceding dose will be "
           "recorded. Plasma concentrations will be determined using a validated LC-MS/MS method.",
        sample_blocks=sample_blocks,
        hypothesis="The null hypothesis is that there is no difference in PFS between Arm A and Arm B. The "
                   "alternative hypothesis is that PFS in Arm A is longer than in Arm B.",
        sample_size="A total of 120 PFS events provides 80% power to detect a hazard ratio of 0.60 (median "
                    "PFS of 7.5 versus 12.5 months) at a one-sided significance level of 0.025. Assuming an "
                    "enrolment period of 18 months and a 10% dropout rate, approximately 180 participants "
                    "will be randomized.",
        references=US_REFS,
        soa_header=ONC_SOA_HEADER, soa_widths=ONC_SOA_WIDTHS,
        soa_rows=onc_soa_rows([
            ["PK plasma sample", "", "X", "X", "", "C2, C4", "", ""],
            ["Tumour tissue (archival or fresh)", "X", "", "", "", "", "", ""],
            ["Plasma for ctDNA", "", "X", "", "", "C2, C4", "X", ""],
            ["Whole blood for germline DNA", "", "X", "", "", "", "", ""],
        ]),
        appendix_b=appendix_b,
    )
    consent = dict(
        number=number, sponsor="Tarrant Oncology, Inc.",
        lay_title="A study of velostatinib (TAX-419) with pembrolizumab for people with advanced lung cancer",
        pi="Dr. Rebecca Alvarez, MD", site="Lakeshore Cancer Center, Chicago, Illinois",
        phone="(312) 555-0148", irb_phone="(312) 555-0190",
        key_info=[
            "This study is testing whether adding an experimental drug called velostatinib to the standard "
            "drug pembrolizumab works better than pembrolizumab alone for advanced lung cancer.",
            "You will be in the study for as long as the treatment is helping you, and then we will contact "
            "you every 3 months.",
            "You will have blood tests, scans and a sample of your tumour tissue will be collected.",
            "The main risks are liver problems, tiredness, and immune-related side effects.",
            "You do not have to take part. You can stop at any time.",
        ],
        why="Pembrolizumab is an approved treatment for lung cancer. Velostatinib is an experimental drug "
            "that is not approved by the U.S. Food and Drug Administration (FDA). Researchers want to find "
            "out whether giving both drugs together slows the growth of lung cancer for longer than "
            "pembrolizumab alone. About 180 people at about 28 hospitals will take part.",
        what_happens="If you agree to take part, you will first have screening tests to see if you can be "
                     "in the study. A computer will then assign you by chance (like flipping a coin) to one "
                     "of two groups. One group will take velostatinib tablets every day and receive "
                     "pembrolizumab through a vein every 3 weeks. The other group will receive "
                     "pembrolizumab alone. During the study you will have:",
        procedures=[
            "Physical exams, vital signs and heart tracings (ECGs).",
            "Blood draws at most visits for safety tests and to measure the amount of study drug in your "
            "blood.",
            "CT or MRI scans about every 6 weeks to check your cancer.",
            "Collection of tumour tissue left over from an earlier biopsy or surgery, or a new biopsy if "
            "none is available.",
            "A blood sample for genetic (DNA) testing on the first day of treatment.",
        ],
        blood_amount="In total, about 8 tablespoons (120 mL) of blood will be taken during the first 3 "
                     "months of the study, and about 2 tablespoons (30 mL) at each visit after that.",
        visit_table=[
            ["Screening (up to 4 weeks)", "Medical history, physical exam, blood tests, ECG, CT or MRI scan, "
                                          "collection of tumour tissue"],
            ["Day 1 of each 3-week cycle", "Physical exam, blood tests, study drug; extra blood samples for "
                                           "research on Cycle 1 Day 1 and Cycles 2 and 4"],
            ["Every 6 weeks", "CT or MRI scan"],
            ["End of treatment", "Physical exam, blood tests, research blood sample"],
            ["Follow-up", "Telephone call or clinic visit every 3 months"],
        ],
        samples_text=[
            "Your blood and tumour samples will be labelled with a code number, not your name. Your "
            "samples will be sent to a laboratory for testing. Some of the testing will look at the genes "
            "(DNA and RNA) in your tumour and in your blood, to learn why the study drug works for some "
            "people and not for others. This may include sequencing your whole genome.",
            "The results of this research testing will not be given to you or your study doctor and will "
            "not be put in your medical record, because the tests are for research only.",
            "Any samples left over after the study tests are done may be stored for up to 15 years and used "
            "for future research about velostatinib, lung cancer, or new diagnostic tests. If you change "
            "your mind, you can ask for your remaining samples to be destroyed by writing to the study "
            "doctor.",
        ],
        risks_text="Velostatinib has been given to about 60 people so far. The most common side effects "
                   "have been:",
        risk_list=["Tiredness", "Diarrhea", "Increase in liver enzymes in the blood",
                   "Blurred vision", "Rash"],
        costs="The study drugs and study-only tests will be provided at no cost to you. You or your "
              "insurance will pay for routine cancer care. You will receive $75 for each study visit to "
              "help cover travel and parking.",
    )
    return c, consent, labs


# --------------------------------------------------------------------------------------
# Study 2: vague_disclosure
# --------------------------------------------------------------------------------------

def healthy_soa():
    return (["Procedure", "Screening (D-28 to D-2)", "D-1", "D1", "D2", "D3", "D7", "D14 (EOS)"],
            [
                ["Informed consent", "X", "", "", "", "", "", ""],
                ["Medical history, demographics", "X", "", "", "", "", "", ""],
                ["Admission to clinical research unit", "", "X", "", "", "", "", ""],
                ["Physical examination", "X", "X", "", "", "X", "", "X"],
                ["Vital signs", "X", "X", "X", "X", "X", "X", "X"],
                ["12-lead ECG", "X", "X", "X", "X", "", "", "X"],
                ["Safety laboratory tests", "X", "X", "", "X", "X", "X", "X"],
                ["Study intervention (single dose)", "", "", "X", "", "", "", ""],
                ["PK blood sampling", "", "", "X (pre-dose to 24 h)", "X", "X", "X", ""],
                ["Urine for PK", "", "", "X", "X", "", "", ""],
                ["Adverse events", "X", "X", "X", "X", "X", "X", "X"],
            ],
            [0.26, 0.13, 0.08, 0.14, 0.09, 0.09, 0.09, 0.12])


def study_vague_disclosure():
    number = "BRX-2207-101"
    labs = [
        ["Pacific Clinical Reference Laboratory", "4410 Executive Drive, San Diego, CA 92121", "United States",
         "Hematology, chemistry, urinalysis, serology, drug screen"],
        ["Bioanalytik Labor GmbH", "Im Neuenheimer Feld 584, 69120 Heidelberg", "Germany",
         "PK (plasma and urine BRX-2207 and metabolite M3 by LC-MS/MS)"],
    ]
    sample_blocks = [
        h2("8.4 Sample Handling"),
        h3("8.4.1 Collection and Processing"),
        p("Blood samples of approximately 3 mL will be collected into K2EDTA tubes for the determination of "
          "plasma concentrations of BRX-2207 and its active metabolite M3 at pre-dose and at 0.25, 0.5, 1, "
          "2, 3, 4, 6, 8, 12, 24, 48 and 144 hours post-dose. Within 30 minutes of collection, samples will "
          "be centrifuged at 1500 g for 10 minutes at 4 C, and the plasma divided into two aliquots (primary "
          "and back-up) and frozen at -70 C or below."),
        h3("8.4.2 Sample Shipment"),
        p("Safety laboratory samples will be sent daily to the local central laboratory listed in Table 5. "
          "PK samples will be shipped on dry ice to the central bioanalytical laboratory, Bioanalytik Labor "
          "GmbH, Heidelberg, Germany, where plasma and urine concentrations of BRX-2207 and M3 will be "
          "measured using a validated LC-MS/MS method. Primary aliquots will be shipped first; back-up "
          "aliquots will be shipped only after confirmation that the primary shipment has been received in "
          "good condition."),
        table("Table 5 Laboratories", ["Laboratory", "Address", "Country", "Analyses"], labs,
              [0.27, 0.33, 0.14, 0.26]),
        h3("8.4.3 Sample Retention"),
        p("Residual PK samples may be used for metabolite profiling or for further evaluation of the "
          "bioanalytical method and will be destroyed no later than 5 years after the final clinical study "
          "report. No genetic testing will be performed on samples collected in this study."),
    ]
    appendix_b = [
        h1("Appendix B Laboratory Manual Summary"),
        p("Sample tubes, labels, requisition forms and shipping materials will be supplied by the "
          "laboratories. PK shipments are to be sent Monday to Wednesday only, with a temperature logger, "
          "and the bioanalytical laboratory must be notified by email on the day of shipment."),
        bullets([
            "Safety laboratory samples: ambient, courier pick-up daily.",
            "PK plasma and urine samples: dry ice, batched weekly, to Bioanalytik Labor GmbH.",
            "Back-up aliquots: retained at the clinical research unit until release by the Sponsor.",
        ]),
    ]
    soa_header, soa_rows, soa_widths = healthy_soa()
    c = dict(
        number=number, drug="BRX-2207", phase="1", ind="IND 170233",
        title="A Phase 1, Randomized, Double-Blind, Placebo-Controlled, Single Ascending Dose Study to Evaluate "
              "the Safety, Tolerability and Pharmacokinetics of BRX-2207 in Healthy Adult Participants",
        sponsor="Brightwater Therapeutics, Inc.", sponsor_addr="10835 Road to the Cure, San Diego, CA 92121",
        version="1.1", date="20 January 2025", supersedes="Version 1.0, 11 November 2024",
        v1_date="11 November 2024",
        amendment_summary="Added urine PK sampling; updated bioanalytical laboratory details.",
        indication="Not applicable (healthy participants); BRX-2207 is being developed for chronic "
                   "cough",
        primary_obj="To evaluate the safety and tolerability of single ascending oral doses of BRX-2207",
        design="Randomized, double-blind, placebo-controlled, sequential single ascending dose cohorts",
        population="Healthy male and female participants aged 18 to 55 years, BMI 18.0 to 32.0 kg/m2",
        n_text="Approximately 48 participants (6 cohorts of 8; 6 active and 2 placebo per cohort)",
        sites="One clinical research unit in San Diego, California, United States",
        intervention_short="BRX-2207 oral suspension 10, 30, 100, 300, 600 or 1000 mg, or matching placebo",
        duration="Up to 28 days screening, 4-day inpatient stay, follow-up to Day 14",
        stats_short="Descriptive statistics; PK parameters by noncompartmental analysis",
        background1="Refractory chronic cough affects an estimated 5 to 10% of adults and has a substantial "
                    "impact on quality of life. Available treatments have limited efficacy and are "
                    "associated with taste disturbance and sedation.",
        background2="BRX-2207 is a selective, orally available antagonist of the P2X3 receptor with greater "
                    "than 500-fold selectivity over P2X2/3. In nonclinical studies BRX-2207 reduced "
                    "citric-acid-induced cough in guinea pigs at exposures that did not affect taste-related "
                    "behaviour.",
        rationale="This first-in-human study will provide safety, tolerability and PK data to support dose "
                  "selection for subsequent multiple-dose and patient studies. The starting dose of 10 mg "
                  "is approximately one-fiftieth of the human equivalent of the no-observed-adverse-effect "
                  "level in the most sensitive species.",
        risks=[
            "Taste disturbance (dysgeusia): monitored by questionnaire.",
            "Transaminase elevation seen at high exposure in dogs: daily liver tests while inpatient.",
            "Unknown risks of a first-in-human study: sentinel dosing and staggered cohort progression.",
        ],
        objectives=[
            ["Primary: To evaluate safety and tolerability", "Incidence of treatment-emergent AEs; changes "
                                                            "in vital signs, ECG and laboratory values"],
            ["Secondary: To characterize the PK of BRX-2207", "Cmax, Tmax, AUC0-inf, t1/2 of BRX-2207 and M3 "
                                                             "in plasma; amount excreted in urine"],
            ["Exploratory: To evaluate taste function", "Taste questionnaire scores"],
        ],
        design_long="This is a single-center, randomized, double-blind, placebo-controlled, single ascending "
                    "dose study. Six cohorts of 8 participants each will be randomized 3:1 to BRX-2207 or "
                    "placebo. In each cohort, 2 sentinel participants (1 active, 1 placebo) will be dosed at "
                    "least 24 hours before the remaining participants. Dose escalation to the next cohort will "
                    "occur only after review of blinded safety and available PK data through Day 7 by the "
                    "Safety Review Committee.",
        inclusion=[
            "Healthy male or female participants aged 18 to 55 years inclusive.",
            "Body mass index of 18.0 to 32.0 kg/m2 and body weight of at least 50 kg.",
            "Medically healthy with no clinically significant findings in medical history, physical "
            "examination, laboratory tests, vital signs or ECG.",
            "Non-smoker for at least 3 months before screening.",
        ],
        exclusion=[
            "History or presence of clinically significant cardiovascular, respiratory, hepatic, renal, "
            "gastrointestinal, endocrine, hematological or neurological disorders.",
            "Use of any prescription or over-the-counter medication within 14 days before dosing.",
            "Positive drug or alcohol screen at screening or admission.",
            "Donation of more than 500 mL of blood within 56 days before dosing.",
        ],
        intervention_blocks=[
            h2("6.1 Study Interventions Administered"),
            p("BRX-2207 will be supplied as powder for oral suspension, reconstituted by the site pharmacy. "
              "Matching placebo will be supplied as an identical-appearing vehicle. Study intervention will "
              "be administered in the morning after an overnight fast of at least 10 hours with 240 mL of "
              "water."),
            table("Table 6-1 Dose Cohorts", ["Cohort", "BRX-2207 dose", "Participants (active:placebo)"], [
                ["1", "10 mg", "6:2"], ["2", "30 mg", "6:2"], ["3", "100 mg", "6:2"],
                ["4", "300 mg", "6:2"], ["5", "600 mg", "6:2"], ["6", "1000 mg", "6:2"],
            ], [0.2, 0.4, 0.4]),
            h2("6.2 Preparation, Handling, Storage and Accountability"),
            p("Study intervention must be stored in a secure, environmentally controlled and monitored area "
              "in accordance with the labelled storage conditions, with access limited to the investigator "
              "and authorized site staff."),
            h2("6.3 Dose Escalation Stopping Rules"),
            p("Dose escalation will be stopped if 2 or more participants in a cohort experience a serious "
              "adverse event considered related to study intervention, or if 2 or more participants "
              "experience the same severe AE considered related to study intervention."),
        ],
        efficacy="No efficacy assessments are planned for this study in healthy participants.",
        pk="Plasma and urine concentrations of BRX-2207 and M3 will be determined as described in Section "
           "8.4. PK parameters will be derived by noncompartmental analysis using actual sampling times.",
        sample_blocks=sample_blocks,
        hypothesis="No formal statistical hypotheses will be tested. All analyses are descriptive.",
        sample_size="The sample size of 8 participants per cohort is typical for first-in-human studies and "
                    "was not based on formal statistical power calculations.",
        references=[
            "U.S. Food and Drug Administration. Guidance for Industry: Estimating the Maximum Safe Starting "
            "Dose in Initial Clinical Trials for Therapeutics in Adult Healthy Volunteers. July 2005.",
            "Morice AH, Millqvist E, Bieksiene K, et al. ERS guidelines on the diagnosis and treatment of "
            "chronic cough in adults and children. Eur Respir J. 2020;55:1901136.",
        ],
        soa_header=soa_header, soa_rows=soa_rows, soa_widths=soa_widths,
        appendix_b=appendix_b,
    )
    consent = dict(
        number=number, sponsor="Brightwater Therapeutics, Inc.",
        lay_title="A first-in-human study of BRX-2207 in healthy adults",
        pi="Dr. Kevin Osei, MD", site="Coastal Clinical Research Unit, San Diego, California",
        phone="(858) 555-0117", irb_phone="(858) 555-0166",
        key_info=[
            "This is the first time BRX-2207 is being given to people. The study will test whether a single "
            "dose of BRX-2207 is safe and how the body handles it.",
            "You will stay in the research unit for 4 days and 3 nights and come back for 2 outpatient "
            "visits.",
            "You will not get any health benefit from being in this study.",
            "You do not have to take part. You can stop at any time.",
        ],
        why="BRX-2207 is being developed as a possible treatment for long-lasting cough. Before it can be "
            "tested in people with cough, researchers need to learn whether it is safe in healthy people and "
            "how much of it gets into the blood. About 48 healthy adults will take part.",
        what_happens="If you qualify, you will be admitted to the research unit the day before dosing. You "
                     "will receive one dose of BRX-2207 or a placebo (a liquid that looks the same but has "
                     "no active drug) by mouth. Neither you nor the study staff will know which one you get. "
                     "During the study you will have:",
        procedures=[
            "Physical exams, vital signs and heart tracings (ECGs).",
            "About 16 blood draws over 7 days to measure the amount of study drug in your blood.",
            "Urine collections for 24 hours after dosing.",
            "Questionnaires about your sense of taste.",
        ],
        blood_amount="In total, about 12 tablespoons (180 mL) of blood will be taken during the whole study. "
                     "This is less than half the amount taken when you donate blood.",
        samples_text=[
            "Your blood and urine samples will be labelled with a code number, not your name. Safety tests "
            "will be done by a laboratory in San Diego. Your samples may be sent to laboratories outside the "
            "United States for analysis.",
            "No genetic testing will be done on your samples. Samples left over after testing will be "
            "destroyed no later than 5 years after the end of the study.",
        ],
        risks_text="Because this is the first time BRX-2207 is given to people, the side effects are not "
                   "known. Based on animal studies, possible side effects include:",
        risk_list=["Changes in taste", "Increase in liver enzymes in the blood", "Headache", "Nausea"],
        costs="There is no cost to you for taking part. You will be paid up to $2,400 for completing the "
              "study, paid in parts after each visit.",
    )
    return c, consent, labs


# --------------------------------------------------------------------------------------
# Study 3: clean_domestic
# --------------------------------------------------------------------------------------

def study_clean_domestic():
    number = "CRD-301"
    labs = [
        ["Central Laboratory Services", "4222 Emperor Blvd, Durham, NC 27703", "United States",
         "Hematology, chemistry, NT-proBNP, HbA1c, PK"],
        ["Carolina Biorepository", "801 Capitola Drive, Durham, NC 27713", "United States",
         "Long-term storage of serum, plasma and DNA"],
        ["Heartland Genomics Center", "1 Discovery Way, Rochester, MN 55905", "United States",
         "Targeted genotyping (optional pharmacogenomic substudy)"],
    ]
    sample_blocks = [
        h2("8.4 Sample Handling"),
        p("Serum and plasma samples for exploratory cardiac and inflammatory biomarkers (including "
          "NT-proBNP, high-sensitivity troponin T, galectin-3 and soluble ST2) will be collected at "
          "randomization, Week 12, Week 24 and Week 52. Participants who provide separate consent for the "
          "optional pharmacogenomic substudy will provide a single whole blood sample for DNA extraction."),
        h3("8.4.1 Collection and Labelling"),
        p("All samples will be collected, processed and labelled according to the Laboratory Manual using "
          "pre-printed labels bearing the protocol number, participant number and visit. No direct "
          "identifiers will appear on sample labels."),
        h3("8.4.2 Sample Shipment"),
        p("Samples will be shipped by overnight courier to Central Laboratory Services in Durham, North "
          "Carolina. Biomarker aliquots will be forwarded by the central laboratory to Carolina Biorepository "
          "in Durham, North Carolina for storage, and DNA samples from the optional substudy will be sent to "
          "Heartland Genomics Center in Rochester, Minnesota. No samples will be sent outside the United "
          "States."),
        table("Table 5 Laboratories", ["Laboratory", "Address", "Country", "Analyses"], labs,
              [0.27, 0.33, 0.14, 0.26]),
        h3("8.4.3 Storage and Future Use"),
        p("Residual samples will be stored at Carolina Biorepository for up to 10 years after the end of the "
          "study and may be used for future research on heart failure and cardiovascular disease, if the "
          "participant has agreed to this in the ICF."),
    ]
    appendix_b = [
        h1("Appendix B Laboratory Manual Summary"),
        bullets([
            "Central laboratory kits are supplied by Central Laboratory Services, Durham, North Carolina.",
            "Ambient samples: ship on day of collection, Monday to Thursday.",
            "Frozen samples: store at -70 C and ship in monthly batches on dry ice to Durham, North "
            "Carolina.",
            "Optional DNA samples: ship ambient to Heartland Genomics Center, Rochester, Minnesota.",
        ]),
    ]
    c = dict(
        number=number, drug="Cardizor (PCR-118)", phase="3", ind="IND 158870",
        title="A Phase 3, Randomized, Double-Blind, Placebo-Controlled Study of the Efficacy and Safety of "
              "Cardizor in Adults with Heart Failure with Preserved Ejection Fraction",
        sponsor="Piedmont Cardiovascular Research, Inc.",
        funding="Funding: Piedmont Cardiovascular Research, Inc. The study receives no federal funding.",
        sponsor_addr="3100 Glenwood Avenue, Raleigh, NC 27612",
        version="3.0", date="03 February 2025", supersedes="Version 2.0, 15 July 2024",
        v1_date="30 January 2024",
        amendment_summary="Updated exclusion criteria; added optional pharmacogenomic substudy.",
        indication="Heart failure with preserved ejection fraction (HFpEF), LVEF of 50% or more",
        primary_obj="To evaluate the effect of Cardizor versus placebo on the composite of cardiovascular "
                    "death or worsening heart failure events",
        design="Randomized (1:1), double-blind, placebo-controlled, event-driven, parallel-group study",
        population="Adults aged 40 years or older with symptomatic HFpEF and elevated NT-proBNP",
        n_text="Approximately 2,400 participants",
        sites="Approximately 180 sites in the United States",
        intervention_short="Cardizor 25 mg orally once daily or matching placebo",
        duration="Event-driven; expected median follow-up of approximately 24 months",
        stats_short="Cox proportional hazards model stratified by diabetes status",
        background1="Heart failure with preserved ejection fraction accounts for approximately half of all "
                    "heart failure cases in the United States and is associated with high rates of "
                    "hospitalization and mortality. Few therapies have been shown to improve outcomes.",
        background2="Cardizor is an oral, selective inhibitor of myocardial fibrosis signalling that reduced "
                    "left ventricular stiffness and filling pressures in animal models and in a Phase 2 "
                    "study in participants with HFpEF.",
        rationale="In the Phase 2 study CRD-201, 12 weeks of treatment with Cardizor 25 mg reduced NT-proBNP "
                  "by 22% relative to placebo and was well tolerated. This study will test whether these "
                  "effects translate into a reduction in clinical events.",
        risks=[
            "Hypotension: blood pressure monitoring; dose interruption criteria.",
            "Hyperkalemia: potassium monitoring at each visit.",
            "Renal function decline: eGFR monitoring; stopping rules.",
        ],
        objectives=[
            ["Primary: Effect on CV death or worsening HF", "Time to first occurrence of CV death or "
                                                           "worsening HF event"],
            ["Secondary: Effect on total HF events", "Total (first and recurrent) HF events and CV death"],
            ["Secondary: Effect on symptoms", "Change from baseline in KCCQ total symptom score at Week 52"],
            ["Safety", "Incidence of AEs, SAEs and laboratory abnormalities"],
        ],
        design_long="This is a multicenter, randomized, double-blind, placebo-controlled, event-driven study. "
                    "Eligible participants will be randomized 1:1 to Cardizor 25 mg once daily or placebo in "
                    "addition to standard of care. The study will continue until approximately 820 primary "
                    "endpoint events have been adjudicated by the Clinical Events Committee.",
        inclusion=[
            "Male or female, aged 40 years or older.",
            "Diagnosis of heart failure (NYHA class II to IV) for at least 3 months.",
            "LVEF of 50% or more within 12 months before screening.",
            "NT-proBNP of 300 pg/mL or more (900 pg/mL or more if in atrial fibrillation).",
        ],
        exclusion=[
            "Any prior echocardiographic measurement of LVEF below 40%.",
            "Systolic blood pressure below 95 mmHg or above 160 mmHg at randomization.",
            "eGFR below 25 mL/min/1.73 m2 at screening.",
            "Acute coronary syndrome, stroke or cardiac surgery within 90 days before screening.",
        ],
        intervention_blocks=[
            h2("6.1 Study Interventions Administered"),
            p("Cardizor 25 mg film-coated tablets and matching placebo tablets will be taken orally once "
              "daily, in the morning, with or without food."),
            h2("6.2 Preparation, Handling, Storage and Accountability"),
            p("Study intervention will be stored at controlled room temperature. The investigator is "
              "responsible for study intervention accountability, reconciliation and record maintenance."),
            h2("6.3 Dose Interruption"),
            p("Study intervention may be interrupted for symptomatic hypotension, potassium above 5.5 "
              "mmol/L, or an eGFR decline of more than 40% from baseline, and restarted when the abnormality "
              "has resolved."),
        ],
        efficacy="Potential heart failure events and deaths will be adjudicated by a blinded Clinical Events "
                 "Committee. The Kansas City Cardiomyopathy Questionnaire (KCCQ) will be completed "
                 "electronically at the visits specified in the Schedule of Activities.",
        pk="Sparse PK samples will be collected at Weeks 4 and 12 for population PK analysis and analysed by "
           "Central Laboratory Services.",
        sample_blocks=sample_blocks,
        hypothesis="The null hypothesis is that the hazard ratio for the primary endpoint (Cardizor versus "
                   "placebo) equals 1.",
        sample_size="A total of 820 primary endpoint events provides 90% power to detect a hazard ratio of "
                    "0.80 at a two-sided alpha of 0.05.",
        references=[
            "Heidenreich PA, Bozkurt B, Aguilar D, et al. 2022 AHA/ACC/HFSA Guideline for the Management of "
            "Heart Failure. Circulation. 2022;145:e895-e1032.",
            "Spertus JA, Jones PG, Sandhu AT, Arnold SV. Interpreting the Kansas City Cardiomyopathy "
            "Questionnaire in clinical trials and clinical care. J Am Coll Cardiol. 2020;76:2379-2390.",
        ],
        soa_header=["Procedure", "Screening", "Randomization", "Week 4", "Week 12", "Week 24", "Week 52",
                    "Every 16 weeks"],
        soa_rows=[
            ["Informed consent", "X", "", "", "", "", "", ""],
            ["Physical examination", "X", "X", "", "", "X", "X", "X"],
            ["Vital signs", "X", "X", "X", "X", "X", "X", "X"],
            ["Safety laboratory tests", "X", "X", "X", "X", "X", "X", "X"],
            ["NT-proBNP", "X", "X", "", "X", "X", "X", ""],
            ["Biomarker serum/plasma", "", "X", "", "X", "X", "X", ""],
            ["PK sample", "", "", "X", "X", "", "", ""],
            ["DNA (optional substudy)", "", "X", "", "", "", "", ""],
            ["KCCQ", "", "X", "", "X", "X", "X", "X"],
            ["Adverse events / HF events", "X", "X", "X", "X", "X", "X", "X"],
        ],
        soa_widths=[0.26, 0.11, 0.14, 0.09, 0.09, 0.09, 0.09, 0.13],
        appendix_b=appendix_b,
    )
    consent = dict(
        number=number, sponsor="Piedmont Cardiovascular Research, Inc.",
        lay_title="A study of Cardizor for people with heart failure with preserved ejection fraction",
        wgs="will not", duration="up to 3 years",
        pi="Dr. Samuel Whitfield, MD", site="Triangle Heart Institute, Durham, North Carolina",
        phone="(919) 555-0133", irb_phone="(919) 555-0172",
        key_info=[
            "This study is testing whether an experimental drug called Cardizor lowers the chance of "
            "hospital stays or death from heart failure.",
            "You will be in the study for about 2 years and will have a clinic visit about every 4 months.",
            "The main risks are low blood pressure, high potassium and changes in kidney function.",
            "You do not have to take part. You can stop at any time.",
        ],
        why="Cardizor is an experimental drug. It is not approved by the FDA. About 2,400 people at about "
            "180 hospitals and clinics in the United States will take part.",
        what_happens="You will be assigned by chance to take either Cardizor or a placebo tablet once a day. "
                     "During the study you will have:",
        procedures=[
            "Physical exams and blood pressure checks.",
            "Blood tests at each visit.",
            "Questionnaires about your heart failure symptoms.",
            "An optional blood sample for genetic testing, only if you agree on the separate form.",
        ],
        blood_amount="About 2 tablespoons (30 mL) of blood will be taken at each visit.",
        samples_text=[
            "Your samples will be labelled with a code number, not your name, and sent to Central Laboratory "
            "Services in Durham, North Carolina for testing. If you agree to the optional genetic testing, "
            "your DNA sample will be tested at Heartland Genomics Center in Rochester, Minnesota.",
            "Your samples will be stored at Carolina Biorepository in Durham, North Carolina for up to 10 "
            "years after the study ends. Your samples will not leave the United States.",
            "If you change your mind, you can ask for your stored samples to be destroyed by writing to the "
            "study doctor.",
        ],
        risks_text="The most common side effects seen with Cardizor so far have been:",
        risk_list=["Dizziness or low blood pressure", "High potassium in the blood", "Headache"],
        costs="The study drug and study tests are provided at no cost. You will receive $50 for each "
              "completed study visit.",
    )
    return c, consent, labs


# --------------------------------------------------------------------------------------
# Study 4: contradiction (CAR-T, Switzerland / Canada)
# --------------------------------------------------------------------------------------

def cart_intervention_blocks():
    return [
        h2("6.1 Leukapheresis"),
        p("Eligible participants will undergo a single non-mobilized leukapheresis procedure at the study "
          "site's apheresis unit to collect peripheral blood mononuclear cells (PBMCs). A target of 10 to 15 "
          "liters of blood will be processed. If the leukapheresis product is inadequate for manufacturing, "
          "a second leukapheresis may be performed within 14 days."),
        h2("6.2 Bridging Therapy and Lymphodepleting Chemotherapy"),
        p("Bridging therapy is permitted during manufacturing at the investigator's discretion. "
          "Lymphodepleting chemotherapy with fludarabine 25 mg/m2/day and cyclophosphamide 250 mg/m2/day "
          "will be administered intravenously on Days -5, -4 and -3 before infusion."),
        h2("6.3 ALP-CD19 Infusion"),
        p("ALP-CD19 will be administered as a single intravenous infusion on Day 1 at a target dose of "
          "1.0 x 10^6 CAR-positive viable T cells/kg (maximum 1.0 x 10^8 cells). Participants will be "
          "monitored in hospital for at least 7 days after infusion for cytokine release syndrome (CRS) and "
          "immune effector cell-associated neurotoxicity syndrome (ICANS). Tocilizumab (at least 2 doses) "
          "must be available on site before infusion."),
        table("Table 6-1 Management of Cytokine Release Syndrome (ASTCT grading)", ["CRS grade", "Management"], [
            ["Grade 1", "Supportive care; consider tocilizumab if persistent more than 3 days"],
            ["Grade 2", "Tocilizumab 8 mg/kg IV; repeat every 8 hours if no improvement (max 3 doses in 24 h)"],
            ["Grade 3", "Tocilizumab plus dexamethasone 10 mg IV every 6 hours; ICU transfer"],
            ["Grade 4", "Tocilizumab plus methylprednisolone 1000 mg/day IV; ICU care"],
        ], [0.2, 0.8]),
    ]


def study_contradiction():
    number = "ALP-CART-102"
    labs = [
        ["Helvetia Cell Manufacturing AG", "Schaffhauserstrasse 101, 4332 Stein AG", "Switzerland",
         "CAR-T manufacturing and release testing of leukapheresis material"],
        ["Northstar Cellular Kinetics Laboratory", "661 University Avenue, Toronto, ON M5G 0A3", "Canada",
         "CAR transgene qPCR (cellular kinetics), flow cytometry, cytokines"],
        ["Great Lakes Clinical Laboratory", "3000 Hayes Road, Ann Arbor, MI 48105", "United States",
         "Hematology, chemistry, coagulation, serology"],
    ]
    sample_blocks = [
        h2("8.4 Cell and Sample Shipment"),
        h3("8.4.1 Leukapheresis Material and Manufacturing"),
        p("Leukapheresis material will be shipped fresh at 2 to 8 C, within 24 hours of collection, under "
          "chain-of-identity and chain-of-custody controls, to Helvetia Cell Manufacturing AG in Stein, "
          "Switzerland, where the cells will be enriched for T cells, transduced with the lentiviral vector "
          "encoding the anti-CD19 CAR, expanded and cryopreserved. The manufactured ALP-CD19 product will "
          "be shipped back to the study site in a vapour-phase liquid nitrogen dry shipper. The target "
          "vein-to-vein time is 21 days."),
        p("Each leukapheresis bag and each manufactured product bag will carry a unique chain-of-identity "
          "number linking it to the participant number; the participant's name and date of birth will be "
          "verified at the site only and will not be transmitted to the manufacturing facility."),
        h3("8.4.2 Sample Shipment and Analysis"),
        p("Blood samples for CAR transgene levels (cellular kinetics), immunophenotyping and serum cytokines "
          "will be shipped to Northstar Cellular Kinetics Laboratory in Toronto, Canada. Safety laboratory "
          "samples will be analysed locally or by the central safety laboratory listed in Table 5. Retained "
          "samples of leukapheresis material and of the final product will be stored at the manufacturing "
          "facility for a minimum of 15 years, as required for long-term follow-up of gene therapy "
          "products."),
        table("Table 5 Manufacturing Facility and Central Laboratories",
              ["Laboratory", "Address", "Country", "Analyses"], labs, [0.27, 0.33, 0.14, 0.26]),
        h3("8.4.3 Replication-Competent Lentivirus Testing"),
        p("Testing for replication-competent lentivirus (RCL) will be performed on blood samples collected at "
          "Months 3, 6 and 12 and then annually for 15 years, in line with FDA guidance on long-term "
          "follow-up after administration of human gene therapy products."),
    ]
    appendix_b = [
        page_break(),
        h1("Appendix B Laboratory Manual Summary"),
        table("Table B-1 Sample and Material Shipments", ["Material", "Conditions", "Destination"], [
            ["Leukapheresis product", "Fresh, 2-8 C, within 24 h", "Helvetia Cell Manufacturing AG, Stein AG"],
            ["Manufactured ALP-CD19", "Vapour-phase LN2 dry shipper", "Study site (return shipment)"],
            ["Cellular kinetics blood", "Frozen, dry ice, batched", "Northstar Cellular Kinetics Laboratory, "
                                                                  "Toronto"],
            ["Safety labs", "Ambient, same day", "Great Lakes Clinical Laboratory, Ann Arbor"],
        ], [0.28, 0.3, 0.42]),
    ]
    c = dict(
        number=number, drug="ALP-CD19 (autologous anti-CD19 CAR T cells)", phase="1b/2", ind="BB-IND 29114",
        title="A Phase 1b/2, Open-Label, Multicenter Study of ALP-CD19, an Autologous CD19-Directed Chimeric "
              "Antigen Receptor T-Cell Therapy, in Adults with Relapsed or Refractory B-Cell Acute "
              "Lymphoblastic Leukemia",
        sponsor="Alpenglow Cell Therapeutics, Inc.", sponsor_addr="200 Binney Street, Cambridge, MA 02142",
        version="2.0", date="28 February 2025", supersedes="Version 1.0, 09 September 2024",
        v1_date="09 September 2024",
        amendment_summary="Transferred manufacturing to the commercial-scale facility; added RCL testing "
                          "schedule.",
        indication="Relapsed or refractory CD19-positive B-cell acute lymphoblastic leukemia (B-ALL)",
        primary_obj="Phase 1b: to determine the recommended Phase 2 dose; Phase 2: to evaluate the overall "
                    "complete remission rate within 3 months",
        design="Open-label, single-arm, multicenter study with dose confirmation and expansion parts",
        population="Adults aged 18 years or older with relapsed or refractory CD19-positive B-ALL",
        n_text="Approximately 70 participants",
        sites="Approximately 15 sites in the United States",
        intervention_short="Single infusion of ALP-CD19 after lymphodepleting chemotherapy",
        duration="Screening up to 28 days; treatment period 3 months; follow-up 2 years in this study, then "
                 "15 years in a long-term follow-up protocol",
        stats_short="Complete remission rate with exact (Clopper-Pearson) 95% confidence interval",
        background1="Adults with relapsed or refractory B-ALL have poor outcomes with conventional salvage "
                    "chemotherapy, with complete remission rates of 30 to 45% and median overall survival of "
                    "less than 8 months.",
        background2="ALP-CD19 is an autologous T-cell product transduced with a lentiviral vector encoding a "
                    "CD19-specific CAR with a 4-1BB costimulatory domain and a fully human binder, "
                    "manufactured with a shortened 7-day process intended to preserve less differentiated "
                    "T cells.",
        rationale="CD19-directed CAR T-cell therapies have produced high remission rates in B-ALL. A fully "
                  "human binder and shortened manufacturing may reduce the risk of immunogenicity and "
                  "improve persistence.",
        risks=[
            "Cytokine release syndrome: inpatient monitoring for 7 days; tocilizumab available on site.",
            "Neurotoxicity (ICANS): daily ICE score; no driving for 8 weeks after infusion.",
            "Prolonged cytopenias and infections: blood count monitoring; antimicrobial prophylaxis.",
            "Secondary T-cell malignancies: lifelong monitoring and long-term follow-up.",
        ],
        objectives=[
            ["Phase 1b: Determine RP2D", "Incidence of dose-limiting toxicities"],
            ["Phase 2: Evaluate efficacy", "Overall complete remission rate (CR + CRi) within 3 months"],
            ["Secondary: Cellular kinetics", "Cmax, Tmax and AUC0-28d of CAR transgene by qPCR"],
            ["Secondary: Safety", "Incidence and severity of CRS, ICANS, AEs and SAEs"],
        ],
        design_long="This is an open-label, single-arm, multicenter study. Participants will undergo "
                    "leukapheresis, followed by manufacturing of ALP-CD19, lymphodepleting chemotherapy and a "
                    "single infusion of ALP-CD19. The Phase 1b part will confirm the dose in a 3+3 design; "
                    "the Phase 2 part will enrol approximately 55 additional participants at the RP2D.",
        inclusion=[
            "Aged 18 years or older.",
            "Relapsed or refractory CD19-positive B-ALL with at least 5% bone marrow blasts.",
            "Adequate venous access for leukapheresis.",
            "ECOG performance status of 0 or 1.",
        ],
        exclusion=[
            "Isolated extramedullary disease.",
            "Active central nervous system involvement by leukemia.",
            "Prior CD19-directed therapy other than blinatumomab.",
            "Allogeneic stem cell transplant within 90 days or active graft-versus-host disease.",
        ],
        intervention_blocks=cart_intervention_blocks(),
        efficacy="Bone marrow aspirate and biopsy will be performed at screening, Day 28 and Month 3 to "
                 "assess response per NCCN criteria, including minimal residual disease by flow cytometry.",
        pk="Cellular kinetics of ALP-CD19 will be assessed by quantitative PCR for the CAR transgene in "
           "peripheral blood, as described in Section 8.4.2.",
        sample_blocks=sample_blocks,
        hypothesis="The null hypothesis is that the complete remission rate is 40% or less; the alternative "
                   "is that it is 60% or more.",
        sample_size="With 55 participants at the RP2D, the study has 88% power to reject the null "
                    "hypothesis at a one-sided alpha of 0.025.",
        references=[
            "Lee DW, Santomasso BD, Locke FL, et al. ASTCT consensus grading for cytokine release syndrome and "
            "neurologic toxicity associated with immune effector cells. Biol Blood Marrow Transplant. "
            "2019;25:625-638.",
            "U.S. Food and Drug Administration. Long Term Follow-Up After Administration of Human Gene "
            "Therapy Products. Guidance for Industry. January 2020.",
        ],
        soa_header=["Procedure", "Screening", "Leukapheresis", "D-5 to D-3", "D1", "D2-D7", "D28",
                    "Month 3"],
        soa_rows=[
            ["Informed consent", "X", "", "", "", "", "", ""],
            ["Physical examination", "X", "X", "X", "X", "X", "X", "X"],
            ["Safety laboratory tests", "X", "X", "X", "X", "Daily", "X", "X"],
            ["Leukapheresis", "", "X", "", "", "", "", ""],
            ["Lymphodepleting chemotherapy", "", "", "X", "", "", "", ""],
            ["ALP-CD19 infusion", "", "", "", "X", "", "", ""],
            ["CRS / ICANS assessment", "", "", "", "X", "Daily", "X", ""],
            ["Cellular kinetics (qPCR)", "", "", "", "X", "D4, D7", "X", "X"],
            ["Bone marrow assessment", "X", "", "", "", "", "X", "X"],
            ["Adverse events", "X", "X", "X", "X", "X", "X", "X"],
        ],
        soa_widths=[0.27, 0.11, 0.14, 0.12, 0.07, 0.1, 0.08, 0.11],
        appendix_b=appendix_b,
    )
    consent = dict(
        number=number, sponsor="Alpenglow Cell Therapeutics, Inc.",
        lay_title="A study of ALP-CD19 CAR T-cell therapy for adults with leukemia that has come back or not "
                  "responded to treatment",
        pi="Dr. Hannah Lindqvist, MD", site="University Hospital Cancer Center, Ann Arbor, Michigan",
        phone="(734) 555-0129", irb_phone="(734) 555-0150",
        key_info=[
            "This study is testing a new type of treatment made from your own white blood cells (T cells), "
            "called CAR T-cell therapy.",
            "Your cells will be collected by a procedure called leukapheresis, changed in a laboratory so "
            "they can find and attack leukemia cells, and given back to you by infusion.",
            "Serious side effects, including high fevers, low blood pressure and confusion, can happen and "
            "may be life-threatening.",
            "You will need to stay near the hospital for at least 4 weeks after the infusion.",
        ],
        why="ALP-CD19 is an experimental CAR T-cell therapy that is not approved by the FDA. About 70 people "
            "at about 15 hospitals will take part.",
        what_happens="If you qualify for the study, you will:",
        procedures=[
            "Have leukapheresis: blood is taken from a vein, passed through a machine that collects white "
            "blood cells, and returned to you. This takes about 3 to 6 hours.",
            "Wait about 3 weeks while your cells are made into ALP-CD19 at a manufacturing facility.",
            "Receive chemotherapy for 3 days to prepare your body for the cells.",
            "Receive a single infusion of ALP-CD19 and stay in the hospital for at least 7 days.",
            "Have blood tests and bone marrow tests to check how the treatment is working.",
        ],
        blood_amount="About 3 tablespoons (45 mL) of blood will be taken at most visits during the first "
                     "month, and about 2 tablespoons (30 mL) at later visits.",
        samples_text=[
            "Your cells collected by leukapheresis will be sent to a manufacturing facility where they will "
            "be made into ALP-CD19. Your blood samples will be sent to research laboratories that measure "
            "how long the CAR T cells stay in your blood.",
            "Your samples and cells will not be sent outside the United States.",
            "A small amount of your collected cells and of the final product will be kept for at least 15 "
            "years, as required by the FDA for gene therapy products.",
        ],
        risks_text="The most important risks of CAR T-cell therapy are:",
        risk_list=["Cytokine release syndrome (fever, low blood pressure, difficulty breathing)",
                   "Confusion, seizures or other neurological problems",
                   "Low blood counts and serious infections",
                   "A new cancer arising from the modified T cells (rare)"],
        costs="ALP-CD19 and study-only tests are provided at no cost. Lodging near the hospital for the "
              "first 4 weeks after infusion will be paid for by the Sponsor.",
    )
    return c, consent, labs


# --------------------------------------------------------------------------------------
# Study 5: hong_kong_hedged
# --------------------------------------------------------------------------------------

def study_hong_kong_hedged():
    number = "HKX-2024-203"
    labs = [
        ["Great Plains Oncology Laboratory", "9200 Ward Parkway, Kansas City, MO 64114", "United States",
         "EBV DNA quantitation, PD-L1 IHC, DNA panel sequencing"],
        ["Victoria Harbour Molecular Diagnostics Ltd.", "Unit 501, 19W Science Park West Avenue, Hong Kong "
                                                        "Science Park, Shatin, New Territories",
         "Hong Kong", "Targeted RNA sequencing (if additional testing is needed)"],
    ]
    sample_blocks = [
        h2("8.4 Sample Shipment and Analysis"),
        h3("8.4.1 Biomarker Samples"),
        p("Archival tumour tissue will be collected from all participants for central PD-L1 testing and for "
          "extraction of DNA and RNA. Plasma for Epstein-Barr virus (EBV) DNA quantitation will be collected "
          "at screening, Cycle 3 Day 1 and end of treatment."),
        h3("8.4.2 Sample Shipment"),
        p("Tumour tissue and plasma samples will be shipped to Great Plains Oncology Laboratory in Kansas "
          "City, Missouri, which will perform PD-L1 immunohistochemistry, EBV DNA quantitation and DNA panel "
          "sequencing and will extract and bank RNA. If additional testing is needed, extracted RNA may be "
          "sent to Victoria Harbour Molecular Diagnostics Ltd. in Hong Kong for targeted RNA sequencing of "
          "the EBV-associated gene expression signature, which is validated only at that laboratory."),
        table("Table 5 Laboratories", ["Laboratory", "Address", "Country", "Analyses"], labs,
              [0.27, 0.33, 0.14, 0.26]),
        h3("8.4.3 Storage and Future Use"),
        p("Residual samples will be stored at Great Plains Oncology Laboratory for up to 10 years after the "
          "end of the study."),
    ]
    appendix_b = [
        h1("Appendix B Laboratory Manual Summary"),
        bullets([
            "FFPE blocks or 20 unstained slides: ship ambient to Great Plains Oncology Laboratory.",
            "Plasma for EBV DNA: freeze at -70 C; ship on dry ice in batches.",
            "RNA aliquots for additional testing are shipped by the central laboratory, not by sites.",
        ]),
    ]
    c = dict(
        number=number, drug="HKX-77 (humanized anti-PD-1 monoclonal antibody)", phase="2", ind="IND 165502",
        title="A Phase 2, Single-Arm Study of HKX-77 in Combination with Gemcitabine and Cisplatin in "
              "Participants with Recurrent or Metastatic Nasopharyngeal Carcinoma",
        sponsor="Harborline Biologics, Inc.", sponsor_addr="1 Kendall Square, Building 1400, Cambridge, MA "
                                                          "02139",
        version="1.0", date="05 December 2024", supersedes="Not applicable",
        v1_date="05 December 2024", amendment_summary="Not applicable",
        indication="Recurrent or metastatic nasopharyngeal carcinoma (NPC)",
        primary_obj="To evaluate the objective response rate of HKX-77 plus gemcitabine and cisplatin",
        design="Open-label, single-arm, multicenter study",
        population="Adults with recurrent or metastatic NPC not previously treated with systemic therapy "
                   "for recurrent or metastatic disease",
        n_text="Approximately 60 participants",
        sites="Approximately 12 sites in the United States",
        intervention_short="HKX-77 240 mg IV every 3 weeks with gemcitabine and cisplatin for up to 6 cycles, "
                           "then HKX-77 maintenance",
        duration="Up to 2 years of treatment; survival follow-up every 12 weeks",
        stats_short="ORR with exact 95% confidence interval",
        background1="Nasopharyngeal carcinoma is rare in the United States but is strongly associated with "
                    "Epstein-Barr virus infection. Platinum-based chemotherapy combined with an anti-PD-1 "
                    "antibody has become a first-line standard for recurrent or metastatic disease.",
        background2="HKX-77 is a humanized IgG4 monoclonal antibody against PD-1.",
        rationale="This study will evaluate HKX-77 with gemcitabine and cisplatin in a US population and "
                  "explore EBV-related biomarkers of response.",
        risks=["Immune-mediated adverse reactions.", "Chemotherapy-related myelosuppression.",
               "Infusion-related reactions."],
        objectives=[
            ["Primary: ORR", "Objective response rate per RECIST v1.1 by investigator"],
            ["Secondary: PFS and OS", "PFS per RECIST v1.1; OS"],
            ["Exploratory: Biomarkers", "Association of plasma EBV DNA and tumour gene expression with "
                                       "response"],
        ],
        design_long="Participants will receive HKX-77 240 mg plus gemcitabine 1000 mg/m2 (Days 1 and 8) and "
                    "cisplatin 80 mg/m2 (Day 1) every 3 weeks for up to 6 cycles, followed by HKX-77 "
                    "maintenance every 3 weeks for up to 2 years.",
        inclusion=["Aged 18 years or older.", "Histologically confirmed recurrent or metastatic NPC.",
                   "At least one measurable lesion per RECIST v1.1.", "ECOG performance status 0 or 1."],
        exclusion=["Prior anti-PD-1 or anti-PD-L1 therapy.", "Active autoimmune disease requiring systemic "
                   "treatment within 2 years.", "Grade 2 or higher peripheral neuropathy."],
        intervention_blocks=[
            h2("6.1 Study Interventions Administered"),
            p("HKX-77 240 mg will be administered as a 60-minute intravenous infusion on Day 1 of each "
              "3-week cycle, before chemotherapy."),
            h2("6.2 Preparation, Handling, Storage and Accountability"),
            p("HKX-77 vials must be stored at 2 to 8 C and protected from light."),
            h2("6.3 Dose Modification"),
            p("Dose reductions of HKX-77 are not permitted. Chemotherapy dose modifications will follow "
              "the prescribing information."),
        ],
        efficacy="Tumour assessments will be performed every 6 weeks for the first 48 weeks and every 9 weeks "
                 "thereafter, per RECIST v1.1.",
        pk="Serum HKX-77 concentrations will be measured at pre-dose in Cycles 1, 2, 4 and 8.",
        sample_blocks=sample_blocks,
        hypothesis="The null hypothesis is that ORR is 50% or less; the alternative is that ORR is 70% or "
                   "more.",
        sample_size="With 60 participants, the study has 90% power at a one-sided alpha of 0.025.",
        references=US_REFS[1:],
        soa_header=ONC_SOA_HEADER, soa_widths=ONC_SOA_WIDTHS,
        soa_rows=onc_soa_rows([
            ["Archival tumour tissue", "X", "", "", "", "", "", ""],
            ["Plasma for EBV DNA", "X", "", "", "", "C3", "X", ""],
        ]),
        appendix_b=appendix_b,
    )
    consent = dict(
        number=number, sponsor="Harborline Biologics, Inc.",
        lay_title="A study of HKX-77 with chemotherapy for nasopharyngeal cancer",
        pi="Dr. Michael Tran, MD", site="Midwest Head and Neck Cancer Center, Kansas City, Missouri",
        phone="(816) 555-0121", irb_phone="(816) 555-0188",
        key_info=[
            "This study is testing an experimental antibody called HKX-77 given with standard chemotherapy "
            "for cancer of the nasopharynx (the area behind the nose).",
            "You may receive study treatment for up to 2 years.",
            "You do not have to take part. You can stop at any time.",
        ],
        why="HKX-77 is not approved by the FDA. About 60 people will take part.",
        what_happens="If you take part, you will receive HKX-77 and chemotherapy through a vein every 3 "
                     "weeks. You will have:",
        procedures=["Physical exams and blood tests at each visit.", "CT or MRI scans every 6 weeks.",
                    "Collection of tumour tissue from an earlier biopsy."],
        blood_amount="About 2 tablespoons (30 mL) of blood will be taken at each visit.",
        visit_table=[
            ["Screening", "Physical exam, blood tests, scans, request for your stored tumour tissue"],
            ["Every 3 weeks", "Physical exam, blood tests, HKX-77 and chemotherapy infusions"],
            ["Every 6 weeks", "CT or MRI scan"],
            ["Cycle 3 Day 1 and end of treatment", "Extra blood sample for research (EBV DNA)"],
        ],
        samples_text=[
            "Your tumour tissue and blood samples will be labelled with a code number and sent to a central "
            "laboratory in Kansas City, Missouri for testing, including testing of genes in your tumour.",
            "Your samples may be sent to laboratories in other countries for additional testing.",
            "Leftover samples may be stored for up to 10 years.",
        ],
        risks_text="Possible side effects of HKX-77 and chemotherapy include:",
        risk_list=["Tiredness", "Nausea and vomiting", "Low blood counts", "Inflammation of the lungs, "
                   "liver, bowel or glands"],
        costs="HKX-77 is provided at no cost. You or your insurance will pay for the chemotherapy, which is "
              "standard care.",
    )
    return c, consent, labs


# --------------------------------------------------------------------------------------
# Writing, verification, expected.yml
# --------------------------------------------------------------------------------------

def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _strip_furniture(text: str, header: str) -> str:
    lines = []
    for line in text.splitlines():
        if line.strip() == header.strip():
            continue
        if re.search(r"Page \d+ of \d+\s*$", line):
            continue
        lines.append(line)
    return "\n".join(lines)


def find_split(pdf_bytes: bytes, sentence: str, header: str):
    """Return [n, n+1] (1-based) if ``sentence`` starts on page n and finishes on page n+1, else None."""
    import pdfplumber

    start = sentence[:40]
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        pages = [_norm(_strip_furniture(pg.extract_text() or "", header)) for pg in pdf.pages]
    for i, txt in enumerate(pages[:-1]):
        if start in txt and sentence not in txt:
            tail = txt[txt.index(start):]
            if not sentence.startswith(tail) or tail == sentence:
                continue
            rest = sentence[len(tail):].strip()
            if pages[i + 1].startswith(rest) and sentence not in pages[i + 1]:
                return [i + 1, i + 2]
    return None


def pdf_with_split(blocks, sentence, **kw):
    """Search the adjustable spacer height until ``sentence`` straddles a page break (deterministic)."""
    for h in range(0, 700, 3):
        data, pages = render_pdf(blocks, spacer_height=h, total=99, **kw)
        split = find_split(data, sentence, kw["header"])
        if split:
            data, pages = render_pdf(blocks, spacer_height=h, **kw)
            split2 = find_split(data, sentence, kw["header"])
            assert split2 == split, (split, split2)
            return data, pages, split
    raise RuntimeError("could not place the page-break sentence across a page boundary")


def write_bytes(path: Path, data: bytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def write_text(path: Path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def _yaml_scalar(value) -> str:
    """Plain scalar when it round-trips unchanged, otherwise a double-quoted (JSON) string."""
    text = str(value)
    try:
        plain_ok = yaml.safe_load(f"k: {text}") == {"k": value}
    except yaml.YAMLError:
        plain_ok = False
    if plain_ok and not text.startswith(("'", '"')):
        return text
    return json.dumps(text, ensure_ascii=False)


def write_expected(folder: Path, data: dict):
    """Write expected.yml in the fixed, hand-readable layout described in README.md."""
    out = []
    for key in ("study", "description", "protocol", "consent"):
        out.append(f"{key}: {_yaml_scalar(data[key])}")
    for key in ("must_fire", "must_not_fire"):
        if not data[key]:
            out.append(f"{key}: []")
            continue
        out.append(f"{key}:")
        for item in data[key]:
            out.append(f"  - rule: {item['rule']}")
            out.append(f"    why: {_yaml_scalar(item['why'])}")
    pbs = data.get("page_break_sentence")
    if pbs:
        out.append("page_break_sentence:")
        out.append(f"  document: {pbs['document']}")
        out.append(f"  text_start: {json.dumps(pbs['text_start'])}")
        out.append(f"  pages: [{pbs['pages'][0]}, {pbs['pages'][1]}]")
    text = "\n".join(out) + "\n"
    assert yaml.safe_load(text) == data, "expected.yml does not round-trip"
    write_text(folder / "expected.yml", text)


def protocol_header(c):
    return f"Protocol {c['number']} \u00b7 Version {c['version']} \u00b7 CONFIDENTIAL"


def consent_header(cs):
    return f"Informed Consent Form \u00b7 Protocol {cs['number']} \u00b7 {cs['site']}"


def emit(folder, kind, fmt, blocks, meta, split_sentence=None):
    """Write one document; returns (filename, pages or None, split pages or None)."""
    name = f"{kind}.{fmt}"
    path = folder / name
    header, footer_left, title_text, author, subject = meta
    if fmt == "pdf":
        kw = dict(header=header, footer_left=footer_left, title_text=title_text, author=author,
                  subject=subject)
        if split_sentence:
            data, pages, split = pdf_with_split(blocks, split_sentence, **kw)
        else:
            data, pages = render_pdf(blocks, **kw)
            split = None
        write_bytes(path, data)
        return name, pages, split
    if fmt == "docx":
        write_bytes(path, render_docx(blocks, header=header, footer_left=footer_left, title_text=title_text,
                                      author=author, subject=subject))
    elif fmt == "txt":
        write_text(path, render_txt(blocks, header=header))
    elif fmt == "md":
        write_text(path, render_md(blocks))
    else:  # pragma: no cover
        raise ValueError(fmt)
    return name, None, None


def build_study(study, factory, proto_fmt, consent_fmt, description, must_fire, must_not_fire,
                split_sentence=None):
    folder = HERE / study
    c, cs, _labs = factory()
    pblocks = protocol_blocks(c)
    cblocks = consent_blocks(cs)
    pmeta = (protocol_header(c), f"{c['sponsor']} \u2013 Clinical Study Protocol {c['number']}",
             c["title"], c["sponsor"], f"Clinical Study Protocol {c['number']} Version {c['version']}")
    cmeta = (consent_header(cs), f"ICF Version 1.0 \u00b7 {c['date']} \u00b7 Participant initials: ______",
             f"Informed Consent Form - {cs['number']}", cs["sponsor"], f"Informed consent form {cs['number']}")
    pname, ppages, split = emit(folder, "protocol", proto_fmt, pblocks, pmeta, split_sentence)
    cname, cpages, _ = emit(folder, "consent", consent_fmt, cblocks, cmeta)
    expected = {
        "study": study,
        "description": description,
        "protocol": pname,
        "consent": cname,
        "must_fire": [{"rule": r, "why": w} for r, w in must_fire],
        "must_not_fire": [{"rule": r, "why": w} for r, w in must_not_fire],
    }
    if split:
        expected["page_break_sentence"] = {"document": pname, "text_start": split_sentence[:48].rstrip(),
                                           "pages": split}
    write_expected(folder, expected)
    return {"study": study, "files": [pname, cname, "expected.yml"], "protocol_pages": ppages,
            "consent_pages": cpages, "split": split}


NO_DOC001 = ("DOC-001", "every PDF page is generated with a real text layer (reportlab Paragraphs)")


def main() -> int:
    results = []
    results.append(build_study(
        "undisclosed_ccn", study_undisclosed_ccn, "pdf", "docx",
        "NSCLC biomarker study; protocol ships tumour tissue, plasma and germline DNA to Shanghai, China for "
        "WGS/RNA-seq; consent never mentions samples leaving the US",
        must_fire=[
            ("XBT-001", "protocol ships tumour tissue and plasma to Shanghai Genomics Laboratory (China) for "
                        "WGS/RNA-seq (section 8.4.2, Table 5, Appendix B); consent only says samples will be "
                        "sent to a laboratory and never mentions a foreign lab"),
            ("CCN-001", "destination Shanghai, China is a country of concern (severity critical)"),
            ("XBT-008", "samples go to Shanghai but the consent's withdrawal section says nothing about "
                        "material already sent abroad"),
            ("XBT-003", "catalogue trigger: the set difference between the protocol's destinations (China (Shanghai)) and the consent's (no country named abroad) is not empty; major, as no domestic promise is contradicted"),
        ],
        must_not_fire=[
            ("XBT-002", "consent contains no hedged or vague foreign-transfer disclosure at all"),
            NO_DOC001,
        ],
        split_sentence=SHANGHAI_SENTENCE,
    ))
    results.append(build_study(
        "vague_disclosure", study_vague_disclosure, "docx", "pdf",
        "Phase 1 healthy-volunteer PK study; PK samples go to Bioanalytik Labor GmbH, Heidelberg, Germany; "
        "consent only says samples may be sent to laboratories outside the United States",
        must_fire=[
            ("XBT-001", "XBT-001 satisfied-by needs the country named: the consent names none while the protocol names Germany, so XBT-001 fires at major (XBT-002 reports the vagueness)"),
            ("XBT-002", "consent discloses foreign transfer only vaguely ('may be sent to laboratories outside "
                        "the United States') without naming Germany or the laboratory"),
            ("XBT-003", "catalogue trigger: the set difference between the protocol's destinations (Germany (Heidelberg)) and the consent's (no country named abroad) is not empty; major, as no domestic promise is contradicted"),
        ],
        must_not_fire=[
            ("CCN-001", "the only foreign destination is Germany, not a country of concern"),
            NO_DOC001,
        ],
    ))
    results.append(build_study(
        "clean_domestic", study_clean_domestic, "txt", "md",
        "Phase 3 HFpEF outcomes study; all laboratories and the biorepository are in the United States and "
        "both documents say samples stay in the US",
        must_fire=[],
        must_not_fire=[
            ("XBT-001", "all laboratories are in the US (Durham, NC; Rochester, MN); protocol says 'No samples "
                        "will be sent outside the United States.'"),
            ("XBT-002", "'will not leave the United States' is a negated statement, not a hedged disclosure"),
            ("XBT-003", "protocol and consent agree that samples stay in the US"),
            ("CCN-001", "no destination in a country of concern"),
            ("DOC-001", "documents are plain text and Markdown"),
            ("ICF-002", "the consent states every basic element of 45 CFR 46.116(b) / 21 CFR 50.25(a)"),
            ("ICF-009", "the consent carries the ClinicalTrials.gov statement verbatim"),
            ("GEN-001", "the consent has the GINA statement with its life, disability and long-term-care caveat"),
            ("XBT-009", "the protocol names every laboratory and its US location"),
            ("GEN-002", "the protocol states it receives no federal funding, so NIH GDS does not apply"),
        ],
    ))
    results.append(build_study(
        "contradiction", study_contradiction, "pdf", "pdf",
        "CAR-T study; consent promises samples and cells stay in the US while the protocol ships "
        "leukapheresis material to Switzerland for manufacturing and blood to Toronto, Canada",
        must_fire=[
            ("XBT-003", "consent says 'Your samples and cells will not be sent outside the United States.' but "
                        "the protocol ships leukapheresis material to Helvetia Cell Manufacturing AG, Stein AG, "
                        "Switzerland and kinetics samples to Toronto, Canada"),
            ("XBT-004", "the CAR-T cells are manufactured in Switzerland and given back; the consent never "
                        "names the manufacturing country"),
            ("EXP-001", "cells leave the US for manufacture and return as an investigational product; no "
                        "import/export basis is stated (info)"),
        ],
        must_not_fire=[
            ("CCN-001", "destinations are Switzerland and Canada, not countries of concern"),
            ("XBT-002", "the consent's only foreign-transfer statement is a negated promise, not a hedged "
                        "disclosure"),
            NO_DOC001,
        ],
    ))
    results.append(build_study(
        "hong_kong_hedged", study_hong_kong_hedged, "docx", "docx",
        "NPC study; protocol says RNA may be sent to a laboratory in Hong Kong if additional testing is "
        "needed; consent says samples may be sent to laboratories in other countries",
        must_fire=[
            ("XBT-001", "XBT-001 satisfied-by needs the country named: the consent names none while the protocol names Hong Kong, so XBT-001 fires at major (XBT-002 reports the vagueness)"),
            ("CCN-001", "destination Hong Kong (listed with country 'Hong Kong') counts as China, a country of "
                        "concern"),
            ("XBT-002", "consent only says samples 'may be sent to laboratories in other countries'"),
            ("XBT-003", "catalogue trigger: the set difference between the protocol's destinations (Hong Kong (China)) and the consent's (no country named abroad) is not empty; major, as no domestic promise is contradicted"),
        ],
        must_not_fire=[
            ("DOC-001", "both documents are DOCX; there are no PDF pages"),
        ],
    ))

    for r in results:
        extra = f" protocol pages={r['protocol_pages']}" if r["protocol_pages"] else ""
        extra += f" consent pages={r['consent_pages']}" if r["consent_pages"] else ""
        extra += f" page-break sentence on pages {r['split']}" if r["split"] else ""
        print(f"{r['study']}: {', '.join(r['files'])}{extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
