"""The polyglot sandboxes against the real compilers and interpreters (gcc, g++, javac,
go, rustc, mcs/mono, node, tsc, php, ruby, bash/shellcheck, sqlglot+SQLite): every good
program reaches its level, every broken twin fails for its named reason, fragments are
judged at the level they reach, a missing toolchain is an error naming its package, and
language detection takes the fence, the instruction, the shebang, then the content."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from codevet.core.model import Candidate, Status
from codevet.core.options import SandboxOptions
from codevet.generators.candidates import read_candidates
from codevet.generators.detect_language import detect
from codevet.generators.formats.polyglot import PolyglotAlpaca
from codevet.sandboxes import create_sandbox, sandbox_class
from codevet.sandboxes.polyglot import missing_toolchain
from codevet.sandboxes.polyglot import toolchains

pytestmark = pytest.mark.start_early  # a long file: see tests/conftest.py

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures" / "polyglot"
GOOD = [json.loads(line) for line in (FIXTURES / "good.jsonl").read_text().splitlines()]
BAD = [json.loads(line) for line in (FIXTURES / "bad.jsonl").read_text().splitlines()]
ADAPTER = PolyglotAlpaca()
_BOXES: dict[str, object] = {}


def verdict_of(record: dict, index: int = 0, options: SandboxOptions | None = None):
    cand = ADAPTER.to_candidate(record, source="fixture", index=index)
    if options is None:
        box = _BOXES.setdefault(cand.language, create_sandbox(cand.language, SandboxOptions(), 1))
    else:
        box = create_sandbox(cand.language, options, 1)
    why = missing_toolchain(cand.language) if cand.language in toolchains.TOOLCHAINS else ""
    if why:
        pytest.skip(why)
    return cand, box.verify(cand)


def _id(r: dict) -> str:
    return f"{r.get('language', 'fragment')}-{r.get('expect') or r.get('expect_level')}"


@pytest.mark.parametrize("record", GOOD, ids=[_id(r) for r in GOOD])
def test_good_programs_pass_at_their_level(record: dict) -> None:
    cand, v = verdict_of(record)
    if "language" in record:
        assert cand.language == record["language"]  # detection found the language the fixture is in
    assert v.status == Status.PASS, v.checks
    assert v.artifacts["level"] == record["expect_level"], v.artifacts


@pytest.mark.parametrize("record", BAD, ids=[_id(r) for r in BAD])
def test_broken_twins_fail_for_their_reason(record: dict) -> None:
    cand, v = verdict_of(record)
    assert cand.language == record["language"]
    assert v.status == Status.FAIL, v.checks
    assert v.reason == record["expect"], v.checks


def test_every_language_has_a_syntax_and_an_undeclared_twin() -> None:
    reasons: dict[str, set[str]] = {}
    for r in BAD:
        reasons.setdefault(r["language"], set()).add(r["expect"])
    assert all("syntax-error" in got for got in reasons.values())
    for lang in ("c", "cpp", "java", "go", "rust", "csharp", "typescript"):  # typed: a type error too
        assert {"undeclared-name", "type-error"} <= reasons[lang], lang
    for lang in ("javascript", "php", "ruby"):
        assert "undeclared-name" in reasons[lang]


def test_program_reads_the_input_field_on_stdin() -> None:
    good_c = next(r for r in GOOD if r.get("language") == "c")
    _, v = verdict_of(good_c)
    assert v.artifacts["blocks"][0]["stdout"] == "49"  # 7 squared: the input reached the program


def test_shell_is_never_run_unless_asked() -> None:
    record = {"instruction": "Write a Bash script that prints hello.", "input": "",
              "output": "#!/bin/bash\necho hello\n"}
    _, v = verdict_of(record)
    assert v.status == Status.PASS and v.artifacts["level"] == "parses"
    assert not any(c.name == "shell:run" for c in v.checks)
    _, ran = verdict_of(record, options=SandboxOptions().with_option("polyglot.run_shell", "true"))
    assert ran.artifacts["level"] == "runs" and ran.artifacts["blocks"][0]["stdout"] == "hello"


def test_every_block_of_a_mixed_answer_gets_its_own_check() -> None:
    answer = ("The page:\n\n```html\n<div id=\"a\"><p>hi</p></div>\n```\n\nIts style:\n\n```css\n"
              "#a { color: red; \n```\n\nAnd the script:\n\n```javascript\nconsole.log(1 + 1);\n```\n")
    cand, v = verdict_of({"instruction": "Make a page.", "input": "", "output": answer})
    assert [b["language"] for b in cand.meta["blocks"]] == ["html", "css", "javascript"]
    assert [b["status"] for b in v.artifacts["blocks"]] == ["pass", "fail", "pass"]
    assert v.status == Status.FAIL and v.reason == "syntax-error"
    assert {c.name for c in v.checks} >= {"html:parse", "css:parse", "javascript:run"}


def test_a_missing_toolchain_is_an_error_naming_its_package(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = toolchains.Toolchain("ruby", {"ruby-that-is-not-there": "ruby"})
    monkeypatch.setitem(toolchains.TOOLCHAINS, "ruby", fake)
    box = create_sandbox("ruby", SandboxOptions(), 1)
    v = box.verify(Candidate(id="1", source="t", language="ruby", code="puts 1\n"))
    assert v.status == Status.ERROR and v.reason == "sandbox-unavailable"
    assert "apt-get install ruby" in v.checks[0].detail
    rows = sandbox_class("ruby").doctor()
    assert rows == [("toolchain: ruby", False, rows[0][2])] and "apt-get install ruby" in rows[0][2]


def test_doctor_lists_every_polyglot_toolchain() -> None:
    rows = sandbox_class("polyglot").doctor()
    assert {what for what, _, _ in rows} == {f"toolchain: {lang}" for lang in toolchains.TOOLCHAINS}


def test_prose_is_no_code_not_a_compile_error() -> None:
    cand, v = verdict_of({"instruction": "What is the output of this Java code?", "input": "", "output": "5"})
    assert cand.language == "polyglot" and v.status == Status.FAIL and v.reason == "no-code"


@pytest.mark.parametrize("code,instruction,tag,want,how", [
    ("x = 1\n", "", "rust", "rust", "fence"),
    ("let x = 5;\n", "Create an array in JavaScript of five values.", "", "javascript", "instruction"),
    ("echo hi\nls\n", "Write a script", "", "shell", "content"),
    ("#!/usr/bin/env ruby\nx = 1\n", "", "", "ruby", "shebang"),
    ("SELECT name FROM users WHERE age > 3;", "", "", "sql", "content"),
    ("#include <iostream>\nint main() { std::cout << 1; }\n", "", "", "cpp", "content"),
    ("def f(x):\n    return x\n", "Write a function in Java", "", "python", "content"),  # the code wins
    ("public class A { public static void main(String[] a) { System.out.println(1); } }", "", "", "java", "content"),
    ("fn main() { let mut x = 1; println!(\"{}\", x); }", "", "", "rust", "content"),
    ("<?php echo 1;", "", "", "php", "content"),
])
def test_detection_order(code: str, instruction: str, tag: str, want: str, how: str) -> None:
    d = detect(code, instruction, tag)
    assert (d.language, d.how) == (want, how), d


def test_presets_route_each_language_to_its_sandbox() -> None:
    alpaca = list(read_candidates(str(ROOT / "fixtures/presets/CodeAlpaca-20k.jsonl"), "polyglot_alpaca"))
    assert {c.language for c in alpaca} >= {"javascript", "sql", "html", "java", "cpp"}
    csn = list(read_candidates(str(ROOT / "fixtures/presets/code_search_net.jsonl"), "code_search_net"))
    assert [c.language for c in csn] == ["go", "java", "php", "javascript", "ruby"]
    assert all(c.meta["fragment"] for c in csn)
    verdicts = []
    for c in csn:
        box = _BOXES.setdefault(c.language, create_sandbox(c.language, SandboxOptions(), 1))
        verdicts.append(box.verify(c))
    assert [(v.status.value, v.artifacts["level"]) for v in verdicts] == [
        ("pass", "compiles"), ("pass", "compiles"), ("pass", "parses"), ("fail", ""), ("pass", "parses")]
    assert verdicts[3].reason == "syntax-error"


def test_jsx_is_parsed_not_run_and_its_syntax_errors_fail() -> None:
    ok = {"instruction": "Write a React component that says hello.", "input": "",
          "output": "const Hello = () => {\n  return (<div><h1>Hello</h1></div>);\n};\n"}
    _, v = verdict_of(ok)
    assert v.status == Status.PASS and v.artifacts["level"] == "parses"
    _, bad = verdict_of({**ok, "output": ok["output"].replace("</div>)", "</div>")})
    assert bad.status == Status.FAIL and bad.reason == "syntax-error"


def test_an_unsupported_language_is_not_guessed_into_a_look_alike() -> None:
    swift = "func smallest(arr: [Int]) -> Int {\n    var s = arr[0]\n    for x in arr { if x < s { s = x } }\n    return s\n}\n"
    d = detect(swift, "Create a Swift function to find the smallest element in an array.")
    assert d.language == "" and d.how == "unsupported" and "swift" in d.detail.lower()


def test_a_program_waiting_for_input_the_task_does_not_give_is_judged_before_the_run() -> None:
    java = ("import java.util.Scanner;\npublic class Sum {\n  public static void main(String[] a) {\n"
            "    Scanner s = new Scanner(System.in);\n    int x = s.nextInt();\n    System.out.println(x + 1);\n  }\n}\n")
    _, v = verdict_of({"instruction": "Write a Java program that adds one to a number read from input.",
                       "input": "", "output": java})
    assert v.status == Status.PASS and v.artifacts["level"] == "compiles"
    _, ran = verdict_of({"instruction": "Write a Java program that adds one to a number read from input.",
                         "input": "41", "output": java})
    assert ran.artifacts["level"] == "runs" and ran.artifacts["blocks"][0]["stdout"] == "42"


def test_a_variable_the_instruction_names_is_context_but_a_misspelled_call_is_not() -> None:
    snippet = "if (number % 2 == 0) {\n  console.log('even');\n}\n"
    _, v = verdict_of({"instruction": "Write an if statement in JavaScript that checks if a number is even.",
                       "input": "", "output": snippet})
    assert v.status == Status.PASS and v.artifacts["blocks"][0]["context_missing"] == ["number"]
    _, bad = verdict_of({"instruction": "Write JavaScript that prints whether a number is even using isEven.",
                         "input": "", "output": "console.log(isEven(4));\n"})
    assert bad.status == Status.FAIL and bad.reason == "undeclared-name"


def test_an_unsupported_language_is_an_error_not_a_fail() -> None:
    cand, v = verdict_of({"instruction": "Write a regular expression to match alphanumeric strings.", "input": "",
                          "output": "^[a-zA-Z0-9]+$"})
    assert cand.language == "polyglot" and v.status == Status.ERROR and v.reason == "unsupported-language"


def test_an_unfenced_explanation_is_prose_and_its_trailing_code_is_checked() -> None:
    cand, v = verdict_of({"instruction": "How can you print a variable in JavaScript?", "input": "",
                          "output": "You can use the console.log function to print out the contents of a variable."})
    assert cand.language == "polyglot" and v.reason == "no-code"
    cand, v = verdict_of({"instruction": "How do you use inheritance in Java?", "input": "",
                          "output": "In Java, inheritance is achieved with the extends keyword. For example:\n\n"
                                    "class Parent {\n  void hello() { System.out.println(\"hi\"); }\n}\n\n"
                                    "class Child extends Parent {\n}\n"})
    assert cand.language == "java" and cand.code.startswith("class Parent")
    assert v.status == Status.PASS and v.artifacts["level"] == "compiles"


def test_two_public_java_classes_compile_as_the_two_files_they_would_be() -> None:
    answer = ("public class Parent {\n  public void hello() { System.out.println(\"hi\"); }\n}\n\n"
              "public class Child extends Parent {\n}\n")
    _, v = verdict_of({"instruction": "Show inheritance in Java.", "input": "", "output": answer})
    assert v.status == Status.PASS and v.artifacts["level"] == "compiles", v.checks


def test_a_missing_optional_toolchain_is_reported_but_does_not_make_the_machine_not_ok(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each polyglot toolchain is optional: doctor says `no` for it and names it, and the
    machine's overall verdict is what it is without it."""
    from typer.testing import CliRunner

    from codevet.harness.cli import app, optional_row

    assert optional_row("toolchain: ruby") and not optional_row("bwrap")
    monkeypatch.setenv("COLUMNS", "250")
    before = CliRunner().invoke(app, ["doctor", "ruby", "c"])  # the whole doctor is tests/test_cli.py's
    monkeypatch.setitem(toolchains.TOOLCHAINS, "ruby", toolchains.Toolchain("ruby", {"ruby-that-is-not-there": "ruby"}))
    after = CliRunner().invoke(app, ["doctor", "ruby", "c"])
    assert before.exit_code == after.exit_code == 0, after.output
    row = next(line for line in after.output.splitlines() if "toolchain: ruby" in line)
    assert " no " in row and "apt-get install ruby" in row
    assert "Optional toolchains missing: ruby" in " ".join(after.output.split())
    assert ("Some parts are missing" in before.output) == ("Some parts are missing" in after.output)


