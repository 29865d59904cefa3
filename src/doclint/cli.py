"""Command line: ``doclint check``, ``doclint merge``, ``doclint rules``, ``doclint rule NAME``.

Exit codes: 0 no finding at or above ``--fail-on``; 1 findings; 2 usage or
configuration error, or an input that could not be read.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as package_version

    try:
        return package_version("doclint")
    except PackageNotFoundError:  # pragma: no cover - running from a plain checkout
        return "0+unknown"


def _selectors(values: list[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    return tuple(item.strip() for value in values for item in value.split(",") if item.strip())


class _Version(argparse.Action):
    """``--version``, reading the installed version only when asked."""

    def __call__(self, parser, namespace, values, option_string=None):
        sys.stdout.write(f"doclint {version()}\n")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="doclint",
        description="Translation-quality linter for localized Markdown documentation.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="print the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    check = commands.add_parser(
        "check",
        help="lint translated pages against their source pages",
        description="Pair each translated page with its source page and report findings.",
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="translated files or folders")
    check.add_argument("--source", type=Path, metavar="DIR", help="the source-language folder")
    check.add_argument(
        "--lang", metavar="TAG", help="language of the translations (default: from the path)"
    )
    check.add_argument(
        "--layout", choices=("folder", "suffix"), help="how translations sit beside sources"
    )
    check.add_argument("--config", type=Path, metavar="FILE", help="configuration file to use")
    check.add_argument("--isolated", action="store_true", help="ignore configuration files")
    check.add_argument(
        "--select",
        action="append",
        metavar="RULES",
        help="rules to enable (replaces the configured set)",
    )
    check.add_argument(
        "--extend-select", action="append", metavar="RULES", help="rules to enable in addition"
    )
    check.add_argument("--ignore", action="append", metavar="RULES", help="rules to disable")
    check.add_argument("--slug", choices=("doc-builder", "github"), help="heading id style")
    check.add_argument(
        "--format", default="text", help="text (default), json, github, sarif or codeclimate"
    )
    check.add_argument("--output", "-o", type=Path, metavar="FILE", help="write the report to FILE")
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        help="lowest severity that fails the run (default: error)",
    )
    check.add_argument(
        "--baseline", type=Path, metavar="FILE", help="do not report findings recorded in FILE"
    )
    check.add_argument(
        "--write-baseline",
        type=Path,
        metavar="FILE",
        help="record the current findings in FILE and exit 0",
    )
    check.add_argument("--fix", action="store_true", help="apply the fixes of fixable rules")
    check.add_argument(
        "--fix-code",
        action="store_true",
        help="with --fix, also rewrite code blocks to match the source",
    )
    check.add_argument(
        "--diff",
        action="store_true",
        help="print the fixes as a unified diff instead of writing them",
    )
    check.add_argument(
        "--with-translations",
        action="store_true",
        help="for a source page given, check every translation of it",
    )
    check.add_argument(
        "--changed-since",
        metavar="REV",
        help="only translations changed since REV, or whose source changed (git)",
    )
    check.add_argument(
        "--jobs", "-j", type=int, metavar="N", help="worker processes (default: the number of CPUs)"
    )
    check.add_argument(
        "--shard", metavar="I/N", help="check only the I-th of N deterministic parts of the pages"
    )
    check.add_argument("--absolute-paths", action="store_true", help="report absolute paths")
    check.add_argument(
        "--no-cache",
        action="store_true",
        help="neither use nor update the findings kept in .doclint_cache/",
    )
    check.add_argument("--no-color", action="store_true", help="never colour the text output")

    terms = commands.add_parser("terms", help="termbase tools")
    terms_commands = terms.add_subparsers(dest="terms_command", metavar="ACTION", required=True)
    extract = terms_commands.add_parser(
        "extract",
        help="print the termbase a translated glossary page defines",
        description="Pair the glossary page with its source, align their headings and print "
        "the term entries (English term, abbreviation, rendering).",
    )
    extract.add_argument("path", type=Path, metavar="PATH", help="the translated glossary page")
    extract.add_argument("--source", type=Path, metavar="DIR", help="the source-language folder")
    extract.add_argument(
        "--lang", metavar="TAG", help="language of the glossary (default: from the path)"
    )
    extract.add_argument("--format", choices=("yaml", "csv", "tbx"), default="yaml")
    extract.add_argument("--output", "-o", type=Path, metavar="FILE", help="write to FILE")

    merge = commands.add_parser(
        "merge",
        help="merge the JSON or SARIF reports of shards into one",
        description="Merge reports written by `doclint check --shard I/N` (all JSON or all "
        "SARIF) into the one report a single run would have written.",
    )
    merge.add_argument("reports", nargs="+", type=Path, metavar="REPORT")
    merge.add_argument("--output", "-o", type=Path, metavar="FILE", help="write to FILE")

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=("text", "markdown"), default="text")
    rule = commands.add_parser("rule", help="print one rule's documentation")
    rule.add_argument("name", help="rule name or code")
    return parser


def _error(message: str) -> None:
    print(f"doclint: {message}", file=sys.stderr)


def _use_color(args: argparse.Namespace) -> bool:
    if args.no_color or args.output or "NO_COLOR" in os.environ:
        return False
    return sys.stdout.isatty()


def _write(text: str | Iterable[str], output: Path | None) -> None:
    parts = [text] if isinstance(text, str) else text
    if output is None:
        sys.stdout.writelines(parts)
        return
    from doclint.textfile import write_atomically

    write_atomically(output, (part.encode("utf-8") for part in parts))


def _check(args: argparse.Namespace) -> int:
    from doclint import config as config_module
    from doclint import reporters
    from doclint.registry import all_rules
    from doclint.runner import FixMode, Runner
    from doclint.suppress import BaselineError, read_baseline, write_baseline

    render = reporters.renderer(args.format)
    if render is None:
        _error(f"unknown format {args.format!r} (formats: {', '.join(reporters.formats())})")
        return EXIT_ERROR
    try:
        config = config_module.Config() if args.isolated else config_module.load(args.config)
        select = _selectors(args.select)
        config = config.with_overrides(
            source=args.source,
            layout=args.layout,
            slug=args.slug,
            fail_on=args.fail_on,
            select=select,
            extend_select=config.extend_select + (_selectors(args.extend_select) or ()),
            ignore=config.ignore + (_selectors(args.ignore) or ()),
        )
        baseline = read_baseline(args.baseline) if args.baseline else None
        fix = FixMode(code=args.fix_code, diff=args.diff) if args.fix or args.diff else None
        runner = Runner(config, language=args.lang, absolute_paths=args.absolute_paths, fix=fix)
        if not args.no_cache and fix is None:
            runner.cache = _cache(runner)
    except (config_module.ConfigError, BaselineError) as error:
        _error(str(error))
        return EXIT_ERROR
    if args.source is not None and not args.source.is_dir():
        _error(f"{args.source}: source folder not found")
        return EXIT_ERROR

    try:
        selection = _selection(args)
    except ValueError as error:
        _error(str(error))
        return EXIT_ERROR
    _collect_less()
    report = runner.run(args.paths, baseline, selection)
    for line in report.warnings:
        _error(f"warning: {line}")
    for line in report.errors:
        _error(line)
    if args.diff:
        sys.stdout.write("".join(report.diffs))
        return EXIT_ERROR if report.errors else EXIT_FINDINGS if report.diffs else EXIT_OK
    if args.write_baseline:
        count = write_baseline(args.write_baseline, report.findings)
        print(f"Recorded {count} findings in {args.write_baseline}.")
        return EXIT_ERROR if report.errors else EXIT_OK
    context = reporters.Context(rules=all_rules(), color=_use_color(args), version=version())
    try:
        _write(render(report, context), args.output)
    except OSError as error:
        _error(f"{args.output}: cannot write: {error.strerror}")
        return EXIT_ERROR
    if report.errors:
        return EXIT_ERROR
    threshold = SEVERITY_RANK[config.fail_on]
    failing = any(SEVERITY_RANK[f.severity] >= threshold for f in report.findings)
    return EXIT_FINDINGS if failing else EXIT_OK


def _collect_less() -> None:
    """A run allocates many small objects that live until their page is done and rarely
    form cycles; with the default thresholds the collector scans them over and over,
    about a tenth of a run's time."""
    import gc

    gc.set_threshold(20_000, 50, 50)


