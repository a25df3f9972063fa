"""report.html: one self-contained page (no scripts, no external assets) built from
report.jsonl and summary.json, so it can be regenerated from them at any time."""
from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any, Iterator

MAX_FAILURES_SHOWN = 500

CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}
h1{margin-bottom:.2em} h2{margin-top:1.6em;border-bottom:1px solid #ddd}
.cards{display:flex;gap:1em;flex-wrap:wrap}.card{padding:.8em 1.2em;border-radius:8px;background:#f4f4f6;min-width:7em}
.card b{display:block;font-size:1.8em}.pass b{color:#1a7f37}.fail b{color:#cf222e}.error b{color:#9a6700}
table{border-collapse:collapse;width:100%;margin:.5em 0}td,th{padding:.3em .6em;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
.bar{background:#eee;border-radius:3px;height:.9em;width:12em;display:inline-block;vertical-align:middle}
.bar i{display:block;height:100%;background:#1a7f37;border-radius:3px}
details{border:1px solid #e3e3e3;border-radius:6px;margin:.4em 0;padding:.3em .8em}
summary{cursor:pointer}.tag{font-size:.8em;padding:.1em .5em;border-radius:1em;background:#ffebe9;color:#cf222e;margin-left:.5em}
.tag.error{background:#fff8c5;color:#9a6700}
pre{background:#f6f8fa;padding:.6em;overflow:auto;max-height:22em;font-size:12px;white-space:pre-wrap}
.ok{color:#1a7f37}.no{color:#cf222e}.muted{color:#777}
img.shot{max-width:320px;border:1px solid #ddd;border-radius:4px;float:right;margin-left:1em}
"""


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _lines(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _bar(passed: int, total: int) -> str:
    pct = 100.0 * passed / total if total else 0.0
    return f'<span class="bar"><i style="width:{pct:.1f}%"></i></span> {pct:.1f}%'


def _example(line: dict[str, Any]) -> str:
    status = line["status"]
    parts = [f'<details><summary><b>{_e(line["id"])}</b> <span class="muted">{_e(line["source"])}</span>'
             f'<span class="tag {status}">{_e(line.get("reason") or status)}</span></summary>']
    art = line.get("artifacts") or {}
    if art.get("screenshot"):
        parts.append(f'<img class="shot" src="{_e(art["screenshot"])}" alt="screenshot of {_e(line["id"])}">')
    parts.append("<table>")
    for c in line["checks"]:
        mark = '<span class="ok">&#10003;</span>' if c["passed"] else '<span class="no">&#10007;</span>'
        parts.append(f"<tr><td>{mark} {_e(c['name'])}</td><td>{_e(c['detail'])}</td></tr>")
    parts.append("</table>")
    failing = [t for t in line.get("tests", []) if t["outcome"] != "passed"]
    for t in failing[:3]:
        parts.append(f"<p><b>{_e(t['name'])}</b>: {_e(t['outcome'])}</p>")
        if t.get("message"):
            parts.append(f"<pre>{_e(t['message'][-3000:])}</pre>")
    if len(failing) > 3:
        parts.append(f'<p class="muted">and {len(failing) - 3} more failing tests</p>')
    diags = art.get("diagnostics") or []
    if diags:
        parts.append("<table><tr><th>line</th><th>class</th><th>message</th></tr>")
        for d in diags[:30]:
            parts.append(f"<tr><td>{_e(d.get('line', ''))}</td><td>{_e(d.get('class', ''))}</td>"
                         f"<td>{_e(d.get('message', ''))}</td></tr>")
        parts.append("</table>")
    if art.get("output"):
        parts.append(f"<p class='muted'>output</p><pre>{_e(art['output'][-2000:])}</pre>")
    parts.append("</details>")
    return "".join(parts)


def render(summary: dict[str, Any], lines: Iterator[dict[str, Any]]) -> str:
    total = summary["total"]
    out = [f"<!doctype html><html><head><meta charset='utf-8'><title>codevet report</title><style>{CSS}</style>"
           "</head><body><h1>codevet report</h1>",
           f"<p class='muted'>{_e(', '.join(summary.get('inputs', [])))} &middot; {summary['duration_s']} s"
           f" &middot; {summary.get('cached', 0)} from cache"
           + (" &middot; <b>interrupted</b>" if summary.get("interrupted") else "") + "</p>",
           "<div class='cards'>"]
    for key in ("total", "pass", "fail", "error"):
        out.append(f"<div class='card {key}'><b>{summary[key]}</b>{key}</div>")
    out.append(f"<div class='card'><b>{100 * summary['pass_rate']:.1f}%</b>pass rate</div></div>")

    out.append("<h2>Checks</h2><table><tr><th>check</th><th>passed</th><th>failed</th><th>pass rate</th></tr>")
    for name, counts in summary["by_check"].items():
        p, f = counts.get("passed", 0), counts.get("failed", 0)
        out.append(f"<tr><td>{_e(name)}</td><td>{p}</td><td>{f}</td><td>{_bar(p, p + f)}</td></tr>")
    out.append("</table>")

    out.append("<h2>Why examples were rejected</h2><table><tr><th>reason</th><th>examples</th><th>share of all</th></tr>")
    for reason, n in summary["by_reason"].items():
        out.append(f"<tr><td>{_e(reason)}</td><td>{n}</td><td>{100 * n / total:.1f}%</td></tr>")
    if not summary["by_reason"]:
        out.append("<tr><td colspan=3 class='muted'>none: every example passed</td></tr>")
    out.append("</table>")

    out.append("<h2>Slowest examples</h2><table><tr><th>id</th><th>source</th><th>seconds</th></tr>")
    for s in summary.get("slowest", []):
        out.append(f"<tr><td>{_e(s['id'])}</td><td>{_e(s['source'])}</td><td>{s['duration_s']:.3f}</td></tr>")
    out.append("</table>")

    shown = 0
    failures: list[str] = []
    passes_with_art: list[str] = []
    for line in lines:
        if line["status"] != "pass":
            if shown < MAX_FAILURES_SHOWN:
                failures.append(_example(line))
            shown += 1
        elif (line.get("artifacts") or {}).get("screenshot") and len(passes_with_art) < 200:
            passes_with_art.append(_example(line))
    out.append(f"<h2>Rejected examples ({shown})</h2>")
    out.extend(failures or ["<p class='muted'>none</p>"])
    if shown > MAX_FAILURES_SHOWN:
        out.append(f"<p class='muted'>{shown - MAX_FAILURES_SHOWN} more in report.jsonl</p>")
    if passes_with_art:
        out.append("<h2>Kept examples</h2>")
        out.extend(passes_with_art)
    out.append("</body></html>")
    return "\n".join(out)


def write_html_report(out_dir: Path) -> Path:
    summary = json.loads((out_dir / "summary.json").read_text())
    target = out_dir / "report.html"
    target.write_text(render(summary, _lines(out_dir / "report.jsonl")), encoding="utf-8")
    return target
