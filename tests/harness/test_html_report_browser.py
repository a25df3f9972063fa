"""report.html in a real Chromium: the table loads, the filters, search and sort work, a
rejected example opens with its instruction, its code with the failing line marked, and
its checks; `pass` looks like a pass."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import FIXTURES, run_cli
from codevet.harness.html_report import write_html_report
from codevet.sandboxes.threejs.browser import CHROMIUM, CHROMIUM_ARGS

PY = FIXTURES / "python"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Chromium")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("report")
    proc = run_cli("verify", PY / "humaneval_wrong.jsonl", PY / "mbpp_excerpt.jsonl", PY / "malformed.jsonl",
                   "--out", tmp / "out", env={"CODEVET_CACHE_DIR": str(tmp / "cache")})
    assert proc.returncode == 0, proc.stderr
    return tmp / "out" / "report.html"


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def page(browser, report: Path):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(report.as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)
    page.errors = errors  # type: ignore[attr-defined]
    yield page
    page.close()


def _open(page, row: str) -> str:
    """Click a row of the table and wait for its details (unpacked on first use)."""
    seq = page.get_attribute(row, "data-seq")
    page.click(row)
    page.wait_for_selector(f"#detail[data-shown='{seq}']")
    return page.text_content("#detail")


def _visible_rows(page) -> list[list[str]]:
    return page.eval_on_selector_all("#rows tr", "trs => trs.map(tr => [...tr.cells].map(td => td.textContent))")


def test_table_holds_every_example_and_filters_narrow_it(page) -> None:
    assert page.errors == []
    assert page.text_content("#count") == "32 of 32 examples"
    page.select_option("#f-status", "fail")
    assert page.text_content("#count") == "10 of 32 examples"
    assert {r[1] for r in _visible_rows(page)} == {"fail"}
    page.select_option("#f-status", "rejected")
    assert page.text_content("#count") == "15 of 32 examples"
    page.select_option("#f-reason", "malformed-input")
    assert page.text_content("#count") == "5 of 32 examples"
    assert all("malformed.jsonl:" in r[5] for r in _visible_rows(page))
    page.select_option("#f-reason", "")
    page.select_option("#f-status", "")
    page.fill("#f-search", "humaneval/2")
    page.wait_for_function("document.getElementById('count').textContent.startsWith('1 of')")
    page.fill("#f-search", "")
    page.wait_for_function("document.getElementById('count').textContent.startsWith('32 of')")


def test_sorting_by_a_column_orders_the_rows(page) -> None:
    page.click("#examples th[data-col='status']")
    statuses = [r[1] for r in _visible_rows(page)]
    assert statuses == sorted(statuses) and statuses[0] == "error"
    page.click("#examples th[data-col='status']")
    statuses = [r[1] for r in _visible_rows(page)]
    assert statuses == sorted(statuses, reverse=True) and statuses[0] == "pass"


def test_a_rejected_example_shows_its_instruction_code_and_checks(page) -> None:
    page.select_option("#f-status", "fail")
    page.fill("#f-search", "humaneval/0")
    page.wait_for_function("document.getElementById('count').textContent.startsWith('1 of')")
    detail = _open(page, "#rows tr")
    assert "has_close_elements" in detail  # the code
    assert "Check if in given list of numbers" in detail  # the instruction
    assert "tests" in detail and "test-failed" in detail  # checks and reason
    page.fill("#f-search", "")
    page.select_option("#f-status", "")
    page.wait_for_function("document.getElementById('count').textContent.startsWith('32 of')")


def test_pass_is_styled_as_a_pass(page) -> None:
    page.select_option("#f-status", "pass")
    page.wait_for_function("document.getElementById('count').textContent.startsWith('17 of')")
    # read in one step, again until it holds: the table may re-render between a query and a read
    color = page.wait_for_function("() => { const e = document.querySelector('#rows tr .tag');"
                                   " return (e && e.isConnected && getComputedStyle(e).color) || null; }").json_value()
    fail_color = page.eval_on_selector(".card.fail b", "e => getComputedStyle(e).color")
    assert color == "rgb(26, 127, 55)" and fail_color == "rgb(207, 34, 46)"
    page.select_option("#f-status", "")


def test_the_failing_line_is_marked(browser, tmp_path: Path) -> None:
    """A Python traceback's line in the solution and an OoT diagnostic's line are marked."""
    lines = [
        {"id": "py", "source": "a.jsonl:1", "language": "python", "status": "fail", "reason": "test-failed",
         "checks": [{"name": "tests", "passed": False, "detail": "0/1 passed"}],
         "tests": [{"name": "t", "outcome": "failed",
                    "message": 'File "/tmp/work/solution.py", line 3, in f\n    return 1 / 0\nZeroDivisionError'}],
         "duration_s": 0.1, "instruction": "divide", "code": "def f():\n    x = 1\n    return 1 / 0\n"},
        {"id": "oot", "source": "b.jsonl:7", "language": "oot", "status": "fail", "reason": "unknown-function",
         "checks": [{"name": "compiles", "passed": False, "detail": "1 error"}], "tests": [], "duration_s": 0.2,
         "artifacts": {"diagnostics": [{"line": 2, "severity": "error", "class": "unknown-function",
                                        "message": "implicit declaration of function 'Foo'"}]},
         "instruction": "call Foo", "code": "void f(void) {\n    Foo();\n}\n"},
    ]
    from codevet.harness.sink import failing_line
    for line in lines:
        line["failing_line"] = failing_line(line)
    assert [x["failing_line"] for x in lines] == [3, 2]
    (tmp_path / "report.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))
    (tmp_path / "summary.json").write_text(json.dumps({"total": 2, "pass": 0, "fail": 2, "error": 0, "pass_rate": 0,
                                                       "by_reason": {"test-failed": 1, "unknown-function": 1}}))
    write_html_report(tmp_path)
    page = browser.new_page()
    page.goto((tmp_path / "report.html").as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)
    marked = []
    for i in range(2):
        _open(page, f"#rows tr:nth-child({i + 1})")
        marked.append(page.text_content("#detail pre.code span.bad"))
    page.close()
    assert marked == ["    return 1 / 0", "    Foo();"]