@pytest.mark.parametrize("instruction,answer,want", [
    # row 451 of code_alpaca_2k: the answer to "Compile a C++ program" is a shell command line
    ("Compile a C++ program using GCC.", "g++ -o program_name program_file.cpp -std=c++17; ./program_name;", "shell"),
    # rows 759/760: lone expressions only Python writes (a builtin call with a # comment, a slice)
    ("Output the length of a provided string.", "len(string_data) # returns the length of the string, in this case 13.",
     "python"),
    ("Reverse the order of elements in a provided list", "list_data[::-1] # returns the list in reverse order", "python"),
    ("Write a C++ program that prints 1.", "#include <iostream>\nint main() { std::cout << 1; }", "cpp"),
    # row 277: a cURL command line
    ("Write a cURL statement to send a POST request to a web server at https://www.example.com",
     'curl -X POST https://www.example.com --data "param1=value1&param2=value2"', "shell"),
])
def test_commands_and_python_expressions_are_detected(instruction: str, answer: str, want: str) -> None:
    cand = ADAPTER.to_candidate({"instruction": instruction, "input": "", "output": answer}, source="t", index=0)
    assert cand.language == want, cand.meta.get("language_evidence")


def test_a_bare_token_in_an_unsupported_language_is_an_error_not_prose() -> None:
    """Row 1535: `^a.+` under "Design a regular expression": codevet cannot judge a regex."""
    _, v = verdict_of({"instruction": "Design a regular expression that matches all strings that start with 'a'.",
                       "input": "", "output": "^a.+"})
    assert v.status == Status.ERROR and v.reason == "unsupported-language"
    _, prose = verdict_of({"instruction": "What is a regular expression?", "input": "",
                           "output": "A pattern that a string matches."})
    assert prose.status == Status.FAIL and prose.reason == "no-code"


