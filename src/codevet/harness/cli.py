"""`codevet verify`, `generate`, `mix`, `presets`, `images` and `doctor`."""
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


def _with_options(options: SandboxOptions, pairs: list[str]) -> SandboxOptions:
    """`--option threejs.viewport=640x480`: typed and validated (see `codevet options`)."""
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            _usage(f"--option wants KEY=VALUE, got {pair!r}")
        try:
            options = options.with_option(key, value)
        except ValueError as exc:
            _usage(str(exc))
    return options


@app.command()
def verify(
    inputs: list[str] = typer.Argument(..., help="JSON, JSONL(.gz) or Parquet files, or hf:NAME[:CONFIG]"),
    out: Path = typer.Option(..., "--out", "-o", help="directory for kept/rejected/report files"),
    format: Optional[str] = typer.Option(None, "--format", "-f", help="input format (default: detected from fields)"),
    lang: Optional[str] = typer.Option(None, "--lang", "-l", help="language/sandbox (default: from the format)"),
    jobs: int = typer.Option(os.cpu_count() or 1, "--jobs", "-j", min=1, help="examples run at once"),
    timeout: float = typer.Option(10.0, "--timeout", min=0.1, help="seconds per example"),
    isolation: str = typer.Option("auto", "--isolation", help="bwrap | docker | none | auto (auto never picks docker)"),
    executor: str = typer.Option("local", "--executor", help="local (threads here) | ray (Ray actors)"),
    ray_address: Optional[str] = typer.Option(None, "--ray-address", help="with --executor ray: an existing "
                                              "cluster (e.g. auto, ray://head:10001); default starts one here"),
    ray_actor_cpus: Optional[float] = typer.Option(None, "--ray-actor-cpus", min=0.01, help="with --executor ray: "
                                                   "CPUs each sandbox actor reserves (default 1/number of sandboxes)"),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="verify only the first N examples"),
    no_cache: bool = typer.Option(False, "--no-cache", help="ignore and do not update the verdict cache"),
    split: str = typer.Option("train", "--split", help="split for hf: inputs"),
    allow_untested: bool = typer.Option(False, "--allow-untested", help="keep examples that have no tests but run"),
    challenge: bool = typer.Option(False, "--challenge-tests", help="also run MBPP's challenge_test_list"),
    memory_mb: int = typer.Option(1024, "--memory-mb", min=64, help="memory limit per example process"),
    python_packages: str = typer.Option("", "--python-packages", help="Python: packages examples may import "
                                        "(numpy,pandas,...), installed by `codevet setup --python-packages`"),
    option: list[str] = typer.Option([], "--option", help="sandbox option KEY=VALUE, e.g. threejs.viewport=640x480 "
                                     "(repeatable; `codevet options` lists them)"),
    oot_decomp: Optional[Path] = typer.Option(None, "--oot-decomp", help="OoT: compile against this decomp checkout"),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", help="where verdicts are cached"),
    preset: list[str] = typer.Option([], "--preset", help="a known dataset's name (see `codevet presets`); "
                                     "once for all inputs, or once per input in order"),
    require_code_block: bool = typer.Option(False, "--require-code-block", help="answers must hold a fenced block"),
    min_code_ratio: Optional[float] = typer.Option(None, "--min-code-ratio", min=0.0, help="code/explanation chars"),
    min_lines: Optional[int] = typer.Option(None, "--min-lines", min=0, help="fewest lines of extracted code"),
    max_lines: Optional[int] = typer.Option(None, "--max-lines", min=1, help="most lines of extracted code"),
    dedup: str = typer.Option("off", "--dedup", help="off | exact | near (MinHash/LSH)"),
    near_threshold: float = typer.Option(0.8, "--near-threshold", min=0.01, max=1.0, help="Jaccard for --dedup near"),
    checklist: bool = typer.Option(False, "--checklist", help="three.js: the data guide's checklist as named checks"),
    synthesize_tests: bool = typer.Option(False, "--synthesize-tests", help="Python: the model writes tests for "
                                          "untested answers from the instruction, kept under a mutation guard "
                                          "(needs ANTHROPIC_API_KEY; see harness/synthesize.py)"),
    synth_model: Optional[str] = typer.Option(None, "--synth-model", help="with --synthesize-tests: the Claude model"),
    synth_budget_usd: Optional[float] = typer.Option(None, "--synth-budget-usd", min=0.0,
                                                     help="with --synthesize-tests: stop asking past this spend"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar"),
) -> None:
    """Run every example in its sandbox; write kept.jsonl, rejected.jsonl, report.jsonl,
    summary.json and report.html to --out."""
    from codevet.generators.presets import find_preset
    from codevet.harness.filters import FilterOptions
    from codevet.harness.pipeline import run

    if preset and len(preset) not in (1, len(inputs)):
        _usage(f"give --preset once, or once per input ({len(inputs)}), not {len(preset)} times")
    formats: list[Optional[str]] = [format] * len(inputs)
    for i, name in enumerate(preset * len(inputs) if len(preset) == 1 else preset):
        found = find_preset(name)
        if found is None:
            _usage(f"unknown --preset {name!r} (see `codevet presets`)")
        formats[i] = format or found.format
    if dedup not in ("off", "exact", "near"):
        _usage(f"--dedup must be off, exact or near, not {dedup!r}")
    if executor not in ("local", "ray"):
        _usage(f"--executor must be local or ray, not {executor!r}")
    if (ray_address or ray_actor_cpus) and executor != "ray":
        _usage("--ray-address and --ray-actor-cpus need --executor ray")
    if executor == "ray":
        try:
            import ray  # noqa: F401
        except ImportError:
            _usage("--executor ray needs Ray: pip install 'codevet[ray]'")

    if format and format not in {f.name for f in FORMATS}:
        _usage(f"unknown --format {format!r} (have: {', '.join(f.name for f in FORMATS)})")
    if lang and lang not in available_languages():
        _usage(f"unknown --lang {lang!r} (have: {', '.join(available_languages())})")
    for spec in inputs:
        try:
            check_readable(spec)
        except InputError as exc:
            _usage(str(exc))
    from codevet.core.errors import ConfigError
    from codevet.harness.outdir import prepare_out

    try:
        prepare_out(out)
    except ConfigError as exc:
        _usage(str(exc))
    try:
        resolved = resolve_isolation(isolation)
    except IsolationUnavailable as exc:
        _usage(str(exc))
    if resolved == "none":
        console.print("[bold yellow]warning:[/] running WITHOUT namespace isolation (--isolation none): "
                      "only resource limits apply. Do not run untrusted code this way.")
    warnings.filterwarnings("ignore", category=RuntimeWarning, module="codevet")
    sandbox = SandboxOptions(timeout_s=timeout, isolation=resolved, memory_mb=memory_mb)
    sandbox.python.allow_untested, sandbox.python.challenge_tests = allow_untested, challenge
    if python_packages:
        sandbox = _with_options(sandbox, [f"python.packages={python_packages}"])
    if oot_decomp is not None:
        if not oot_decomp.is_dir():
            _usage(f"--oot-decomp {oot_decomp}: not a directory")
        sandbox.oot.decomp = oot_decomp.resolve()
    sandbox = _with_options(sandbox, option)
    filters = FilterOptions(require_code_block=require_code_block, min_code_ratio=min_code_ratio,
                            min_lines=min_lines, max_lines=max_lines, dedup=dedup, near_threshold=near_threshold,
                            threejs_checklist=checklist)
    config = RunConfig(out=out, jobs=jobs, limit=limit, use_cache=not no_cache, format=format,
                       language=lang, split=split, sandbox=sandbox, filters=filters, executor=executor,
                       ray_address=ray_address, ray_actor_cpus=ray_actor_cpus,
                       **({"cache_dir": cache_dir} if cache_dir else {}))

    def candidates():
        for spec, fmt in zip(inputs, formats):
            yield from read_candidates(spec, fmt, lang, split)

    synthesizer = None
    if synthesize_tests:
        if not os.environ.get("ANTHROPIC_API_KEY"):
            _usage("--synthesize-tests asks a model: set ANTHROPIC_API_KEY (and ANTHROPIC_BASE_URL for a proxy)")
        from codevet.generators.llm.client import DEFAULT_MODEL
        from codevet.harness.config import default_cache_dir
        from codevet.harness.synthesize import SynthesisConfig, TestSynthesizer

        synthesizer = TestSynthesizer(SynthesisConfig(model=synth_model or DEFAULT_MODEL,
                                                      budget_usd=synth_budget_usd or None),
                                      cache_dir=None if no_cache else (cache_dir or default_cache_dir()))
    elif synth_model or synth_budget_usd:
        _usage("--synth-model and --synth-budget-usd need --synthesize-tests")

    totals = [count_records(s) for s in inputs]
    total = None if None in totals else sum(totals)  # type: ignore[arg-type]
    if total is not None and limit:
        total = min(total, limit)
    from codevet.core.errors import CodevetError
    from codevet.harness.progress import RunProgress

    try:
        with RunProgress(console, total, quiet) as progress:
            result = run(candidates(), config, list(inputs), on_result=progress.on_result,
                         prepare=synthesizer.prepare if synthesizer else None)
    except CodevetError as exc:
        _usage(str(exc))
    except OSError as exc:  # the disk filled, --out vanished: say so, no traceback
        _usage(f"writing {out}: {exc.strerror or exc}")
    _print_summary(result.summary, out)
    if synthesizer is not None:
        fatal = synthesizer.report(out, console)
        if fatal:
            raise typer.Exit(3)
    for note in result.notes:
        console.print(f"[yellow]note:[/] {note}")
    if result.stopped:
        _usage(f"{result.stopped} (the {result.summary['total']} examples read before it are reported in {out})")
    if result.summary["total"] == 0 and not result.interrupted:
        _usage(f"no records in {', '.join(inputs)}: nothing to verify")
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
def generate(
    language: str = typer.Argument(..., help="python | threejs | oot"),
    n: int = typer.Option(50, "--n", "--num-examples", min=1, help="candidates to generate"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="directory for kept.jsonl, report.jsonl, "
                                       "metadata.json (default: beside --output)"),
    output: Optional[Path] = typer.Option(None, "--output", help="also write the kept set here (JSON array; "
                                          "JSONL if it ends in .jsonl)"),
    api_key: Optional[str] = typer.Option(None, "--api-key", help="Anthropic API key (default: $ANTHROPIC_API_KEY)"),
    min_accuracy: float = typer.Option(7.0, "--min-accuracy", min=0, max=10, help="layer 1: technical accuracy"),
    min_usefulness: float = typer.Option(6.0, "--min-usefulness", min=0, max=10, help="layer 2: usefulness"),
    model: str = typer.Option(None, "--model", "-m", help="Claude model (default: a current Sonnet)"),
    types: Optional[str] = typer.Option(None, "--types", help="comma-separated example types (OoT: code_explanation,...)"),
    max_repairs: int = typer.Option(2, "--max-repairs", min=0, help="rounds of sandbox evidence fed back"),
    batch: bool = typer.Option(False, "--batch", help="first round through the Message Batches API (half price)"),
    min_score: float = typer.Option(6.0, "--min-score", min=0, max=10,
                                    help="quality threshold (0-10; base + bonuses - penalties)"),
    no_judge: bool = typer.Option(False, "--no-judge", help="skip the model's review after the sandbox"),
    vision: bool = typer.Option(False, "--vision", help="three.js: the model also looks at the screenshot"),
    concurrency: int = typer.Option(4, "--concurrency", "-c", min=1, help="candidates in flight"),
    budget_usd: Optional[float] = typer.Option(None, "--budget-usd", min=0.0, help="stop before spending more"),
    jobs: int = typer.Option(os.cpu_count() or 1, "--jobs", "-j", min=1, help="sandbox workers"),
    timeout: float = typer.Option(10.0, "--timeout", min=0.1, help="sandbox seconds per candidate"),
    isolation: str = typer.Option("auto", "--isolation", help="bwrap | none | auto"),
    max_tokens: int = typer.Option(16000, "--max-tokens", min=1024, help="per reply: thinking + answer"),
    max_retries: int = typer.Option(4, "--max-retries", min=0, help="SDK retries for 429/5xx per request"),
    poll_s: float = typer.Option(30.0, "--poll-seconds", help="batch status polling interval"),
    prices: Optional[Path] = typer.Option(None, "--prices", help="JSON price table (see generators/llm/prices.json)"),
    executor: str = typer.Option("local", "--executor", help="local (threads here) | ray (Ray actors)"),
    no_cache: bool = typer.Option(False, "--no-cache", help="ignore and do not update the verdict cache"),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", help="where verdicts are cached"),
    oot_decomp: Optional[Path] = typer.Option(None, "--oot-decomp", help="OoT: compile against this decomp checkout"),
    option: list[str] = typer.Option([], "--option", help="sandbox option KEY=VALUE (see `codevet options`)"),
    quiet: bool = typer.Option(False, "--quiet", "-q"),
) -> None:
    """Have Claude write new examples and keep only those that pass their sandbox."""
    if api_key:
        os.environ["ANTHROPIC_API_KEY"] = api_key  # read by the SDK's client; never written to a report
    if not os.environ.get("ANTHROPIC_API_KEY"):  # before importing the SDK: a usage error is immediate
        _usage("set ANTHROPIC_API_KEY or pass --api-key (and ANTHROPIC_BASE_URL to use a proxy or gateway)")
    from codevet.generators.llm.client import DEFAULT_MODEL
    from codevet.harness.generate import GenerateConfig, GenerationRun

    if out is None and output is None:
        _usage("give --out DIR or --output FILE")
    if out is None:
        out = output.with_name(output.stem + ".codevet")
    if executor not in ("local", "ray"):
        _usage(f"--executor must be local or ray, not {executor!r}")
    try:
        resolved = resolve_isolation(isolation)
        sandbox = SandboxOptions(timeout_s=timeout, isolation=resolved)
        if oot_decomp is not None:
            if not oot_decomp.is_dir():
                _usage(f"--oot-decomp {oot_decomp}: not a directory")
            sandbox.oot.decomp = oot_decomp.resolve()
        sandbox = _with_options(sandbox, option)
        config = GenerateConfig(language=language, n=n, out=out, model=model or DEFAULT_MODEL,
                                types=[t.strip() for t in types.split(",") if t.strip()] if types else [],
                                max_repairs=max_repairs, batch=batch, min_score=min_score, judge=not no_judge,
                                min_accuracy=min_accuracy, min_usefulness=min_usefulness, output=output,
                                vision=vision, concurrency=concurrency, budget_usd=budget_usd or None, jobs=jobs,
                                max_tokens=max_tokens, max_retries=max_retries, poll_s=poll_s, prices=prices,
                                sandbox=sandbox, executor=executor, use_cache=not no_cache, cache_dir=cache_dir)
        progress = Progress(TextColumn("[bold]generating"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("[green]{task.fields[kept]} kept"), TimeElapsedColumn(),
                            console=console, disable=quiet or not console.is_terminal)
        with progress:
            task = progress.add_task("gen", total=n, kept=0)
            kept = [0]

            def on_outcome(o) -> None:
                kept[0] += o.status == "kept"
                progress.update(task, advance=1, kept=kept[0])

            run = GenerationRun(config, on_outcome)
            meta = run.run()
    except (ValueError, IsolationUnavailable) as exc:
        _usage(str(exc))
    table = Table(title="codevet generate", show_header=False, title_justify="left")
    table.add_row("requested", str(meta["requested"]))
    table.add_row("[green]kept[/]", str(meta["totals"]["kept"]))
    for layer, stopped in meta["stopped_by"].items():
        table.add_row(f"stopped at {layer}", str(stopped))
    table.add_row("repairs used", f"{meta['repairs']['rounds_used']} rounds, {meta['repairs']['repaired_and_kept']} repaired and kept")
    if meta["average_quality"] is not None:
        table.add_row("average quality (kept)", f"{meta['average_quality']:.2f} "
                      f"(all judged: {meta['average_quality_all_judged']})")
    t = meta["tokens"]
    table.add_row("tokens", f"{t['input']} in, {t['output']} out, {t['cache_read']} cache read, {t['cache_write']} cache write")
    c = meta["cache"]
    table.add_row("prompt cache", f"{c['requests_with_cache_read']} of {c['requests']} requests read the cached prefix "
                                  f"(~{c['shared_prefix_tokens_estimate']} tokens; model minimum {c['model_minimum']})")
    table.add_row("cost", f"${meta['cost_usd']:.4f}" + (" (batch)" if meta["batch"] else ""))
    console.print(table)
    console.print(f"kept: {output or out / 'kept.jsonl'}  report: {out / 'report.jsonl'}  "
                  f"metadata: {out / 'metadata.json'}")
    if meta["stopped"]:
        fatal = meta["stopped"]["fatal"]
        console.print(f"[{'red' if fatal else 'yellow'}]stopped early ({meta['stopped']['reason']}):[/] "
                      f"{meta['stopped']['detail']}")
        if fatal:  # a fault every request would get: the run did not do what was asked
            raise typer.Exit(3)


@app.command()
def mix(
    dirs: list[Path] = typer.Argument(..., help="--out folders of earlier runs (each holds kept.jsonl)"),
    out: Path = typer.Option(..., "--out", "-o", help="the mixed JSONL file to write"),
    weights: Optional[str] = typer.Option(None, "--weights", help="name=w,... (folder names; default 1)"),
    curriculum: bool = typer.Option(False, "--curriculum", help="order simple to hard instead of shuffling"),
    seed: int = typer.Option(0, "--seed", help="seed for sampling and shuffling"),
) -> None:
    """Combine kept sets by weight into one training file, with a dataset card."""
    from codevet.harness.mix import MixError, mix as run_mix, parse_weights

    try:
        result = run_mix(dirs, parse_weights(weights), out, curriculum, seed)
    except MixError as exc:
        _usage(str(exc))
    for name, info in result["sources"].items():
        console.print(f"{name}: {info['taken']} of {info['kept']} kept (weight {info['weight']:g})")
    console.print(f"{result['total']} examples -> {result['out']}  card: {result['card']}")


@app.command()
def presets() -> None:
    """List the datasets codevet knows by name, and how each is verified."""
    from codevet.generators.presets import PRESETS

    table = Table(title="dataset presets", title_justify="left")
    for col in ("name", "format", "difficulty", "note"):
        table.add_column(col)
    for p in PRESETS.values():
        table.add_row(p.name, p.format, p.difficulty_field or "", p.note)
    Console().print(table)


images_app = typer.Typer(no_args_is_help=True, help="The sandbox images of the Docker isolation backend.")
app.add_typer(images_app, name="images")


@images_app.command("build")
def images_build(languages: list[str] = typer.Argument(None, help="python | oot | threejs | polyglot (default: all)"),
                 base: Optional[str] = typer.Option(None, "--base", help="Debian 12 base image instead of the "
                                                    "Dockerfiles' default (see scripts/docker-base.sh)")) -> None:
    """Build the sandbox images from dockerfiles/ with the Docker SDK (tagged by content)."""
    from codevet.sandboxes.isolation.docker import LANGUAGES, build_image, docker_problem

    wanted = languages or list(LANGUAGES)
    unknown = [x for x in wanted if x not in LANGUAGES]
    if unknown:
        _usage(f"no image for {', '.join(unknown)} (have: {', '.join(LANGUAGES)})")
    problem = docker_problem()
    if problem is not None:
        _usage(f"cannot build images: {problem}")
    for language in wanted:
        console.print(f"[bold]building[/] {language}")
        try:
            ref = build_image(language, log=lambda s: console.print(f"  {s}", markup=False, highlight=False),
                              base=base)
        except Exception as exc:
            console.print(f"[bold red]error:[/] building {language}: {type(exc).__name__}: {exc}")
            raise typer.Exit(1)
        console.print(f"[green]built[/] {ref}")


@images_app.command("list")
def images_list() -> None:
    """The image each sandbox uses, and whether its Dockerfile passes the checks."""
    from codevet.sandboxes.isolation.docker import LANGUAGES, ROOT, dockerfile, image_ref, lint_dockerfile

    for language in LANGUAGES:
        problems = lint_dockerfile(dockerfile(language).read_text())
        state = "checks ok" if not problems else "; ".join(problems)
        Console().print(f"{language:8} {image_ref(language):28} {dockerfile(language).relative_to(ROOT)}  {state}",
                        markup=False, highlight=False)


@app.command()
def setup(
    lang: list[str] = typer.Option([], "--lang", "-l", help="only these sandboxes (default: all)"),
    no_system: bool = typer.Option(False, "--no-system", help="never run apt-get: only say what is missing"),
    python_packages: str = typer.Option("", "--python-packages", help="also pip-install these packages "
                                        "(numpy,pandas,...) into the Python sandbox's environment"),
) -> None:
    """Install what the sandboxes need and skip what is there: Debian packages (bubblewrap,
    Chromium, the MIPS toolchain; as root or with password-less sudo) and three.js from npm
    into codevet's data directory. Run once after `pip install codevet`."""
    from codevet.harness.setup import setup as run_setup

    languages = lang or available_languages()
    unknown = [x for x in languages if x not in available_languages()]
    if unknown:
        _usage(f"unknown --lang {', '.join(unknown)} (have: {', '.join(available_languages())})")
    report = run_setup(languages, system=not no_system, log=lambda s: console.print(s, markup=False))
    if python_packages:
        from codevet.core.errors import UnavailableError
        from codevet.sandboxes.python.packages import install as install_packages, packages_dir

        wanted = python_packages.split(",")
        try:
            (report.installed if install_packages(wanted, lambda s: console.print(s, markup=False))
             else report.present).append(f"Python packages in {packages_dir(wanted)}")
        except UnavailableError as exc:
            report.missing.append(f"Python packages: {exc}")
    for item in report.installed:
        console.print(f"[green]installed[/] {item}")
    for item in report.missing:
        console.print(f"[bold red]missing:[/] {item}")
    if report.missing:
        raise typer.Exit(1)
    console.print(f"[green]ready:[/] {', '.join(languages)}")


@app.command()
def options() -> None:
    """Every sandbox option `--option KEY=VALUE` takes, with its default."""
    from codevet.core.options import option_rows

    table = Table(title="sandbox options (--option KEY=VALUE)", title_justify="left")
    table.add_column("key", no_wrap=True)
    table.add_column("default", no_wrap=True)
    table.add_column("what")
    for row in option_rows():
        table.add_row(*row)
    Console().print(table)


def scale_rows() -> list[tuple[str, bool, str]]:
    """Docker backend and Ray executor: optional, so never part of the all-ok verdict."""
    from codevet.sandboxes.isolation.docker import doctor_rows

    rows = doctor_rows()
    try:
        import ray
        rows.append(("executor: ray", True, f"ray {ray.__version__} installed (--executor ray [--ray-address ADDR])"))
    except ImportError:
        rows.append(("executor: ray", False, "not installed: pip install 'codevet[ray]'"))
    return rows


def optional_row(what: str) -> bool:
    """Rows doctor reports without calling the machine not-ok: each polyglot toolchain is
    optional (a missing one only makes that language's answers `error sandbox-unavailable`),
    and so are docker and the per-worker/non-root notes."""
    return what.startswith(("per-worker", "running as", "isolation: docker", "toolchain: "))


@app.command()
def doctor(languages: Optional[list[str]] = typer.Argument(
        None, help="only these sandboxes (default: all; `codevet doctor threejs` is one browser self-test)")) -> None:
    """Say which sandboxes and isolation backends work on this machine, and what is missing."""
    known = available_languages()
    unknown = sorted(set(languages or ()) - set(known))
    if unknown:
        _usage(f"unknown sandbox {', '.join(unknown)} (one of: {', '.join(known)})")
    table = Table(title="codevet doctor", title_justify="left")
    table.add_column("sandbox")
    table.add_column("what")
    table.add_column("ok")
    table.add_column("detail")
    all_ok = True
    optional_missing: list[str] = []
    for language in [lang for lang in known if not languages or lang in languages]:
        try:
            rows = sandbox_class(language).doctor()
        except Exception as exc:  # an import failure is exactly what doctor should report
            rows = [("sandbox module", False, f"{type(exc).__name__}: {exc}")]
        for what, ok, detail in rows:
            optional = optional_row(what)
            all_ok &= ok or optional
            if not ok and optional and what.startswith("toolchain: "):
                optional_missing.append(what.removeprefix("toolchain: "))
            table.add_row(language, what, "[green]yes[/]" if ok else "[yellow]no[/]" if optional else "[red]no[/]",
                          str(detail))
    from codevet.sandboxes.isolation.limits import limit_rows

    for what, ok, detail in limit_rows():  # which limits apply (root or not, cgroups or not)
        table.add_row("limits", what, "[green]yes[/]" if ok else "[yellow]no[/]", str(detail))
    for what, ok, detail in scale_rows():
        table.add_row("scale", what, "[green]yes[/]" if ok else "[yellow]no[/]", str(detail))
    Console().print(table)
    if optional_missing:
        console.print(f"[yellow]Optional toolchains missing: {', '.join(sorted(set(optional_missing)))} (answers in "
                      "those languages are `error sandbox-unavailable`; `codevet setup LANG` installs one).[/]")
    if not all_ok:
        console.print("[yellow]Some parts are missing; `codevet setup` installs them on Debian.[/]")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - interactive
        sys.exit(130)


if __name__ == "__main__":
    main()