def _cache(runner):
    from doclint.cache import FOLDER, ContentCache, run_key

    config = runner.config
    return ContentCache(
        config.base / FOLDER, run_key(config, runner.rules, runner.packs, version())
    )


def _merge(args: argparse.Namespace) -> int:
    from doclint.merge import MergeError, merge_files

    try:
        _, text = merge_files(args.reports)
    except MergeError as error:
        _error(str(error))
        return EXIT_ERROR
    try:
        _write(text, args.output)
    except OSError as error:
        _error(f"{args.output}: cannot write: {error.strerror}")
        return EXIT_ERROR
    return EXIT_OK


def _selection(args: argparse.Namespace):
    from doclint.runner import Selection

    shard = (1, 1)
    if args.shard:
        index, _, count = args.shard.partition("/")
        if not (index.isdigit() and count.isdigit() and 1 <= int(index) <= int(count)):
            raise ValueError(f"--shard takes I/N with 1 <= I <= N, not {args.shard!r}")
        shard = (int(index), int(count))
    jobs = args.jobs if args.jobs is not None else os.cpu_count() or 1
    if jobs < 1:
        raise ValueError("--jobs takes a whole number of at least 1")
    changed = None
    if args.changed_since:
        from doclint.vcs import VcsError, changed_since  # git only when asked for

        try:
            changed = frozenset(changed_since(args.changed_since))
        except VcsError as error:
            raise ValueError(str(error)) from None
    return Selection(
        with_translations=args.with_translations, changed=changed, shard=shard, jobs=jobs
    )