def test_a_php_extension_function_is_context_not_an_undeclared_name() -> None:
    """Row 1411: pg_connect() needs the pgsql extension and a server; a misspelt call is still a bug."""
    box = _BOXES.setdefault("php", create_sandbox("php", SandboxOptions(), 1))
    ext = box.verify(Candidate(id="p", source="t", language="php",
                               code='<?php\n$db = pg_connect("host=localhost dbname=x");\necho "ok";\n'))
    assert ext.status == Status.PASS and ext.artifacts["level"] == "parses", ext.checks
    typo = box.verify(Candidate(id="p", source="t", language="php", code="<?php\necho strlenn('abc');\n"))
    assert typo.status == Status.FAIL and typo.reason == "undeclared-name", typo.checks


def test_prose_interleaved_with_code_leaves_the_code_in_order() -> None:
    """Row 274 of code_alpaca_2k: sentence, code, sentence, code: the code lines are the program."""
    answer = ("Creating an array in JavaScript is quite simple. First, declare the numbers you need here:\n\n"
              "const xs = [3, 1, 2];\n\n"
              "Then, sort a copy of them with the sort method and a comparison function given to it:\n\n"
              "const sorted = [...xs].sort((a, b) => a - b);\n\n"
              "Finally, print the sorted copy to the console with the log method like this:\n\n"
              "console.log(sorted.join(','));\n")
    cand, v = verdict_of({"instruction": "How to sort an array in JavaScript?", "input": "", "output": answer})
    assert cand.language == "javascript" and "Then, sort" not in cand.code and "const sorted" in cand.code
    assert v.status == Status.PASS and v.artifacts["level"] == "runs", v.checks
    assert v.artifacts["blocks"][0]["stdout"] == "1,2,3"
    broken = answer.replace("console.log(sorted.join(','));", "console.log(sortd.join(','));")
    _, bad = verdict_of({"instruction": "How to sort an array in JavaScript?", "input": "", "output": broken})
    assert bad.status == Status.FAIL and bad.reason == "undeclared-name", bad.checks


