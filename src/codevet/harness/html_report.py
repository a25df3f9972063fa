"""report.html: one file that stands alone (no external assets, images embedded), built
from report.jsonl and summary.json, so it can be regenerated from them at any time.

What a person looks at first is plain HTML (totals, a section per language with its own
checks and reasons, the slowest examples, a gallery of three.js screenshots). Below it,
one table of every example, filterable by status, language and reason, searchable and
sortable, with each rejected example's instruction, code (the failing line marked) and
checks a click away. The table's data is embedded gzip-compressed and drawn a page at a
time, so a 100,000-example report stays a few megabytes and opens in a browser at once.
"""
from __future__ import annotations

import base64
import gzip
import html
import json
import mimetypes
import re
from collections import Counter
from pathlib import Path
from typing import Any, Iterator

MAX_GALLERY = 120  # screenshots shown in the gallery (each embedded)
MAX_DETAIL_IMAGES = 200  # screenshots embedded in rejected examples' details
MAX_DETAIL_CHARS = 40_000_000  # details of rejected examples embedded (before compression)
PAGE_ROWS = 100
DETAIL_CHUNK = 500  # rejected examples' details per compressed block

CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1200px;color:#222;padding:0 1em}
h1{margin-bottom:.2em} h2{margin-top:1.6em;border-bottom:1px solid #ddd} h3{margin:.6em 0 .2em}
.cards{display:flex;gap:1em;flex-wrap:wrap}.card{padding:.8em 1.2em;border-radius:8px;background:#f4f4f6;min-width:7em}
.card b{display:block;font-size:1.8em}.card.pass b{color:#1a7f37}.card.fail b{color:#cf222e}.card.error b{color:#9a6700}
table{border-collapse:collapse;width:100%;margin:.5em 0}td,th{padding:.3em .6em;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
th{background:#fafafa}
.bar{background:#eee;border-radius:3px;height:.9em;width:12em;display:inline-block;vertical-align:middle}
.bar i{display:block;height:100%;background:#1a7f37;border-radius:3px}
section.lang{border:1px solid #e3e3e3;border-radius:8px;padding:.2em 1em .8em;margin:1em 0}
.tag{font-size:.8em;padding:.1em .55em;border-radius:1em;white-space:nowrap}
.tag.pass{background:#dafbe1;color:#1a7f37}.tag.fail{background:#ffebe9;color:#cf222e}.tag.error{background:#fff8c5;color:#9a6700}
pre{background:#f6f8fa;padding:.6em;overflow:auto;max-height:26em;font-size:12px;white-space:pre-wrap}
pre.code{white-space:pre;counter-reset:ln;padding:.4em 0}
pre.code span{display:block;padding:0 .6em}pre.code span:before{counter-increment:ln;content:counter(ln);
display:inline-block;width:3.5em;color:#999;text-align:right;margin-right:1em}
pre.code span.bad{background:#ffd7d5;font-weight:600}
.ok{color:#1a7f37}.no{color:#cf222e}.muted{color:#777}
.gallery{display:flex;flex-wrap:wrap;gap:.6em}.gallery figure{margin:0;width:220px}
.gallery img{width:220px;border:1px solid #ddd;border-radius:4px}.gallery figcaption{font-size:.8em;color:#555;overflow-wrap:anywhere}
#controls{display:flex;flex-wrap:wrap;gap:.6em;align-items:center;margin:.6em 0;position:sticky;top:0;background:#fff;padding:.4em 0}
#controls input[type=search]{flex:1;min-width:14em;padding:.3em}
#examples th{cursor:pointer;user-select:none}#examples th.sorted-asc:after{content:" \\25B2"}#examples th.sorted-desc:after{content:" \\25BC"}
#examples tbody tr{cursor:pointer}#examples tbody tr:hover{background:#f6f8fa}#examples tbody tr.open{background:#eef4ff}
#examples td.src{overflow-wrap:anywhere;font-family:ui-monospace,monospace;font-size:12px}
#detail{border:2px solid #c8d6f0;border-radius:8px;padding:.4em 1em;margin:.6em 0}
#detail img{max-width:480px;border:1px solid #ddd;border-radius:4px}
#pager button{margin:0 .2em}
"""

APP_JS = r"""
(async function(){
  const T = window.codevetTiming = {start: performance.now()};
  const B64 = document.getElementById('codevet-data').textContent.trim();
  let D;
  try {
    let bytes;
    try { bytes = await (await fetch('data:application/octet-stream;base64,' + B64)).arrayBuffer(); }
    catch (e) { bytes = Uint8Array.from(atob(B64), c => c.charCodeAt(0)); }
    T.decoded = performance.now();
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    const text = await new Response(stream).text();
    T.unzipped = performance.now();
    D = JSON.parse(text);
    T.parsed = performance.now();
  } catch (e) {
    document.getElementById('loading').textContent = 'This browser cannot unpack the table (' + e + '); report.jsonl has every line.';
    return;
  }
  // columns of equal length; status, language, reason and file are indices into their lists
  const c = D.cols, N = c.st.length, CHUNK = D.detail_chunk, chunks = {};
  async function unpack(id) {
    const b64 = document.getElementById(id).textContent.trim();
    const bytes = await (await fetch('data:application/octet-stream;base64,' + b64)).arrayBuffer();
    return JSON.parse(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text());
  }
  async function detailOf(k) {  // rejected examples' details, unpacked a chunk at a time on first use
    const j = Math.floor(k / CHUNK);
    if (document.readyState === 'loading')  // the chunks follow this script in the file
      await new Promise(r => document.addEventListener('DOMContentLoaded', r, {once: true}));
    if (!chunks[j]) chunks[j] = await unpack('codevet-details-' + j);
    return chunks[j][k % CHUNK];
  }
  const ST = D.statuses, LANG = D.languages, REASON = D.reasons, FILES = D.files;
  const src = i => { const f = FILES[c.file[i]]; return c.line[i] < 0 ? f[0] : f[0] + c.line[i] + f[1]; };
  const $ = id => document.getElementById(id);
  const el = (tag, props, ...kids) => { const e = document.createElement(tag); Object.assign(e, props || {});
    for (const k of kids) e.append(k); return e; };
  function fillSelect(sel, values) { values.forEach((v, i) => { if (v) sel.append(el('option', {value: i, textContent: v})); }); }
  fillSelect($('f-language'), LANG);
  fillSelect($('f-reason'), REASON);
  let view = new Int32Array(0), sortCol = null, sortDir = 1, page = 0, openIndex = null, hay = null;
  const PASS = ST.indexOf('pass');
  function apply() {
    const stv = $('f-status').value, lang = $('f-language').value === '' ? -1 : +$('f-language').value;
    const reason = $('f-reason').value === '' ? -1 : +$('f-reason').value;
    const q = $('f-search').value.trim().toLowerCase();
    const stIndex = stv && stv !== 'rejected' ? ST.indexOf(stv) : -1;
    if (q && hay === null) {
      hay = new Array(N);
      for (let i = 0; i < N; i++) hay[i] = (c.id[i] + ' ' + src(i) + ' ' + REASON[c.reason[i]] + ' ' + LANG[c.lang[i]]).toLowerCase();
    }
    const out = new Int32Array(N); let n = 0;
    for (let i = 0; i < N; i++) {
      if (stv === 'rejected' ? c.st[i] === PASS : (stv && c.st[i] !== stIndex)) continue;
      if (lang >= 0 && c.lang[i] !== lang) continue;
      if (reason >= 0 && c.reason[i] !== reason) continue;
      if (q && !hay[i].includes(q)) continue;
      out[n++] = i;
    }
    view = out.subarray(0, n);
    if (sortCol !== null) sortView();
    page = 0; draw();
  }
  function sortView() {
    const key = {seq: i => i, status: i => ST[c.st[i]], language: i => LANG[c.lang[i]], reason: i => REASON[c.reason[i]],
                 id: i => c.id[i], source: i => FILES[c.file[i]][0], duration: i => c.ms[i]}[sortCol];
    const keys = new Map(); for (const i of view) keys.set(i, key(i));
    const arr = Array.from(view);
    arr.sort((a, b) => { const x = keys.get(a), y = keys.get(b);
      if (x < y) return -sortDir; if (x > y) return sortDir;
      return sortCol === 'source' ? (c.line[a] - c.line[b]) * sortDir || a - b : a - b; });
    view = Int32Array.from(arr);
  }
  function draw() {
    const pages = Math.max(1, Math.ceil(view.length / PAGE_ROWS));
    page = Math.min(page, pages - 1);
    const body = $('rows'); body.textContent = '';
    const frag = document.createDocumentFragment();
    for (const i of view.subarray(page * PAGE_ROWS, (page + 1) * PAGE_ROWS)) {
      const tr = el('tr'), st = ST[c.st[i]];
      tr.dataset.seq = i;
      if (i === openIndex) tr.className = 'open';
      tr.append(el('td', {textContent: i + 1}),
                el('td', {}, el('span', {className: 'tag ' + st, textContent: st})),
                el('td', {textContent: LANG[c.lang[i]]}), el('td', {textContent: REASON[c.reason[i]]}),
                el('td', {textContent: c.id[i]}), el('td', {className: 'src', textContent: src(i)}),
                el('td', {textContent: (c.ms[i] / 1000).toFixed(3)}));
      frag.append(tr);
    }
    body.append(frag);
    $('count').textContent = view.length.toLocaleString() + ' of ' + N.toLocaleString() + ' examples';
    $('pageinfo').textContent = 'page ' + (page + 1) + ' of ' + pages;
    $('prev').disabled = page === 0; $('next').disabled = page >= pages - 1;
  }
  function codeBlock(code, bad) {
    const pre = el('pre', {className: 'code'});
    code.split('\n').forEach((text, i) => {
      const s = el('span', {textContent: text || ' '});
      if (i + 1 === bad) { s.className = 'bad'; s.title = 'the line the evidence points at'; }
      pre.append(s);
    });
    return pre;
  }
  async function showDetail(i) {
    openIndex = i;
    const d = c.detail[i] >= 0 ? await detailOf(c.detail[i]) : null;
    const st = ST[c.st[i]], box = $('detail'); box.textContent = ''; box.hidden = false;
    box.append(el('h3', {}, el('span', {className: 'tag ' + st, textContent: st}),
                  ' ' + c.id[i] + ' ', el('span', {className: 'muted', textContent: src(i)})));
    if (!d) {
      box.append(el('p', {className: 'muted', textContent: st === 'pass'
        ? 'Kept: the record is in kept.jsonl as it was read.' : 'Details of this example are in report.jsonl.'}));
    } else {
      if (d.reason) box.append(el('p', {}, el('b', {textContent: 'reason: '}), d.reason));
      if (d.image >= 0) box.append(el('img', {src: $('img-' + d.image).src, alt: 'screenshot'}));
      if (d.instruction) { box.append(el('h4', {textContent: 'instruction'}), el('pre', {textContent: d.instruction})); }
      if (d.code) {
        box.append(el('h4', {textContent: 'code' + (d.line ? ' (line ' + d.line + ' marked)' : '') + (d.truncated ? ' (truncated)' : '')}));
        box.append(codeBlock(d.code, d.line));
      }
      const t = el('table', {}, el('tr', {}, el('th', {textContent: 'check'}), el('th', {textContent: 'detail'})));
      for (const [name, passed, detail] of d.checks)
        t.append(el('tr', {}, el('td', {}, el('span', {className: passed ? 'ok' : 'no', textContent: passed ? '\u2713 ' : '\u2717 '}), name),
                     el('td', {}, el('pre', {textContent: detail}))));
      box.append(el('h4', {textContent: 'checks'}), t);
      for (const [name, outcome, message] of d.tests) {
        box.append(el('p', {}, el('b', {textContent: name}), ': ' + outcome));
        if (message) box.append(el('pre', {textContent: message}));
      }
      if (d.diagnostics.length) {
        const dt = el('table', {}, el('tr', {}, el('th', {textContent: 'line'}), el('th', {textContent: 'class'}), el('th', {textContent: 'message'})));
        for (const [line, klass, message] of d.diagnostics) dt.append(el('tr', {}, el('td', {textContent: line}), el('td', {textContent: klass}), el('td', {textContent: message})));
        box.append(el('h4', {textContent: 'diagnostics'}), dt);
      }
      if (d.output) box.append(el('h4', {textContent: 'output'}), el('pre', {textContent: d.output}));
    }
    const bad = box.querySelector('span.bad'); if (bad) bad.scrollIntoView({block: 'nearest'});
    draw();
    box.dataset.shown = i;
  }
  $('rows').addEventListener('click', e => { const tr = e.target.closest('tr'); if (tr) showDetail(+tr.dataset.seq); });
  for (const th of document.querySelectorAll('#examples th[data-col]')) th.addEventListener('click', () => {
    const col = th.dataset.col; sortDir = sortCol === col ? -sortDir : 1; sortCol = col;
    for (const o of document.querySelectorAll('#examples th')) o.className = '';
    th.className = sortDir > 0 ? 'sorted-asc' : 'sorted-desc'; apply();
  });
  for (const id of ['f-status', 'f-language', 'f-reason']) $(id).addEventListener('change', apply);
  let timer; $('f-search').addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(apply, 120); });
  $('prev').addEventListener('click', () => { page--; draw(); });
  $('next').addEventListener('click', () => { page++; draw(); });
  $('loading').remove(); $('app').hidden = false;
  apply();
  T.drawn = performance.now();
  document.body.dataset.ready = '1';
})();
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


def _data_uri(path: Path) -> str | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    mime = mimetypes.guess_type(path.name)[0] or "image/png"
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _where(line: dict[str, Any]) -> str:
    """Source with file and line; the input path as given when it says more than the name."""
    source = str(line.get("source", ""))
    given = str(line.get("input") or "")
    if given and not given.startswith("hf:") and Path(given).name != given:
        return f"{Path(given).parent}/{source}"
    return source


class _Stats:
    """Per-language counts, checks and reasons, gathered in the one pass over the lines."""

    def __init__(self) -> None:
        self.status: Counter[str] = Counter()
        self.reasons: Counter[str] = Counter()
        self.checks: dict[str, Counter[str]] = {}

    def add(self, line: dict[str, Any]) -> None:
        self.status[line["status"]] += 1
        if line["status"] != "pass":
            self.reasons[line.get("reason") or "unknown"] += 1
        for c in line.get("checks", []):
            self.checks.setdefault(c["name"], Counter())["passed" if c["passed"] else "failed"] += 1


def _detail(line: dict[str, Any], image: int) -> dict[str, Any]:
    art = line.get("artifacts") or {}
    failing = [t for t in line.get("tests", []) if t.get("outcome") != "passed"]
    return {
        "reason": line.get("reason") or "",
        "instruction": line.get("instruction") or "",
        "code": line.get("code") or "",
        "truncated": bool(line.get("truncated")),
        "line": line.get("failing_line"),
        "checks": [[c["name"], c["passed"], str(c.get("detail", ""))[-4000:]] for c in line.get("checks", [])],
        "tests": [[t["name"], t["outcome"], (t.get("message") or "")[-3000:]] for t in failing[:5]],
        "diagnostics": [[d.get("line", ""), d.get("class", ""), d.get("message", "")]
                        for d in (art.get("diagnostics") or [])[:30] if isinstance(d, dict)],
        "output": str(art.get("output") or "")[-2000:],
        "image": image,
    }


_NUMBERED = re.compile(r"^(.*?[:\[#](?:row)?)(\d+)(\]?)$")


class _Codes:
    """A list of distinct strings and each one's index: the table stores indices."""

    def __init__(self) -> None:
        self.values: list[Any] = []
        self.index: dict[Any, int] = {}

    def __call__(self, value: Any) -> int:
        if value not in self.index:
            self.index[value] = len(self.values)
            self.values.append(value)
        return self.index[value]


def build(out_dir: Path, summary: dict[str, Any],
          lines: Iterator[dict[str, Any]]) -> tuple[str, dict[str, Any], list[dict[str, Any]]]:
    """(the static HTML of the sections, the table's data: one column per field, repeated
    strings as indices, so 100,000 examples parse in a blink; the rejected examples'
    details, unpacked in chunks only when one is opened)."""
    statuses, languages, reasons, files = _Codes(), _Codes(), _Codes(), _Codes()
    for name in ("pass", "fail", "error"):
        statuses(name)
    reasons("")
    cols: dict[str, list[Any]] = {k: [] for k in ("st", "lang", "reason", "id", "file", "line", "ms", "detail")}
    details: list[dict[str, Any]] = []
    images: list[str] = []
    gallery: list[tuple[int, str, str, str]] = []  # (image, status, id, source)
    per_lang: dict[str, _Stats] = {}
    image_of: dict[str, int] = {}  # artifact path -> index: one file is embedded once
    detail_chars = 0
    detail_images = 0
    for line in lines:
        status, language = line["status"], line.get("language", "unknown")
        per_lang.setdefault(language, _Stats()).add(line)
        where = _where(line)
        shot = (line.get("artifacts") or {}).get("screenshot")
        image = -1
        if shot and (len(gallery) < MAX_GALLERY or (status != "pass" and detail_images < MAX_DETAIL_IMAGES)):
            uri = None if shot in image_of else _data_uri(out_dir / shot)
            if uri is not None:
                images.append(uri)
                image_of[shot] = len(images) - 1
            image = image_of.get(shot, -1)
            if image >= 0:
                if len(gallery) < MAX_GALLERY and uri is not None:  # each picture once
                    gallery.append((image, status, str(line.get("id", "")), where))
                if status != "pass":
                    detail_images += 1
        detail = -1
        if status != "pass" and detail_chars < MAX_DETAIL_CHARS:
            d = _detail(line, image)
            detail_chars += len(d["code"]) + len(d["instruction"]) + sum(len(c[2]) for c in d["checks"]) + \
                sum(len(t[2]) for t in d["tests"])
            details.append(d)
            detail = len(details) - 1
        m = _NUMBERED.match(where)
        cols["st"].append(statuses(status))
        cols["lang"].append(languages(language))
        cols["reason"].append(reasons(line.get("reason") or ("" if status == "pass" else "unknown")))
        cols["id"].append(str(line.get("id", "")))
        cols["file"].append(files((m.group(1), m.group(3)) if m else (where, "")))
        cols["line"].append(int(m.group(2)) if m else -1)
        cols["ms"].append(int(round(1000 * float(line.get("duration_s") or 0.0))))
        cols["detail"].append(detail)
    data = {"cols": cols, "statuses": statuses.values, "languages": languages.values, "reasons": reasons.values,
            "files": [list(f) for f in files.values], "detail_chunk": DETAIL_CHUNK}
    return _sections(summary, per_lang, gallery, images), data, details


def _checks_table(checks: dict[str, Counter[str]]) -> str:
    out = ["<table><tr><th>check</th><th>passed</th><th>failed</th><th>pass rate</th></tr>"]
    for name, counts in sorted(checks.items()):
        p, f = counts.get("passed", 0), counts.get("failed", 0)
        out.append(f"<tr><td>{_e(name)}</td><td>{p}</td><td>{f}</td><td>{_bar(p, p + f)}</td></tr>")
    if not checks:
        out.append("<tr><td colspan=4 class='muted'>no checks ran</td></tr>")
    out.append("</table>")
    return "".join(out)


def _sections(summary: dict[str, Any], per_lang: dict[str, _Stats], gallery: list[tuple[int, str, str, str]],
              images: list[str]) -> str:
    total = summary.get("total", 0)
    out = [f"<p class='muted'>{_e(', '.join(summary.get('inputs', [])))} &middot; {summary.get('duration_s', 0)} s"
           f" &middot; {summary.get('cached', 0)} from cache"
           + (" &middot; <b>interrupted</b>" if summary.get("interrupted") else "")
           + (f" &middot; <b>stopped:</b> {_e(summary['stopped'])}" if summary.get("stopped") else "") + "</p>",
           "<div class='cards'>"]
    for key in ("total", "pass", "fail", "error"):
        out.append(f"<div class='card {key}'><b>{summary.get(key, 0)}</b>{key}</div>")
    out.append(f"<div class='card'><b>{100 * summary.get('pass_rate', 0):.1f}%</b>pass rate</div></div>")

    out.append("<h2>By language</h2>")
    for language, stats in sorted(per_lang.items(), key=lambda kv: -sum(kv[1].status.values())):
        n = sum(stats.status.values())
        out.append(f"<section class='lang' id='lang-{_e(language)}'><h3>{_e(language)}: {n} examples &middot; "
                   f"<span class='ok'>{stats.status['pass']} pass</span> &middot; "
                   f"<span class='no'>{stats.status['fail']} fail</span> &middot; "
                   f"{stats.status['error']} error &middot; {_bar(stats.status['pass'], n)}</h3>")
        out.append(_checks_table(stats.checks))
        if stats.reasons:
            out.append("<table><tr><th>why rejected</th><th>examples</th><th>share of the language</th></tr>")
            for reason, k in stats.reasons.most_common():
                out.append(f"<tr><td>{_e(reason)}</td><td>{k}</td><td>{100 * k / n:.1f}%</td></tr>")
            out.append("</table>")
        out.append("</section>")

    out.append("<h2>Why examples were rejected</h2><table><tr><th>reason</th><th>examples</th><th>share of all</th></tr>")
    for reason, k in (summary.get("by_reason") or {}).items():
        out.append(f"<tr><td>{_e(reason)}</td><td>{k}</td><td>{100 * k / total if total else 0:.1f}%</td></tr>")
    if not summary.get("by_reason"):
        out.append("<tr><td colspan=3 class='muted'>none: every example passed</td></tr>")
    out.append("</table>")

    out.append("<h2>Slowest examples</h2><table><tr><th>id</th><th>source</th><th>seconds</th></tr>")
    for s in summary.get("slowest", []):
        out.append(f"<tr><td>{_e(s['id'])}</td><td>{_e(s['source'])}</td><td>{s['duration_s']:.3f}</td></tr>")
    out.append("</table>")

    shown: set[int] = set()
    if gallery:
        out.append(f"<h2>Screenshots ({len(gallery)})</h2><div class='gallery'>")
        for image, status, ident, where in gallery:
            ident_attr = "" if image in shown else f" id='img-{image}'"
            shown.add(image)
            out.append(f"<figure><img{ident_attr} loading='lazy' src='{images[image]}' alt='screenshot of {_e(ident)}'>"
                       f"<figcaption><span class='tag {status}'>{status}</span> {_e(where)}</figcaption></figure>")
        out.append("</div>")
    rest = [i for i in range(len(images)) if i not in shown]  # shown only in a rejected example's details
    if rest:
        out.append("<div hidden>" + "".join(f"<img id='img-{i}' loading='lazy' src='{images[i]}' alt=''>" for i in rest)
                   + "</div>")
    return "\n".join(out)


TABLE_HTML = """
<h2>Every example</h2>
<p id="loading" class="muted">Loading the table&hellip; (it needs JavaScript; report.jsonl has every line)</p>
<div id="app" hidden>
<div id="controls">
  <select id="f-status" aria-label="status"><option value="">any status</option><option value="rejected">rejected (fail or error)</option>
  <option value="pass">pass</option><option value="fail">fail</option><option value="error">error</option></select>
  <select id="f-language" aria-label="language"><option value="">any language</option></select>
  <select id="f-reason" aria-label="reason"><option value="">any reason</option></select>
  <input id="f-search" type="search" placeholder="search id, file, reason" aria-label="search">
  <span id="count" class="muted"></span>
  <span id="pager"><button id="prev">&larr;</button><span id="pageinfo"></span><button id="next">&rarr;</button></span>
</div>
<div id="detail" hidden></div>
<table id="examples"><thead><tr><th data-col="seq">#</th><th data-col="status">status</th><th data-col="language">language</th>
<th data-col="reason">reason</th><th data-col="id">id</th><th data-col="source">source</th><th data-col="duration">seconds</th>
</tr></thead><tbody id="rows"></tbody></table>
</div>
"""


def _packed(value: Any) -> str:
    """JSON, gzip, base64: what the page unpacks with the browser's DecompressionStream."""
    raw = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    return base64.b64encode(gzip.compress(raw, compresslevel=6)).decode("ascii")


def render(out_dir: Path, summary: dict[str, Any], lines: Iterator[dict[str, Any]]) -> str:
    sections, data, details = build(out_dir, summary, lines)
    chunks = [f"<script type='application/octet-stream' id='codevet-details-{j}'>"
              f"{_packed(details[k:k + DETAIL_CHUNK])}</script>" for j, k in enumerate(range(0, len(details), DETAIL_CHUNK))]
    return "".join([
        "<!doctype html><html><head><meta charset='utf-8'><title>codevet report</title>",
        f"<style>{CSS}</style></head><body><h1>codevet report</h1>",
        sections, TABLE_HTML,
        f"<script type='application/octet-stream' id='codevet-data'>{_packed(data)}</script>",
        # the table starts before the browser has parsed the details (most of the file)
        f"<script>const PAGE_ROWS = {PAGE_ROWS};{APP_JS}</script>",
        *chunks,
        "</body></html>",
    ])


def write_html_report(out_dir: Path) -> Path:
    summary = json.loads((out_dir / "summary.json").read_text())
    target = out_dir / "report.html"
    report = out_dir / "report.jsonl"
    lines = _lines(report) if report.exists() else iter(())
    tmp = target.with_suffix(".html.tmp")
    tmp.write_text(render(out_dir, summary, lines), encoding="utf-8")
    tmp.replace(target)
    return target
