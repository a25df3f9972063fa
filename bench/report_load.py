"""report.html at 100,000 examples in a real headless Chromium: how long until the table
of every example is ready, against a 1,000-example report loaded in the same browser
(the baseline), and a screenshot with filters in use.

The lines are a real verify run's report (`--source OUT`: e.g. the three.js official
examples, MBPP, HumanEval and the OoT fixtures), cycled to N examples with their sources
renumbered, and the run's screenshots, so the page carries what a real one does.

    .venv/bin/python bench/report_load.py --source /tmp/run --n 100000 [--shot bench/report_100k.png]
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from codevet.harness.html_report import write_html_report  # noqa: E402
from codevet.harness.summary import SummaryBuilder  # noqa: E402
from codevet.sandboxes.threejs.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402


def make_report(source: Path, n: int, folder: Path) -> tuple[Path, float, int]:
    """A report of n examples cycled from source's lines. (report.html, seconds to write it, bytes)."""
    lines = [json.loads(x) for x in (source / "report.jsonl").read_text().splitlines() if x.strip()]
    folder.mkdir(parents=True, exist_ok=True)
    if (source / "artifacts").is_dir():
        shutil.copytree(source / "artifacts", folder / "artifacts", dirs_exist_ok=True)
    summary = SummaryBuilder()
    with open(folder / "report.jsonl", "w") as fh:
        for i in range(n):
            line = dict(lines[i % len(lines)])
            copy = i // len(lines)
            name, _, num = str(line["source"]).rpartition(":")
            if copy:
                line["source"] = f"{name}:{int(num) + copy * 100000}" if num.isdigit() else f"{line['source']}#{copy}"
            line["id"] = f"{line['id']}#{copy}" if copy else line["id"]
            summary.add(line)
            fh.write(json.dumps(line) + "\n")
    (folder / "summary.json").write_text(json.dumps(summary.build(1.0, [str(source)])))
    start = time.perf_counter()
    page = write_html_report(folder)
    return page, time.perf_counter() - start, page.stat().st_size


def load_s(browser, page_path: Path) -> tuple[float, float]:
    """(seconds from navigation start to the table drawn, as the page's own clock says:
    performance.now() when it sets body[data-ready]; the same seen from here, including
    Playwright's round trips)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    start = time.perf_counter()
    page.goto(page_path.as_uri(), wait_until="commit")
    page.wait_for_selector("body[data-ready='1']", timeout=60_000)
    took = time.perf_counter() - start
    drawn = page.evaluate("window.codevetTiming.drawn") / 1000
    page.close()
    return drawn, took


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", type=Path, required=True, help="--out folder of a real verify run")
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--baseline-n", type=int, default=1_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--shot", type=Path, default=ROOT / "bench" / "report_100k.png")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        big, big_write_s, big_bytes = make_report(args.source, args.n, Path(tmp) / "big")
        small, small_write_s, small_bytes = make_report(args.source, args.baseline_n, Path(tmp) / "small")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            load_s(browser, small)  # warm the browser once
            small_s, big_s, small_wall, big_wall = [], [], [], []
            for _ in range(args.repeat):  # interleaved, so load on the shared machine hits both
                for runs, walls, path in ((small_s, small_wall, small), (big_s, big_wall, big)):
                    drawn, wall = load_s(browser, path)
                    runs.append(drawn)
                    walls.append(wall)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(big.as_uri())
            page.wait_for_selector("body[data-ready='1']", timeout=60_000)
            start = time.perf_counter()
            page.select_option("#f-status", "rejected")
            page.select_option("#f-language", "threejs")
            filter_s = time.perf_counter() - start
            count = page.text_content("#count")
            page.evaluate("document.getElementById('app').scrollIntoView()")
            page.screenshot(path=str(args.shot))  # the table with the filters in use
            seq = page.get_attribute("#rows tr:nth-child(1)", "data-seq")
            page.click("#rows tr:nth-child(1)")
            page.wait_for_selector(f"#detail[data-shown='{seq}']", state="attached", timeout=120_000)
            page.evaluate("window.scrollTo(0, document.getElementById('detail').getBoundingClientRect().top"
                          " + window.scrollY - 60)")
            page.screenshot(path=str(args.shot.with_name(args.shot.stem + "_detail.png")))  # one opened
            browser.close()
    result = {
        "examples": args.n, "html_mb": round(big_bytes / 1e6, 2), "write_s": round(big_write_s, 2),
        "load_s_median": round(statistics.median(big_s), 3), "load_s_all": [round(x, 3) for x in big_s],
        "wall_s_median": round(statistics.median(big_wall), 3),
        "baseline_wall_s_median": round(statistics.median(small_wall), 3),
        "baseline_examples": args.baseline_n, "baseline_html_mb": round(small_bytes / 1e6, 2),
        "baseline_load_s_median": round(statistics.median(small_s), 3),
        "ratio_vs_baseline": round(statistics.median(big_s) / statistics.median(small_s), 2),
        "filter_s": round(filter_s, 3), "filtered_count": count, "screenshot": str(args.shot),
    }
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