@pytest.mark.parametrize("language,code,level", [
    # row 722 of code_alpaca_2k: a definition run proves no more than that it parses
    ("javascript", "function gen() {\n  let xs = [];\n  while (xs.length < 3) { xs.push(1); }\n  return xs;\n}\n", "parses"),
    ("javascript", "function gen() {\n  return [1, 2];\n}\nconsole.log(gen());\n", "runs"),
    ("php", "<?php\nfunction twice($x) { return 2 * $x; }\n", "parses"),
    ("php", "<?php\nfunction twice($x) { return 2 * $x; }\necho twice(2);\n", "runs"),
    ("ruby", "def twice(x)\n  2 * x\nend\n", "parses"),
    ("ruby", "def twice(x)\n  2 * x\nend\nputs twice(2)\n", "runs"),
])
def test_a_definition_only_script_is_judged_at_parses_not_runs(language: str, code: str, level: str) -> None:
    box = _BOXES.setdefault(language, create_sandbox(language, SandboxOptions(), 1))
    v = box.verify(Candidate(id="d", source="t", language=language, code=code))
    assert v.status == Status.PASS and v.artifacts["level"] == level, v.checks
    assert bool(v.artifacts["blocks"][0].get("defines_only")) == (level == "parses")


@pytest.mark.parametrize("sql,status,reason", [
    # rows 32, 34, 40, 458, 1039 of code_alpaca_2k: `Table` is reserved in every dialect
    ("SELECT AVG(Revenue) FROM Table WHERE City = 'London';", "fail", "syntax-error"),
    ("SELECT AVG(Revenue) FROM `Table` WHERE City = 'London';", "pass", None),
    # row 657: alias d2 is used but never joined
    ("SELECT SUM(e1.salary) - SUM(e2.salary) FROM employees e1 JOIN departments d1 ON e1.department_id = d1.id "
     "JOIN employees e2 ON e2.department_id = d2.id WHERE d1.id = 1 AND d2.id = 2;", "fail", "undeclared-name"),
    ("SELECT SUM(e1.salary) - SUM(e2.salary) FROM employees e1 JOIN departments d1 ON e1.department_id = d1.id "
     "JOIN departments d2 ON 1 = 1 JOIN employees e2 ON e2.department_id = d2.id WHERE d1.id = 1 AND d2.id = 2;",
     "pass", None),
    ("WITH c AS (SELECT 1 AS z) SELECT c.z, s.y FROM c JOIN (SELECT 2 AS y) s ON 1 = 1;", "pass", None),
    # rows 438, 651: a comma right before FROM
    ("SELECT Title, Price, FROM Book WHERE Rating = 5;", "fail", "syntax-error"),
    ("SELECT Title, 'a, from' FROM Book WHERE Rating = 5;", "pass", None),
])
def test_sql_reserved_table_names_and_unjoined_aliases(sql: str, status: str, reason: str | None) -> None:
    box = _BOXES.setdefault("sql", create_sandbox("sql", SandboxOptions(), 1))
    v = box.verify(Candidate(id="q", source="t", language="sql", code=sql))
    assert (v.status.value, v.reason) == (status, reason), v.checks
