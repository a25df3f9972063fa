"""An answer's code made into something a compiler takes, per language.

A whole program (an entry point: `main`, `static void Main`, a script) is compiled as it
is. A fragment gets the least context that lets it compile, and the report says so: the
standard headers or imports when the code names none, a class around bare methods, a
`main` around bare statements. Whatever was added is in `Program.added`, and a fragment
(`whole=False`) that only misses names it never declares is judged at `parses`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_M = re.MULTILINE


@dataclass
class Program:
    files: dict[str, str]
    source: str  # the file holding the candidate's code
    whole: bool  # a complete program with an entry point, as written
    runnable: bool  # has an entry point once wrapped (so the `runs` step applies)
    added: list[str] = field(default_factory=list)
    main_class: str = ""  # java: the class to run
    library: bool = False  # compile as a library (no entry point)
    module: bool = False  # javascript: ES module syntax
    jsx: bool = False  # javascript with JSX (React): parsed by TypeScript's parser, never run
    defines_only: bool = False  # a script that only defines (functions, classes): running it calls nothing


_COMMENTS_STRINGS = re.compile(r"//[^\n]*|/\*[\s\S]*?\*/|#[^\n]*|\"(?:\\.|[^\"\\\n])*\"|'(?:\\.|[^'\\\n])*'"
                               r"|`(?:\\.|[^`\\])*`")
_CALL = re.compile(r"(?<![\w$])(?!(?:function|if|for|foreach|while|switch|catch|elseif|return|array|list|fn)\s*\()"
                   r"[A-Za-z_$][\w$.:>-]*\s*\(|\)\s*\(|(?<![\w$])(?:echo|print|new|await|yield|throw|require|include)\b")
_DECLARED_CALL = re.compile(r"\bfunction\s*&?\s*[\w$]*\s*\(")
_RUBY_TOP = re.compile(r"^(?:def|end|class|module|require(?:_relative)?|attr_\w+|private|protected|public|include|#)\b|^\s*$|^end$")


def top_level(code: str) -> str:
    """The code outside every brace pair, comments and strings removed: what a script does
    when it is run, as opposed to what it defines."""
    text = _COMMENTS_STRINGS.sub(" ", code)
    out, depth = [], 0
    for ch in text:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(ch)
    return "".join(out)


def defines_only(code: str, language: str) -> bool:
    """Does running this script call nothing (only `function`/`class` definitions, or names
    bound to values)? Such a run proves no more than parsing it: the ladder says `parses`."""
    if language == "ruby":
        lines = [line for line in code.splitlines() if line.strip()]
        return bool(lines) and all(_RUBY_TOP.match(line) or line[:1].isspace() for line in lines)
    top = _DECLARED_CALL.sub(" ", top_level(code.replace("<?php", " ").replace("?>", " ")))
    # control flow at the top level (`if (x) { run(); }`) does something: not a definition
    return bool(code.strip()) and not _CALL.search(top) and not _CONTROL.search(top)


_CONTROL = re.compile(r"(?<![\w$])(?:if|for|foreach|while|do|switch|try|else)\b")


_C_FUNC = re.compile(r"^[A-Za-z_][\w \t\*&<>:,]*[\s\*&]\**~?[\w:]+\s*\([^;{]*\)\s*(?:const\s*)?(?:noexcept\s*)?\{", _M)
_C_DECL = re.compile(r"^\s*(?:struct|class|typedef|enum|union|template|namespace)\b", _M)
_C_MAIN = re.compile(r"\b(?:int|void)\s+main\s*\(")
# the headers a C++ answer most often leaves out; not <bits/stdc++.h>, which costs seconds per compile
_CPP_INCLUDES = ["iostream", "string", "vector", "algorithm", "map", "unordered_map", "set", "cmath", "cstdio",
                 "cstdlib", "cstring", "climits"]
_C_INCLUDES = ["stdio.h", "stdlib.h", "string.h", "math.h", "stdbool.h", "ctype.h", "limits.h"]


def c_family(code: str, cpp: bool) -> Program:
    name = "prog.cpp" if cpp else "prog.c"
    whole = bool(_C_MAIN.search(code))
    added: list[str] = []
    body = code
    if not whole and not _C_FUNC.search(code) and not _C_DECL.search(code):
        body = "int main(void) {\n" + code + "\nreturn 0;\n}\n"
        added.append("a main() around the statements")
    if "#include" not in code:
        prelude = ("".join(f"#include <{h}>\n" for h in _CPP_INCLUDES) + "using namespace std;\n" if cpp
                   else "".join(f"#include <{h}>\n" for h in _C_INCLUDES))
        body = prelude + body
        added.append("the standard headers")
    runnable = bool(_C_MAIN.search(body))
    return Program({name: body}, name, whole, runnable, added, library=not runnable)


_JAVA_TYPE = re.compile(r"^\s*(?:(?:public|private|protected|abstract|final|static)\s+)*(?:class|interface|enum|record)"
                        r"\s+(\w+)", _M)
_JAVA_PUBLIC = re.compile(r"^\s*public\s+(?:(?:abstract|final)\s+)*(?:class|interface|enum|record)\s+(\w+)", _M)
_JAVA_METHOD = re.compile(r"^\s*(?:(?:public|private|protected|static|final|synchronized|abstract)\s+)*"
                          r"(?:<[^>]+>\s+)?[\w<>\[\],\s]+\s+\w+\s*\([^;]*\)\s*(?:throws\s+[\w,\s]+)?\{", _M)
_JAVA_MAIN = re.compile(r"\bstatic\s+void\s+main\s*\(")
_JAVA_IMPORTS = "import java.util.*;\nimport java.util.stream.*;\nimport java.io.*;\n"


def java(code: str) -> Program:
    added: list[str] = []
    imports = "".join(line + "\n" for line in code.splitlines() if re.match(r"\s*(?:import|package)\s", line))
    rest = "\n".join(line for line in code.splitlines() if not re.match(r"\s*(?:import|package)\s", line))
    imports = re.sub(r"^\s*package\s.*\n", "", imports, flags=_M)
    if not imports:
        imports = _JAVA_IMPORTS
        added.append("java.util/java.io imports")
    whole = bool(_JAVA_MAIN.search(code))
    if len(_JAVA_PUBLIC.findall(rest)) > 1:
        # several public classes are several files in a real project; in one file only one may
        # be public, so the others lose the modifier (what they are is unchanged)
        keep = _JAVA_PUBLIC.search(rest)
        head, tail = rest[:keep.end()], rest[keep.end():]
        rest = head + re.sub(r"^(\s*)public\s+((?:(?:abstract|final)\s+)*(?:class|interface|enum|record)\s)", r"\1\2",
                             tail, flags=_M)
        added.append("one public class per file (the others made package-private)")
    if _JAVA_TYPE.search(rest):
        public = _JAVA_PUBLIC.search(rest)
        cls = public.group(1) if public else "Main"
        main_cls = cls
        if whole and not public:  # the class holding main
            for m in _JAVA_TYPE.finditer(rest):
                tail = rest[m.end():]
                nxt = _JAVA_TYPE.search(tail)
                if _JAVA_MAIN.search(tail[: nxt.start()] if nxt else tail):
                    main_cls = m.group(1)
                    break
        return Program({f"{cls}.java": imports + rest + "\n"}, f"{cls}.java", whole, whole, added,
                       main_class=main_cls if whole else "", library=not whole)
    if _JAVA_METHOD.search(rest):
        added.append("a class around the methods")
        return Program({"Main.java": imports + "class Main {\n" + rest + "\n}\n"}, "Main.java", whole, whole, added,
                       main_class="Main" if whole else "", library=not whole)
    added.append("a class and main() around the statements")
    body = "public class Main {\npublic static void main(String[] args) throws Exception {\n" + rest + "\n}\n}\n"
    return Program({"Main.java": imports + body}, "Main.java", False, True, added, main_class="Main")


_CS_TYPE = re.compile(r"^\s*(?:(?:public|private|internal|static|abstract|sealed|partial)\s+)*(?:class|struct|interface"
                      r"|enum|record)\s+\w+", _M)
_CS_METHOD = re.compile(r"^\s*(?:(?:public|private|protected|internal|static|async|override|virtual)\s+)+"
                        r"[\w<>\[\],\s]+\s+\w+\s*\([^;]*\)\s*\{", _M)
_CS_MAIN = re.compile(r"\bstatic\s+(?:async\s+)?(?:void|int|Task)\s+Main\s*\(")
_CS_USINGS = "using System;\nusing System.Collections.Generic;\nusing System.Linq;\nusing System.Text;\n"


def csharp(code: str) -> Program:
    added: list[str] = []
    body = code
    whole = bool(_CS_MAIN.search(code))
    if not _CS_TYPE.search(code) and not re.search(r"^\s*namespace\s", code, _M):
        if _CS_METHOD.search(code):
            body = "class Program {\n" + code + "\n}\n"
            added.append("a class around the methods")
        else:
            body = "class Program {\nstatic void Main(string[] args) {\n" + code + "\n}\n}\n"
            added.append("a class and Main() around the statements")
    if not re.search(r"^\s*using\s+System", code, _M):
        body = _CS_USINGS + body
        added.append("System usings")
    runnable = bool(_CS_MAIN.search(body))
    return Program({"prog.cs": body}, "prog.cs", whole, runnable, added, library=not runnable)


_GO_FUNC = re.compile(r"^func\s", _M)
_GO_MAIN = re.compile(r"^func\s+main\s*\(\s*\)", _M)
_GO_STD = ("fmt", "strings", "strconv", "sort", "math", "os", "bufio", "errors", "time", "unicode", "sync")


def go(code: str) -> Program:
    added: list[str] = []
    body = code
    whole = bool(re.search(r"^\s*package\s+main\b", code, _M) and _GO_MAIN.search(code))
    if not re.search(r"^\s*package\s+\w+", code, _M):
        if not _GO_FUNC.search(code) and not re.search(r"^(?:type|var|const)\s", code, _M):
            body = "func main() {\n" + code + "\n}\n"
            added.append("func main() around the statements")
        if not re.search(r"^\s*import\b", code, _M):
            used = [p for p in _GO_STD if re.search(rf"\b{p}\.\w", body)]
            if used:
                body = "import (\n" + "".join(f'\t"{p}"\n' for p in used) + ")\n" + body
                added.append("imports of the standard packages it uses")
        pkg = "main" if _GO_MAIN.search(body) else "snippet"
        body = f"package {pkg}\n" + body
        added.append(f"package {pkg}")
    runnable = bool(re.search(r"^\s*package\s+main\b", body, _M) and _GO_MAIN.search(body))
    if re.search(r"^\s*package\s+main\b", body, _M) and not runnable:
        body = re.sub(r"^(\s*)package\s+main\b", r"\1package snippet", body, count=1, flags=_M)
    return Program({"prog.go": body}, "prog.go", whole, runnable, added, library=not runnable)


_RS_ITEM = re.compile(r"^\s*(?:pub\s+)?(?:fn|struct|enum|impl|trait|use|mod|const|static|type)\b", _M)
_RS_MAIN = re.compile(r"\bfn\s+main\s*\(\s*\)")


def rust(code: str) -> Program:
    added: list[str] = []
    body = code
    whole = bool(_RS_MAIN.search(code))
    if not _RS_ITEM.search(code):
        body = "fn main() {\n" + code + "\n}\n"
        added.append("fn main() around the statements")
    runnable = bool(_RS_MAIN.search(body))
    return Program({"prog.rs": body}, "prog.rs", whole, runnable, added, library=not runnable)


_JS_METHOD = re.compile(r"^\s*(?:static\s+|async\s+|get\s+|set\s+)*(?!(?:if|for|while|switch|catch|function)\b)"
                        r"[A-Za-z_$][\w$]*\s*\([^)]*\)\s*\{")


_JSX = re.compile(r"(?:return|=>|render\()\s*\(?\s*<[A-Za-z]|^\s*<[A-Z]\w*[\s/>]", _M)


def javascript(code: str) -> Program:
    if _JSX.search(code):
        return Program({"prog.jsx": code}, "prog.jsx", True, False, ["JSX: parsed as React source"], jsx=True)
    if _JS_METHOD.match(code):  # a class method on its own (code_search_net)
        return Program({"prog.js": "class Snippet {\n" + code + "\n}\n"}, "prog.js", False, True,
                       ["a class around the method"])
    module = bool(re.search(r"^\s*(?:import\s[\w{*][^;]*from\s|export\s)", code, _M))
    name = "prog.mjs" if module else "prog.js"
    return Program({name: code}, name, True, True, module=module,
                   defines_only=not module and defines_only(code, "javascript"))


def typescript(code: str) -> Program:
    return Program({"prog.ts": code}, "prog.ts", True, True, defines_only=defines_only(code, "typescript"))


def php(code: str) -> Program:
    if re.match(r"\s*(?:(?:public|private|protected|static|abstract|final)\s+)+function\b", code):
        return Program({"prog.php": "<?php\nclass Snippet {\n" + code + "\n}\n"}, "prog.php", False, True,
                       ["<?php and a class around the method"])
    if "<?php" in code or "<?=" in code:
        return Program({"prog.php": code}, "prog.php", True, True, defines_only=defines_only(code, "php"))
    return Program({"prog.php": "<?php\n" + code}, "prog.php", True, True, ["the <?php opening tag"],
                   defines_only=defines_only(code, "php"))


def ruby(code: str) -> Program:
    return Program({"prog.rb": code}, "prog.rb", True, True, defines_only=defines_only(code, "ruby"))


def shell(code: str) -> Program:
    lines = code.splitlines()
    # a shell-session transcript: the commands after the prompt
    if lines and all(line.startswith("$ ") or not line.strip() for line in lines[:1]):
        code = "\n".join(line[2:] if line.startswith("$ ") else "# " + line for line in lines) + "\n"
    return Program({"prog.sh": code}, "prog.sh", True, True)


BUILDERS = {"c": lambda c: c_family(c, False), "cpp": lambda c: c_family(c, True), "java": java, "csharp": csharp,
            "go": go, "rust": rust, "javascript": javascript, "typescript": typescript, "php": php, "ruby": ruby,
            "shell": shell}