def _terms(args: argparse.Namespace) -> int:
    from doclint import termbase
    from doclint.config import Config, ConfigError
    from doclint.glossary import glossary_terms
    from doclint.parse import parse
    from doclint.textfile import InputError, read_page

    def load(path: Path):
        try:
            return parse(read_page(path).text, str(path)) if path.is_file() else None
        except InputError as error:
            raise termbase.TermbaseError(str(error)) from None

    try:
        config = Config().with_overrides(source=args.source)
        terms = glossary_terms(args.path, config, load, args.lang)
    except (termbase.TermbaseError, ConfigError) as error:
        _error(str(error))
        return EXIT_ERROR
    language = args.lang or _language_of(args.path, config)
    writers = {"yaml": termbase.to_yaml, "csv": termbase.to_csv, "tbx": termbase.to_tbx}
    _write(writers[args.format](terms, language), args.output)
    return EXIT_OK


def _language_of(path: Path, config) -> str:
    from doclint.pairing import Pairing

    pairs = Pairing(config).pairs([str(path)])
    return pairs[0].language if pairs else ""


def _rules(args: argparse.Namespace) -> int:
    from doclint.ruledocs import rules_markdown, rules_table

    sys.stdout.write(rules_markdown() if args.format == "markdown" else rules_table())
    return EXIT_OK


def _rule(args: argparse.Namespace) -> int:
    from doclint.registry import all_rules, find_rule
    from doclint.ruledocs import rule_text

    rule = find_rule(args.name)
    if rule is None:
        names = ", ".join(rule.name for rule in all_rules())
        _error(f"no rule {args.name!r} (rules: {names})")
        return EXIT_ERROR
    sys.stdout.write(rule_text(rule))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    from doclint.registry import RuleError

    args = build_parser().parse_args(argv)
    handlers = {"check": _check, "rules": _rules, "rule": _rule, "terms": _terms, "merge": _merge}
    try:
        return handlers[args.command](args)
    except RuleError as error:
        _error(f"a rule could not be loaded: {error}")
        return EXIT_ERROR
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_FINDINGS
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
