"""Command line: `auditor audit`, `auditor extract`, `auditor rules`. Heavy libraries load lazily."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FAIL_LEVELS = ("critical", "major", "minor", "info", "none")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="auditor", description="Audit clinical-trial protocols and consent forms "
                                     "for undisclosed transfer of specimens, cells and genetic data abroad.")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("--debug", action="store_true", help="show a traceback on internal errors")
    sub = parser.add_subparsers(dest="command")
    audit = sub.add_parser("audit", help="audit a protocol and its consent form")
    audit.add_argument("files", nargs="*", help="documents whose role (protocol/consent) is detected from content")
    audit.add_argument("--protocol", action="append", default=[], metavar="FILE", help="a protocol (repeatable)")
    audit.add_argument("--consent", action="append", default=[], metavar="FILE", help="a consent form (repeatable)")
    audit.add_argument("--format", choices=("html", "json", "sarif", "csv", "markdown"), default="html")
    audit.add_argument("-o", "--output", metavar="FILE", help="write the report here (default: standard output)")
    audit.add_argument("--fail-on", choices=FAIL_LEVELS, default="none",
                       help="exit 1 if a finding at or above this severity is open (default: none)")
    audit.add_argument("--as-of", metavar="YYYY-MM-DD", help="evaluate the rules in force on this date (default: today)")
    audit.add_argument("--timings", action="store_true", help="print the time of each stage on standard error")
    audit.add_argument("--profile", metavar="STUDY.yml", help="state applicability: fda, nih, common_rule, ... (true/false/unknown)")
    audit.add_argument("--waivers", metavar="WAIVERS.yml", help="reviewers' waivers, matched by finding fingerprint")
    audit.add_argument("--rules", metavar="DIR", help="add a folder of custom rule files (*.yml) to the catalogue")
    waive = sub.add_parser("waive", help="add a waiver for a finding of a previous JSON report to a waivers file")
    waive.add_argument("report", help="a JSON report written by `auditor audit --format json`")
    waive.add_argument("--fingerprint", required=True)
    waive.add_argument("--reason", required=True)
    waive.add_argument("--reviewer", required=True)
    waive.add_argument("--expires", metavar="YYYY-MM-DD")
    waive.add_argument("-o", "--output", default="waivers.yml", help="the waivers file to add to (default: waivers.yml)")
    extract = sub.add_parser("extract", help="show the outline and sample flows the tool understood in one document")
    extract.add_argument("file")
    extract.add_argument("--format", choices=("json",), default="json")
    extract.add_argument("--role", choices=("protocol", "consent"))
    sub.add_parser("schema", help="print the JSON Schema of the JSON report")
    evaluate = sub.add_parser("eval", help="score the rules on an evaluation corpus (folders with gold.yml)")
    evaluate.add_argument("folder", nargs="?", default="sample_protocols", help="default: sample_protocols")
    rules = sub.add_parser("rules", help="list the rule catalogue")
    rules.add_argument("--rules", metavar="DIR", help="include a folder of custom rule files")
    return parser


def run() -> None:
    """The `auditor` command and `python -m auditor`: main(), then leave at once.

    Once the reports are written and the output flushed, nothing is left to do: os._exit skips the interpreter's
    teardown (freeing every object of a large document and spaCy, about 0.03 s). argparse's own exits (--help, a
    usage error) leave the ordinary way."""
    import os

    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (auditor ... | head): nothing more can be written anyway
            pass
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `auditor` command."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.version:
        from auditor import __version__

        print(f"trial-auditor {__version__}")
        return EXIT_OK
    if not args.command:
        parser.print_help()
        return EXIT_ERROR
    from auditor.errors import InputError, PackError

    try:
        return {"audit": _audit, "extract": _extract, "rules": _rules, "waive": _waive,
                "schema": _schema, "eval": _eval}[args.command](args)
    except (InputError, PackError) as exc:
        _error(str(exc))
    except KeyboardInterrupt:
        _error("interrupted")
    except BrokenPipeError:  # the reader of our output left (auditor rules | head): no message, as other tools
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that flushing at exit does not fail again
        return EXIT_OK
    except Exception as exc:  # never a traceback for users; --debug shows it
        if args.debug:
            raise
        _error(f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)")
    return EXIT_ERROR


def _error(message: str) -> None:
    print(f"auditor: error: {' '.join(str(message).split())}", file=sys.stderr)


def _audit(args) -> int:
    from auditor.errors import InputError
    from auditor.pipeline import Input, audit

    inputs = [Input(f) for f in args.files] + [Input(f, "protocol") for f in args.protocol] + \
             [Input(f, "consent") for f in args.consent]
    if not inputs:
        raise InputError("no documents given: auditor audit PROTOCOL CONSENT (or --protocol F --consent F)")
    as_of = _date(args.as_of) if args.as_of else None
    profile = waivers = None
    if args.profile:
        from auditor.assess.applicability import load_profile

        profile = load_profile(args.profile)
    if args.waivers:
        from auditor.assess.waivers import load_waivers

        waivers = load_waivers(args.waivers)
    run, errors = audit(inputs, as_of, profile=profile, waivers=waivers, rules_dir=args.rules)
    for message in errors:
        _error(message)
    for message in run.warnings if run else []:
        print(f"auditor: warning: {message}", file=sys.stderr)
    if run is None:
        return EXIT_ERROR
    from auditor.report import render

    _write(render(run.assessment, args.format), args.output)
    if args.timings:
        print(" ".join(f"{k}={v:.3f}s" for k, v in run.timings.items()), file=sys.stderr)
    if errors:
        return EXIT_ERROR
    return _exit_for(run.assessment, args.fail_on)


def _exit_for(assessment, fail_on: str) -> int:
    if fail_on == "none":
        return EXIT_OK
    levels = FAIL_LEVELS[: FAIL_LEVELS.index(fail_on) + 1]
    return EXIT_FINDINGS if any(f.status == "open" and f.severity in levels for f in assessment.findings) else EXIT_OK


def _date(text: str) -> date:
    from auditor.errors import InputError

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"--as-of: '{text}' is not a date (YYYY-MM-DD)") from None


def _write(text: str, output: str | None) -> None:
    if not output:
        sys.stdout.write(text)
        return
    from auditor.errors import InputError

    target = Path(output)
    temporary = target.with_name(f".{target.name}.tmp")
    try:
        if target.exists() and not target.is_file():  # /dev/null, a pipe: write through, never replace it
            with open(target, "w", encoding="utf-8") as stream:
                stream.write(text)
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, target)  # atomic: a reader never sees half a report
    except OSError as exc:
        raise InputError(f"{output}: cannot write the report ({exc.strerror or exc})") from None


def _extract(args) -> int:
    import json

    from auditor.errors import InputError
    from auditor.pipeline import Input, analyse, outline, read_all

    readable, errors = read_all([Input(args.file, args.role)], {})
    if errors:
        raise InputError(errors[0])
    (document, extraction), = analyse(readable, {})
    payload = outline(document, extraction)
    sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


def _rules(args) -> int:
    from auditor.assess.rules import load_rules

    for rule in load_rules(args.rules):
        cites = "; ".join(c.text for c in rule.citations)
        print(f"{rule.id}\t{rule.severity}\t{rule.title}\t{cites}")
    return EXIT_OK


def _waive(args) -> int:
    import json

    import yaml

    from auditor.assess.waivers import waiver_entry
    from auditor.errors import InputError

    try:
        report = json.loads(Path(args.report).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{args.report}: not a readable JSON report ({exc})") from None
    if args.expires:
        _date(args.expires)
    entry = waiver_entry(report, args.fingerprint, args.reason, args.reviewer, args.expires, date.today().isoformat())
    target = Path(args.output)
    existing = yaml.safe_load(target.read_text(encoding="utf-8")) if target.exists() else None
    entries = (existing.get("waivers", []) if isinstance(existing, dict) else existing) or []
    entries.append(entry)
    _write(yaml.safe_dump({"waivers": entries}, sort_keys=False, allow_unicode=True), str(target))
    print(f"waived {entry['rule_id']} {entry['fingerprint']} in {target}")
    return EXIT_OK


def _schema(args) -> int:
    import json

    from auditor.assess.model import Assessment

    print(json.dumps(Assessment.model_json_schema(), indent=2))
    return EXIT_OK


def _eval(args) -> int:
    from auditor.errors import InputError
    from auditor.evaluate_rules import cases, evaluate, table

    if not cases(args.folder):
        raise InputError(f"{args.folder}: no case folder with a gold.yml or expected.yml")
    print(table(evaluate(args.folder)))
    return EXIT_OK
