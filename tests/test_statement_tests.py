"""Tests from the text (issue 17, first half): every parser rule and comparison mode with
an example that must give a test and one that must not, and the LeetCode set run in the
real Python sandbox (correct answers pass on their statements' examples, wrong twins fail)."""
from __future__ import annotations

import importlib.util
import json

import pytest

from codevet.core.model import Candidate, Status
from codevet.core.options import SandboxOptions
from codevet.generators.candidates import read_candidates
from codevet.generators.statement_tests import add_statement_tests, derive_tests, doctests, leetcode, samples
from codevet.generators.statement_tests.text import (NotAValue, accepts_any_answer, parse_assignments, parse_value,
                                                      plain_text)
from codevet.sandboxes import create_sandbox
from codevet.sandboxes.python.pool import SUPPORT
from conftest import FIXTURES

LC = FIXTURES / "python" / "leetcode"


def _support():
    spec = importlib.util.spec_from_file_location("codevet_support_under_test", SUPPORT / "codevet_support.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---- text ----------------------------------------------------------------------------
def test_plain_text_reads_html_and_greengerong_markdown() -> None:
    html = "<p><strong>Input:</strong> s = &quot;ab&quot;</p><p>within 10<sup>-5</sup></p>"
    assert 'Input: s = "ab"' in plain_text(html).split("\n")
    assert "10^-5" in plain_text(html)
    assert plain_text("**Input:** nums = \\[2,7\\]") == "Input: nums = [2,7]"


def test_values_in_leetcode_notation() -> None:
    assert parse_value("[1,null,2]") == [1, None, 2]
    assert parse_value("true") is True and parse_value('"bab"') == "bab" and parse_value("2.50000") == 2.5
    assert parse_value("['a','b']") == ["a", "b"]
    for bad in ("[1,2,_]", "2, nums = [1,2,_]", "The answer is 3", ""):
        with pytest.raises(NotAValue):
            parse_value(bad)


def test_assignments_keep_names_and_nested_commas() -> None:
    assert parse_assignments('nums = [2,7,11,15], target = 9') == [("nums", [2, 7, 11, 15]), ("target", 9)]
    assert parse_assignments('s = "a,b = c", k = 2') == [("s", "a,b = c"), ("k", 2)]
    assert parse_assignments("[1,2,3]") is None


def test_any_answer_sentences() -> None:
    assert accepts_any_answer("If there are multiple answers, print any of them.")
    assert accepts_any_answer("If there are several optimal solutions, output any.")
    assert not accepts_any_answer("If there are multiple answers, print the lexicographically smallest.")
    assert not accepts_any_answer("You can return the answer in any order.")


# ---- LeetCode examples ----------------------------------------------------------------
TWO_SUM = ("Return indices of the two numbers that add up to target. You can return the answer in any order.\n"
           "Example 1:\nInput: nums = [2,7,11,15], target = 9\nOutput: [0,1]\n"
           "Example 2:\nInput: nums = [3,2,4], target = 6\nOutput: [1,2]\nConstraints:\n2 <= nums.length")
TWO_SUM_CODE = "def helper(a):\n    return a\n\ndef twoSum(target, nums):\n    return [0, 1]\n"


def test_examples_become_call_cases_with_the_code_signature() -> None:
    d = leetcode.derive(TWO_SUM, TWO_SUM_CODE)
    assert d.examples == 2 and d.spec is not None and d.spec.origin == "statement"
    assert d.spec.entry_point == "twoSum"
    first = d.spec.cases[0]
    assert first.kind == "call" and first.input == [9, [2, 7, 11, 15]]  # in the code's parameter order
    assert first.output == [0, 1] and first.judge["compare"] == "unordered"


def test_no_test_when_no_function_takes_the_example_input() -> None:
    d = leetcode.derive(TWO_SUM, "def f(a, b, c):\n    return 1\n")
    assert d.spec is None and all("no function" in s for s in d.skipped)


def test_solution_method_and_node_kinds() -> None:
    code = ("class Solution:\n    def reverseList(self, head: Optional[ListNode]) -> Optional[ListNode]:\n"
            "        return head\n")
    d = leetcode.derive("Reverse the linked list.\nExample 1:\nInput: head = [1,2]\nOutput: [2,1]", code)
    case = d.spec.cases[0]
    assert case.judge["via_args"] == {"kinds": ["list"], "result": "list"}
    tree = leetcode.derive("Example 1:\nInput: root = [1,null,2]\nOutput: 2",
                           "def maxDepth(root):\n    return 1 + maxDepth(root.left) if root else 0\n")
    assert tree.spec.cases[0].judge["via_args"]["kinds"] == ["tree"]


def test_a_node_given_as_a_value_gives_no_test() -> None:
    st = ("Find the lowest common ancestor of two given nodes p and q in the tree.\n"
          "Example 1:\nInput: root = [3,5,1], p = 5, q = 1\nOutput: 3")
    d = leetcode.derive(st, "def lca(root, p, q):\n    return root if root in (p, q) else lca(root.left, p, q)\n")
    assert d.spec is None and "node" in d.skipped[0]


def test_an_example_with_other_valid_answers_gives_no_test() -> None:
    st = ('Example 1:\nInput: s = "babad"\nOutput: "bab"\nExplanation: "aba" is also a valid answer.\n'
          'Example 2:\nInput: s = "cbbd"\nOutput: "bb"')
    d = leetcode.derive(st, "def longestPalindrome(s):\n    return s\n")
    assert [c.name for c in d.spec.cases] == ["example_2"]
    assert leetcode.derive("If there are multiple answers, return any of them.\n" + st,
                           "def longestPalindrome(s):\n    return s\n").spec is None


def test_in_place_compares_the_named_argument() -> None:
    st = ("Rotate nums. Do not return anything, modify nums in-place instead.\n"
          "Example 1:\nInput: nums = [1,2,3], k = 1\nOutput: [3,1,2]")
    d = leetcode.derive(st, "def rotate(nums, k):\n    nums[:] = nums[-k:] + nums[:-k]\n")
    assert d.spec.cases[0].judge["via_args"]["inplace"] == 0
    st2 = ("Merge nums2 into nums1; the result is stored inside the array nums1.\n"
           "Example 1:\nInput: nums1 = [1,0], m = 1, nums2 = [2], n = 1\nOutput: [1,2]")
    d2 = leetcode.derive(st2, "def merge(nums1, m, nums2, n):\n    nums1[m:] = nums2\n")
    assert d2.spec.cases[0].judge["via_args"]["inplace"] == 0
    # a function that returns a value is judged on what it returns
    d3 = leetcode.derive("Example 1:\nInput: nums = [1]\nOutput: 1", "def f(nums):\n    return nums[0]\n")
    assert "inplace" not in d3.spec.cases[0].judge["via_args"]


def test_float_tolerance_from_decimals_and_statement() -> None:
    st = "Example 1:\nInput: x = 2.00000, n = 10\nOutput: 1024.00000"
    d = leetcode.derive(st, "def myPow(x, n):\n    return x ** n\n")
    assert d.spec.cases[0].judge["abs_tol"] == pytest.approx(1e-5)
    assert "abs_tol" not in leetcode.derive("Example 1:\nInput: n = 2\nOutput: 4",
                                            "def sq(n):\n    return n * n\n").spec.cases[0].judge


def test_design_problem_calls_the_class() -> None:
    st = 'Example 1:\nInput:\n["Counter","inc","get"]\n[[],[],[]]\nOutput:\n[null,null,1]'
    d = leetcode.derive(st, "class Counter:\n    def __init__(self):\n        self.n = 0\n")
    assert d.spec.entry_point == "Counter" and d.spec.cases[0].judge["via"] == "_codevet_lc_design"


def test_html_statement_examples() -> None:
    st = ('<p><strong class="example">Example 1:</strong></p>\n<pre>\n<strong>Input:</strong> s = &quot;III&quot;\n'
          '<strong>Output:</strong> 3\n</pre>')
    d = leetcode.derive(st, "def romanToInt(s):\n    return len(s)\n")
    assert d.spec.cases[0].input == ["III"] and d.spec.cases[0].output == 3


# ---- samples and doctests -------------------------------------------------------------
APPS = "Print a+b.\n\n-----Input-----\nTwo numbers.\n\n-----Sample Input-----\n1 2\n\n-----Sample Output-----\n3\n"
CF = ("Input\n\nThe first line has n.\n\nOutput\n\nPrint 2n.\n\nExamples\n\nInput\n\n3\n\nOutput\n\n6\n\n"
      "Input\n\n1\n\nOutput\n\n2\n\nNote\n\nDoubling.")
ATCODER = "Sample Input 1:\n5\n\nSample Output 1:\n10\n\nFive doubled is ten, as the statement says.\n"


def test_stdio_samples_in_each_layout() -> None:
    assert [(s.input, s.output) for s in samples.samples(APPS)] == [("1 2\n", "3\n")]
    assert [(s.input, s.output) for s in samples.samples(CF)] == [("3\n", "6\n"), ("1\n", "2\n")]
    assert [(s.input, s.output) for s in samples.samples(ATCODER)] == [("5\n", "10\n")]


def test_stdio_samples_only_for_programs_with_one_answer() -> None:
    prog = "print(sum(map(int, input().split())))\n"
    assert samples.derive(APPS, prog).cases[0].kind == "stdio"
    assert samples.derive(APPS, "def add(a, b):\n    return a + b\n") is None  # reads no stdin
    assert samples.derive(APPS + "\nIf there are multiple answers, print any of them.\n", prog) is None
    assert samples.derive("This is an interactive problem.\n" + APPS, prog) is None


def test_doctests_only_when_they_call_the_answer() -> None:
    code = "def add(a, b):\n    return a + b\n"
    spec = doctests.derive("Write add.\n>>> add(1, 2)\n3\n", code)
    assert spec is not None and spec.origin == "docstring" and spec.cases[0].kind == "assert"
    assert doctests.derive("Write plus.\n>>> plus(1, 2)\n3\n", code) is None
    own = 'def inc(x):\n    """>>> inc(1)\n    2\n    """\n    return x + 1\n'
    assert doctests.derive("Increment.", own).cases[0].name == "doctest_inc"


def test_rows_with_their_own_tests_keep_them() -> None:
    cands = list(read_candidates(str(FIXTURES / "python" / "mbpp_excerpt.jsonl")))
    assert cands and all(c.tests.origin == "dataset" for c in cands)
    c = Candidate(id="x", source="s", instruction=TWO_SUM, code="x = 1\n")
    assert add_statement_tests(c).tests is None  # nothing to call: stays untested


# ---- the judge's comparison modes (the sandbox's support module, stdlib only) ---------------
@pytest.mark.parametrize("got, expected, judge, ok", [
    ([1, 2], [1, 2], {}, True),
    ([2, 1], [1, 2], {}, False),
    ([2, 1], [1, 2], {"compare": "unordered"}, True),
    ([[2, 1], [3]], [[3], [1, 2]], {"compare": "unordered"}, True),
    ([1, 1, 2], [1, 2, 2], {"compare": "unordered"}, False),  # multisets, not sets
    ([["tea", "eat"], ["bat"]], [["bat"], ["eat", "tea"]], {"compare": "unordered"}, True),
    ([[1, 2]] * 2, [[1, 2], [2, 1]], {"compare": "unordered"}, False),  # copies are not permutations
    (2.500001, 2.5, {"abs_tol": 1e-5}, True),
    (2.6, 2.5, {"abs_tol": 1e-5}, False),
    (1.4142135, 1.41421, {"abs_tol": 1e-5}, True),
    (1.4142135, 1.41421, {}, False),
    (True, 1, {}, False),
    ((0, 1), [0, 1], {}, True),
])
def test_judged_match(got, expected, judge, ok) -> None:
    assert _support().judged_match(got, expected, judge) is ok


# ---- in the real sandbox ------------------------------------------------------------------
@pytest.fixture(scope="module")
def sandbox():
    with create_sandbox("python", SandboxOptions(timeout_s=10), jobs=2) as sb:
        yield sb


UNDERIVABLE = {"141", "236"}  # `pos` is no parameter; p and q are nodes inside the tree


def test_leetcode_set_correct_answers_pass_on_their_examples(sandbox) -> None:
    cands = list(read_candidates(str(LC / "leetcode_set.jsonl")))
    assert len(cands) >= 30
    for cand in cands:
        verdict = sandbox.verify(cand)
        if cand.id in UNDERIVABLE:
            assert cand.tests is None and verdict.reason == "untested", cand.id
            continue
        assert cand.tests.origin == "statement", cand.id
        assert verdict.status is Status.PASS, (cand.id, verdict.reason, verdict.checks)


def test_leetcode_wrong_twins_fail_their_examples(sandbox) -> None:
    for cand in read_candidates(str(LC / "leetcode_wrong.jsonl")):
        verdict = sandbox.verify(cand)
        if cand.id in UNDERIVABLE:
            continue
        assert verdict.status is Status.FAIL and verdict.reason == "test-failed", (cand.id, cand.raw["_bug"], verdict.checks)
        assert any(t.outcome == "failed" for t in verdict.tests)


def _cand(instruction: str, code: str) -> Candidate:
    return add_statement_tests(Candidate(id="t", source="t", instruction=instruction, code=code))


def test_stdio_and_doctest_cases_run_in_the_sandbox(sandbox) -> None:
    ok = sandbox.verify(_cand(APPS, "a, b = map(int, input().split())\nprint(a + b)\n"))
    bad = sandbox.verify(_cand(APPS, "a, b = map(int, input().split())\nprint(a - b)\n"))
    assert ok.status is Status.PASS and bad.status is Status.FAIL and bad.reason == "test-failed"
    doc = "Write add.\n>>> add(1, 2)\n3\n"
    assert sandbox.verify(_cand(doc, "def add(a, b):\n    return a + b\n")).status is Status.PASS
    wrong = sandbox.verify(_cand(doc, "def add(a, b):\n    return a * b\n"))
    assert wrong.status is Status.FAIL and "Expected" in json.dumps([t.message for t in wrong.tests])


def test_answer_with_its_own_listnode_class_gets_nodes_of_that_class(sandbox) -> None:
    st = "Return the second node of the linked list.\nExample 1:\nInput: head = [1,2,3]\nOutput: [2,3]"
    code = ("class ListNode:\n    def __init__(self, x):\n        self.val = x\n        self.next = None\n"
            "    def second(self):\n        return self.next\n\n"
            "def secondNode(head):\n    return head.second()\n")
    assert sandbox.verify(_cand(st, code)).status is Status.PASS


def test_doctest_rules_comparison_without_output_and_code_instructions() -> None:
    exs = doctests.examples_in(">>> f(1) == 2\n>>> f(2)\n3\n")
    assert doctests.doctest_text(exs) == ">>> f(1) == 2\nTrue\n>>> f(2)\n3\n"
    prompt = 'def f(x):\n    """Add one.\n    >>> f(1)\n    2\n    """\n'
    spec = doctests.derive(prompt, prompt + "    return x + 1\n")
    assert len(spec) == 1 and '"""' not in spec.cases[0].code.split("get_doctest(")[1].split(",")[0]


def test_doctest_literal_comparison_in_the_sandbox(sandbox) -> None:
    doc = "Write q.\n>>> q()\n\"12\"\n>>> q() == '12'\n"
    assert sandbox.verify(_cand(doc, "def q():\n    return '12'\n")).status is Status.PASS
    assert sandbox.verify(_cand(doc, "def q():\n    return '13'\n")).status is Status.FAIL


@pytest.mark.parametrize("statement", [
    "Example 1:\nInput: x = " + "[" * 5000 + "\nOutput: 1",
    "Example 1:\nInput: " + "a " * 5000 + "\nOutput: 2.",
    "Example\n" * 3000,
    ">>> f(\n" * 500,
    "x" * 100_000,
    "Sample Input\n\nSample Output\n",
])
def test_hostile_statements_give_no_tests_and_never_raise(statement: str) -> None:
    c = add_statement_tests(Candidate(id="h", source="h", instruction=statement, code="def f(x):\n    return input()\n"))
    assert c.tests is None


def test_bare_example_values_for_a_stdin_program_are_a_sample_not_a_call() -> None:
    st = "Print n!.\nExample\nInput:\n5\nOutput:\n120\n"
    prog = "import math\n\ndef solve(n):\n    return math.factorial(n)\n\nprint(solve(int(input())))\n"
    spec, _ = derive_tests(st, prog)
    assert spec.cases[0].kind == "stdio" and spec.cases[0].input == "5\n"
    spec2, _ = derive_tests(st, "import math\n\ndef solve(n):\n    return math.factorial(n)\n")
    assert spec2.cases[0].kind == "call" and spec2.cases[0].input == [5]


def test_strings_all_padded_with_one_space_are_a_scraping_trace() -> None:
    st = ('Example 1:\nInput: s = "III "\nOutput: 3\nExample 2:\nInput: s = "IV "\nOutput: 4\n')
    d = leetcode.derive(st, "def romanToInt(s):\n    return len(s)\n")
    assert [c.input for c in d.spec.cases] == [["III"], ["IV"]]
    design = 'Example 1:\nInput:\n["MinStack ","push ","getMin "]\n[[],[1],[]]\nOutput:\n[null,null,1]'
    assert leetcode.derive(design, "class MinStack:\n    pass\n").spec.entry_point == "MinStack"
    real = 'Example 1:\nInput: s = "fly me  "\nOutput: 2\nExample 2:\nInput: s = "a"\nOutput: 1\n'
    assert leetcode.derive(real, "def lengthOfLastWord(s):\n    return 1\n").spec.cases[0].input == ["fly me  "]


def test_report_line_says_where_tests_came_from_and_why_an_example_gave_none() -> None:
    from codevet.core.model import Verdict
    from codevet.harness.sink import report_line

    rows = {c.id: c for c in read_candidates(str(LC / "leetcode_set.jsonl"))}
    line = report_line(rows["5"], Verdict(Status.PASS), cached=False)
    assert line["tests_origin"] == "statement" and "other answers" in line["statement_tests"]["skipped"][0]
    untested = report_line(rows["141"], Verdict.error("untested", "no tests"), cached=False)
    assert "tests_origin" not in untested and "(head, pos)" in untested["statement_tests"]["skipped"][0]


def test_samples_printed_with_blank_lines_between_lines_and_inline_headers() -> None:
    st = "Output YES or NO.Sample Input 1:\n3\n\nabc\n\nacb\n\nbac\n\n\n\nSample Output 1:\n\nYES\nYES\nNO\n"
    assert [(s.input, s.output) for s in samples.samples(st)] == [("3\nabc\nacb\nbac\n", "YES\nYES\nNO\n")]
    # a single blank line inside a sample is the sample's own
    kept = "Sample Input 1:\n2\n\n5\n\nSample Output 1:\n5\n"
    assert samples.samples(kept)[0].input == "2\n\n5\n"


YESNO = "Print YES if n is even.\n\n-----Sample Input-----\n4\n\n-----Sample Output-----\nYES\n"


def test_any_letter_case_is_a_case_insensitive_sample(sandbox) -> None:
    prog = "print('yes' if int(input()) % 2 == 0 else 'no')\n"
    strict = sandbox.verify(_cand(YESNO, prog))
    assert strict.status is Status.FAIL and strict.reason == "test-failed"  # the statement does not allow "yes"
    lenient = "You can print each letter in any case.\n" + YESNO
    assert samples.derive(lenient, prog).cases[0].judge == {"ignore_case": True}
    assert sandbox.verify(_cand(lenient, prog)).status is Status.PASS
    assert sandbox.verify(_cand(lenient, "print('no')\n")).status is Status.FAIL
