"""Command line: ``doclint check``, ``doclint status``, ``doclint merge``, ``doclint rules``,
``doclint rule NAME``.

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
    from doclint import __version__

    return __version__


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
    check.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="translated files or folders (default: the current directory)",
    )
    check.add_argument("--source", type=Path, metavar="DIR", help="the source-language folder")
    check.add_argument(
        "--lang", metavar="TAG", help="language of the translations (default: from the path)"
    )
    check.add_argument(
        "--layout",
        choices=("folder", "suffix", "docusaurus", "root"),
        help="how translations sit beside sources (default: detected)",
    )
    check.add_argument(
        "--dialect",
        metavar="NAME",
        help="the docs framework's Markdown dialect: doc-builder, gfm, mkdocs, docusaurus, "
        "vitepress, hugo or starlight (default: detected)",
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
    check.add_argument(
        "--slug",
        metavar="STYLE",
        help="heading id style: doc-builder, github, vitepress or python-markdown "
        "(default: the dialect's)",
    )
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
    check.add_argument(
        "--drift",
        choices=("fold", "show", "only"),
        help="findings the source's changes explain: fold them into outdated-translation "
        "(default), show them too, or show only them",
    )
    check.add_argument("--absolute-paths", action="store_true", help="report absolute paths")
    check.add_argument(
        "--exit-zero",
        action="store_true",
        help="exit 0 even when findings are reported (usage errors still exit 2)",
    )
    check.add_argument(
        "--statistics",
        action="store_true",
        help="print the number of findings per rule instead of each finding",
    )
    check.add_argument(
        "--quiet", "-q", action="store_true", help="print findings only: no summary, no progress"
    )
    check.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output (default auto: on a terminal, unless NO_COLOR is set "
        "or FORCE_COLOR asks for it)",
    )
    check.add_argument("--no-color", action="store_true", help=argparse.SUPPRESS)
    check.add_argument(
        "--no-cache",
        action="store_true",
        help="neither use nor update the findings kept in .doclint_cache/",
    )

    status = commands.add_parser(
        "status",
        help="where each translation stands: up-to-date, outdated, missing, no-source",
        description="Per language and page: up to date with its source, outdated (commits "
        "behind, changed sections), missing or without source; and finding counts.",
    )
    status.add_argument("paths", nargs="+", metavar="PATH", help="translated folders or files")
    status.add_argument("--format", choices=("text", "json", "markdown", "html"), default="text")
    status.add_argument("--output", "-o", type=Path, metavar="FILE", help="write to FILE")
    status.add_argument(
        "--since", metavar="REV", help="only pages whose source changed since REV (git)"
    )
    status.add_argument("--source", type=Path, metavar="DIR", help="the source-language folder")
    status.add_argument("--lang", metavar="TAG", help="language of the translations")
    status.add_argument("--config", type=Path, metavar="FILE", help="configuration file to use")
    status.add_argument("--isolated", action="store_true", help="ignore configuration files")
    status.add_argument(
        "--jobs", "-j", type=int, metavar="N", help="worker processes (default: the CPUs)"
    )

    terms = commands.add_parser("terms", help="termbase tools")
    terms_commands = terms.add_subparsers(dest="terms_command", metavar="ACTION", required=True)
    extract = terms_commands.add_parser(
        "extract",
        help="print the termbase a glossary page, term list or termbase file defines",
        description="For a translated glossary page: pair it with its source, align their "
        "headings and print the term entries (English term, abbreviation, rendering). For a "
        "Markdown term list (llm-prompt.md) or a YAML, CSV or TBX termbase: print its "
        "entries in the chosen format.",
    )
    extract.add_argument(
        "path",
        type=Path,
        metavar="PATH",
        help="a translated glossary page, a term list such as llm-prompt.md, or a termbase",
    )
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
    parser.set_defaults(subparsers=commands.choices)
    return parser


def _error(message: str) -> None:
    from doclint.terminal import printable

    print(f"doclint: {printable(message)}", file=sys.stderr)


def _use_color(args: argparse.Namespace) -> bool:
    """--color always/never wins; in auto, a non-empty NO_COLOR turns colour off and
    a non-empty FORCE_COLOR on (no-color.org, force-color.org), else a terminal decides."""
    choice = "never" if args.no_color else args.color
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return args.output is None and sys.stdout.isatty()


def _command_line_selectors(args: argparse.Namespace) -> str | None:
    """The first --select/--extend-select/--ignore value no rule matches, as an error
    about the command line (not the configuration file)."""
    from doclint.config import did_you_mean, selector_names
    from doclint.registry import is_selector

    for flag in ("select", "extend_select", "ignore"):
        for selector in _selectors(getattr(args, flag)) or ():
            if not is_selector(selector):
                hint = did_you_mean(selector, selector_names())
                option = "--" + flag.replace("_", "-")
                return f"command line: {option}: no rule matches {selector!r}{hint}"
    return None


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
    from doclint.progress import progress_for
    from doclint.registry import all_rules
    from doclint.runner import FixMode, Runner
    from doclint.suppress import BaselineError, read_baseline, write_baseline

    render = reporters.renderer(args.format)
    if render is None:
        _error(f"unknown format {args.format!r} (formats: {', '.join(reporters.formats())})")
        return EXIT_ERROR
    if args.statistics and args.format not in ("text", "json"):
        _error("--statistics works with --format text or json")
        return EXIT_ERROR
    bad_selector = _command_line_selectors(args)
    if bad_selector:
        _error(bad_selector)
        return EXIT_ERROR
    try:
        config = config_module.Config() if args.isolated else config_module.load(args.config)
        source_error = _missing_source(config, args.source)
        if source_error:
            _error(source_error)
            return EXIT_ERROR
        select = _selectors(args.select)
        config = config.with_overrides(
            source=args.source,
            layout=args.layout,
            dialect=args.dialect,
            slug=args.slug,
            fail_on=args.fail_on,
            select=select,
            extend_select=config.extend_select + (_selectors(args.extend_select) or ()),
            ignore=config.ignore + (_selectors(args.ignore) or ()),
        )
        fix = FixMode(code=args.fix_code, diff=args.diff) if args.fix or args.diff else None
        runner = Runner(
            config,
            language=args.lang,
            absolute_paths=args.absolute_paths,
            fix=fix,
            drift=args.drift or "fold",
        )
        if not args.no_cache and fix is None:
            runner.cache = _cache(runner)
        baseline = read_baseline(args.baseline, runner.root) if args.baseline else None
    except (config_module.ConfigError, BaselineError) as error:
        _error(str(error))
        return EXIT_ERROR

    try:
        selection = _selection(args)
    except ValueError as error:
        _error(str(error))
        return EXIT_ERROR
    machine = args.format in reporters.MACHINE_FORMATS or args.diff
    progress = progress_for(not (args.quiet or machine))
    _collect_less()
    report = runner.run(args.paths or _default_paths(config), baseline, selection, progress)
    if not args.quiet:
        for line in report.warnings + (report.notes if args.drift else []):
            _error(f"warning: {line}")
    for line in report.errors:
        _error(line)
    if args.diff:
        sys.stdout.write("".join(report.diffs))
        changed = EXIT_FINDINGS if report.diffs and not args.exit_zero else EXIT_OK
        return EXIT_ERROR if report.errors else changed
    if args.write_baseline:
        try:
            count = write_baseline(args.write_baseline, report.findings, runner.root)
        except OSError as error:
            _error(f"{args.write_baseline}: cannot write: {error.strerror or error}")
            return EXIT_ERROR
        print(f"Recorded {count} findings in {args.write_baseline}.")
        return EXIT_ERROR if report.errors else EXIT_OK
    context = reporters.Context(
        rules=all_rules(),
        color=_use_color(args),
        version=version(),
        root=runner.root,
        quiet=args.quiet,
        statistics=args.statistics,
    )
    try:
        _write(render(report, context), args.output)
    except OSError as error:
        _error(f"{args.output}: cannot write: {error.strerror or error}")
        return EXIT_ERROR
    if report.errors:
        return EXIT_ERROR
    threshold = SEVERITY_RANK[config.fail_on]
    failing = any(SEVERITY_RANK[f.severity] >= threshold for f in report.findings)
    return EXIT_FINDINGS if failing and not args.exit_zero else EXIT_OK


def _default_paths(config) -> list[str]:
    """What ``check`` without a path checks: the current directory — except where a
    source folder is configured and lies below it (a run at the repository root),
    then the folder holding the language folders (``docs/source``), so that pages
    outside it (``README.md``) are not taken for translations of missing sources."""
    from doclint.textfile import relative

    here = Path.cwd().resolve()
    if config.source is not None and config.layout in (None, "folder"):
        languages = config.source.resolve().parent
        if here in languages.parents:
            return [relative(languages).as_posix()]
    return ["."]


def _missing_source(config, given: Path | None) -> str | None:
    """One error for a source folder that does not exist (rather than a
    no-source-file finding for every page)."""
    if given is not None:
        return None if given.is_dir() else f"{given}: source folder not found"
    if config.source is not None and not config.source.is_dir():
        from doclint.config import config_error
        from doclint.textfile import relative

        return str(
            config_error(config, f"key 'source': folder {relative(config.source)} not found")
        )
    return None


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


def _status(args: argparse.Namespace) -> int:
    from doclint import config as config_module
    from doclint import status
    from doclint.progress import progress_for
    from doclint.runner import Runner, Selection
    from doclint.textfile import display_path
    from doclint.vcs import VcsError, changed_since

    try:
        config = config_module.Config() if args.isolated else config_module.load(args.config)
        config = config.with_overrides(source=args.source)
        runner = Runner(config, language=args.lang, drift="show")
    except config_module.ConfigError as error:
        _error(str(error))
        return EXIT_ERROR
    changed = None
    try:
        if args.since:
            changed = {display_path(path) for path in changed_since(args.since)}
    except VcsError as error:
        _error(str(error))
        return EXIT_ERROR
    jobs = args.jobs if args.jobs is not None else os.cpu_count() or 1
    progress = progress_for(args.format == "text")
    report = runner.run(args.paths, selection=Selection(jobs=max(jobs, 1)), progress=progress)
    for line in report.notes + report.errors:
        _error(line)
    try:
        rendered = status.renderer(args.format)(status.build(report, changed, args.since))
        _write(rendered, args.output)
    except OSError as error:
        _error(f"{args.output}: cannot write: {error.strerror}")
        return EXIT_ERROR
    return EXIT_ERROR if report.errors else EXIT_OK


def _terms(args: argparse.Namespace) -> int:
    from doclint import termbase
    from doclint.config import Config, ConfigError
    from doclint.glossary import extract_terms
    from doclint.tbx import write_tbx

    try:
        config = Config().with_overrides(source=args.source)
        terms, language = extract_terms(args.path, config, args.lang)
    except (termbase.TermbaseError, ConfigError) as error:
        _error(str(error))
        return EXIT_ERROR
    writers = {"yaml": termbase.to_yaml, "csv": termbase.to_csv, "tbx": write_tbx}
    try:
        _write(writers[args.format](terms, language), args.output)
    except OSError as error:
        _error(f"{args.output}: cannot write: {error.strerror or error}")
        return EXIT_ERROR
    return EXIT_OK


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
    sys.stdout.write(rule_text(rule, plain=sys.stdout.isatty()))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    from doclint.registry import RuleError

    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        # argparse would blame the top-level command; show the usage of the one run
        subparser = args.subparsers.get(args.command, parser)
        subparser.error(f"unrecognized arguments: {' '.join(unknown)}")
    handlers = {
        "check": _check,
        "status": _status,
        "merge": _merge,
        "rules": _rules,
        "rule": _rule,
        "terms": _terms,
    }
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
