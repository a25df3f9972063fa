"""The one fence parser and the unfenced-code finder, on answers as datasets write them."""
from __future__ import annotations



def test_unfenced_python_inside_prose_is_found() -> None:
    from codevet.core.markdown import unfenced_python

    answer = "There is a typo. Correct code:\n\nnames = {\n  'first': 'John'\n}\nprint(names['first'])\n\nThis prints John."
    assert unfenced_python(answer) == "names = {\n  'first': 'John'\n}\nprint(names['first'])\n"
    assert unfenced_python("import math\nprint(math.pi)") == "import math\nprint(math.pi)"
    assert unfenced_python("The function returns the n-th Fibonacci number.") == ""
    assert unfenced_python("function add(a, b) {\n    return a + b;\n}") == ""
    assert unfenced_python("x = 1;\ny = 2;\nconsole.log(x + y);") == ""
    assert unfenced_python("def f(:\n    pass") == "def f(:\n    pass"  # code-like: its syntax error is reported
