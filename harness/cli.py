"""`codevet verify` and `codevet doctor`."""
from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from codevet.generators.candidates import count_records, read_candidates
from codevet.generators.formats import FORMATS
from codevet.generators.readers import InputError, check_readable
from codevet.harness.config import RunConfig, SandboxOptions
from codevet.sandboxes import available_languages, sandbox_class
from codevet.sandboxes.isolation import IsolationUnavailable, resolve_isolation

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Keep only the code examples that really run.")
console = Console(stderr=True, soft_wrap=True)


def _parse_extra(pairs: list[str]) -> dict[str, str]:
    extra: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise typer.BadParameter(f"--option wants KEY=VALUE, got {pair!r}")
        extra[key.strip()] = value
    return extra


@app.command()
def verify(
    inputs: list[str] = typer.Argument(..., help="JSON, JSONL(.gz) or Parquet files, or hf:NAME[:CONFIG]"),
    out: Path = typer.Option(..., "--out", "-o", help="directory for kept/rejected/report files"),
    format: Optional[str] = typer.Option(None, "--format", "-f", help="input format (default: detected from fields)"),
    lang: Optional[str] = typer.Option(None, "--lang", "-l", help="language/sandbox (default: from the format)"),
    jobs: int = typer.Option(os.cpu_count() or 1, "--jobs", "-j", min=1, help="examples run at once"),
    timeout: float = typer.Option(10.0, "--timeout", min=0.1, help="seconds per example"),
    isolation: str = typer.Option("auto", "--isolation", help="bwrap | none | auto"),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="verify only the first N examples"),
    no_cache: bool = typer.Option(False, "--no-cache", help="ignore and do not update the verdict cache"),
    split: str = typer.Option("train", "--split", help="split for hf: inputs"),
    allow_untested: bool = typer.Option(False, "--allow-untested", help="keep examples that have no tests but run"),
    challenge: bool = typer.Option(False, "--challenge-tests", help="also run MBPP's challenge_test_list"),
    memory_mb: int = typer.Option(1024, "--memory-mb", min=64, help="memory limit per example process"),
    option: list[str] = typer.Option([], "--option", help="sandbox-specific KEY=VALUE (repeatable)"),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", help="where verdicts are cached"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar"),
) -> None:
    """Run every example in its sandbox; write kept.jsonl, rejected.jsonl, report.jsonl,
    summary.json and report.html to --out."""
    from codevet.harness.pipeline import run

    if format and format not in {f.name for f in FORMATS}:
        _usage(f"unknown --format {format!r} (have: {', '.join(f.name for f in FORMATS)})")
    if lang and lang not in available_languages():
        _usage(f"unknown --lang {lang!r} (have: {', '.join(available_languages())})")
    for spec in inputs:
        try:
            check_readable(spec)
        except InputError as exc:
            _usage(str(exc))
    try:
        resolved = resolve_isolation(isolation)
    except IsolationUnavailable as exc:
        _usage(str(exc))
    if resolved == "none":
        console.print("[bold yellow]warning:[/] running WITHOUT namespace isolation (--isolation none): "
                      "only resource limits apply. Do not run untrusted code this way.")
    warnings.filterwarnings("ignore", category=RuntimeWarning, module="codevet")
    sandbox = SandboxOptions(timeout_s=timeout, isolation=resolved, memory_mb=memory_mb,
                             allow_untested=allow_untested, challenge_tests=challenge,
                             extra=_parse_extra(option))
    config = RunConfig(out=out, jobs=jobs, limit=limit, use_cache=not no_cache, format=format,
                       language=lang, split=split, sandbox=sandbox,
                       **({"cache_dir": cache_dir} if cache_dir else {}))

    def candidates():
        for spec in inputs:
            yield from read_candidates(spec, format, lang, split)

    totals = [count_records(s) for s in inputs]
    total = None if None in totals else sum(totals)  # type: ignore[arg-type]
    if total is not None and limit:
        total = min(total, limit)
    progress = Progress(TextColumn("[bold]verifying"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("[green]{task.fields[ok]} pass[/] [red]{task.fields[bad]} fail[/] "
                                   "[yellow]{task.fields[err]} error[/]"), TimeElapsedColumn(),
                        console=console, disable=quiet or not console.is_terminal, transient=False)
    counts = {"pass": 0, "fail": 0, "error": 0}
    with progress:
        task = progress.add_task("verify", total=total, ok=0, bad=0, err=0)

        def on_line(line: dict) -> None:
            counts[line["status"]] += 1
            progress.update(task, advance=1, ok=counts["pass"], bad=counts["fail"], err=counts["error"])

        try:
            result = run(candidates(), config, list(inputs), on_line)
        except InputError as exc:
            _usage(str(exc))
    _print_summary(result.summary, out)
    for note in result.notes:
        console.print(f"[yellow]note:[/] {note}")
    if result.interrupted:
        console.print("[yellow]interrupted:[/] finished verdicts are cached; run the same command again to resume.")
        raise typer.Exit(130)


def _usage(message: str) -> None:
    console.print(f"[bold red]error:[/] {message}")
    raise typer.Exit(2)


def _print_summary(summary: dict, out: Path) -> None:
    table = Table(title="codevet summary", show_header=False, title_justify="left")
    table.add_row("examples", str(summary["total"]))
    table.add_row("[green]pass[/]", str(summary["pass"]))
    table.add_row("[red]fail[/]", str(summary["fail"]))
    table.add_row("[yellow]error[/]", str(summary["error"]))
    table.add_row("pass rate", f"{100 * summary['pass_rate']:.1f}%")
    table.add_row("time", f"{summary['duration_s']:.1f} s ({summary['cached']} from cache)")
    if summary["by_reason"]:
        table.add_row("top reasons", ", ".join(f"{k} {v}" for k, v in list(summary["by_reason"].items())[:5]))
    console.print(table)
    console.print(f"report: {out / 'report.html'}  (kept: {out / 'kept.jsonl'})")


@app.command()
def doctor() -> None:
    """Say which sandboxes and isolation backends work on this machine, and what is missing."""
    table = Table(title="codevet doctor", title_justify="left")
    table.add_column("sandbox")
    table.add_column("what")
    table.add_column("ok")
    table.add_column("detail")
    all_ok = True
    for language in available_languages():
        try:
            rows = sandbox_class(language).doctor()
        except Exception as exc:  # an import failure is exactly what doctor should report
            rows = [("sandbox module", False, f"{type(exc).__name__}: {exc}")]
        for what, ok, detail in rows:
            all_ok &= ok or what.startswith(("per-worker", "running as"))
            table.add_row(language, what, "[green]yes[/]" if ok else "[red]no[/]", str(detail))
    Console().print(table)
    if not all_ok:
        console.print("[yellow]Some parts are missing; `make run` installs everything on Debian.[/]")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - interactive
        sys.exit(130)


if __name__ == "__main__":
    main()
