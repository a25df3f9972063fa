"""The OoT sandbox against the real mips-linux-gnu-gcc: fixtures that must pass, fixtures
that must fail for their named reason, line mapping, include isolation, eras, doctor,
a decomp checkout, and format detection. No mocks."""
from __future__ import annotations

import json
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from codevet.generators.candidates import read_candidates
from codevet.generators.formats import detect_format
from codevet.core.options import SandboxOptions
from codevet.core.model import Candidate, Status, Verdict
from codevet.sandboxes import create_sandbox

pytestmark = pytest.mark.skipif(shutil.which("mips-linux-gnu-gcc") is None,
                                reason="mips-linux-gnu-gcc is not installed (apt-get install gcc-mips-linux-gnu)")

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures" / "oot"


@pytest.fixture(scope="module")
def sandbox(private_cache_dir: Path):
    sb = create_sandbox("oot", SandboxOptions(timeout_s=5, memory_mb=1024), jobs=2)
    with sb:
        yield sb


def verify_all(sandbox, candidates: list[Candidate]) -> list[Verdict]:
    with ThreadPoolExecutor(2) as pool:
        return list(pool.map(sandbox.verify, candidates))


def cand(code: str, instruction: str = "Write the code.", **meta) -> Candidate:
    return Candidate(id="t", source="test", language="oot", instruction=instruction, code=code, meta=meta)


def dump(v: Verdict) -> str:
    return json.dumps(v.to_dict(), indent=1, ensure_ascii=False)


# ---------------------------------------------------------------------- fixtures --

def test_good_fixtures_pass(sandbox, private_cache_dir: Path) -> None:
    cands = list(read_candidates(str(FIXTURES / "good.jsonl")))
    assert len(cands) >= 10
    verdicts = verify_all(sandbox, cands)
    for c, v in zip(cands, verdicts):
        assert v.status == Status.PASS, f"record {c.id} ({c.instruction[:60]}): {dump(v)}"
        assert v.artifacts["era"], dump(v)
    eras = {v.artifacts["era"] for v in verdicts}
    assert {"e1-globalctx", "e2-z64hdr", "e3-modern"} <= eras, eras
    # the precompiled headers were built in this run's cache and are what compiles use
    assert list(private_cache_dir.glob("oot/*/include/codevet_oot_e3.h.gch"))


def test_bad_fixtures_fail_for_their_reason(sandbox) -> None:
    cands = list(read_candidates(str(FIXTURES / "bad.jsonl")))
    assert len(cands) >= 10
    reasons = set()
    for c, v in zip(cands, verify_all(sandbox, cands)):
        expect = c.raw["expect"].split("|")
        assert v.status == Status.FAIL, f"record {c.id} expected {expect}: {dump(v)}"
        assert v.reason in expect, f"record {c.id} expected {expect}: {dump(v)}"
        reasons.add(v.reason)
    assert {"syntax", "unknown-function", "unknown-field", "unknown-type", "type-error", "include-escape",
            "no-code", "wrong-era-name", "unknown-identifier"} <= reasons


def test_every_failure_is_backed_by_a_diagnostic(sandbox) -> None:
    cands = [c for c in read_candidates(str(FIXTURES / "bad.jsonl"))
             if c.raw["expect"] not in ("no-code", "timeout|memory-limit")]
    for c, v in zip(cands, verify_all(sandbox, cands)):
        errors = [d for d in v.artifacts["diagnostics"] if d["severity"] == "error"]
        assert errors, dump(v)
        assert v.reason in {d["class"] for d in errors}, dump(v)
        for d in errors:
            assert set(d) >= {"line", "column", "severity", "message", "class"}


# ------------------------------------------------------------------ line mapping --

def test_diagnostics_point_at_the_answers_own_lines(sandbox) -> None:
    code = ("typedef struct EnBox {\n"          # 1
            "    Actor actor;\n"                 # 2
            "    s16 timer;\n"                   # 3
            "} EnBox;\n"                         # 4
            "\n"                                 # 5
            "this->timer = 3;\n"                 # 6  a loose statement: wrapped into a function
            "this->actor.velocity.w = 1.0f;\n"   # 7  no such member
            "Actor_Explode(&this->actor);\n")    # 8  no such function
    v = sandbox.verify(cand(code))
    assert v.status == Status.FAIL, dump(v)
    lines = code.split("\n")
    by_class = {d["class"]: d for d in v.artifacts["diagnostics"] if d["severity"] == "error"}
    assert by_class["unknown-field"]["line"] == 7 and "velocity.w" in lines[by_class["unknown-field"]["line"] - 1]
    assert by_class["unknown-function"]["line"] == 8
    assert v.reason == "unknown-field"
    assert v.artifacts["wrapped"]["fragment"] is True


def test_line_mapping_across_blocks_and_hoisting(sandbox) -> None:
    # the .c block comes first and uses the struct the .h block defines after it
    output = ("```c\nvoid EnPot_Update(Actor* thisx, PlayState* play) {\n    EnPot* this = (EnPot*)thisx;\n"
              "    this->wobble += 1.0f;\n    this->actor.shape.rot.y = this->nosuch;\n}\n```\n\n"
              "```h\ntypedef struct EnPot {\n    Actor actor;\n    f32 wobble;\n} EnPot;\n```\n")
    rec = {"instruction": "OoT: make a pot wobble", "input": "", "output": output}
    c = detect_format(rec).to_candidate(rec, source="t", index=0)
    v = sandbox.verify(c)
    assert v.reason == "unknown-field", dump(v)
    d = next(d for d in v.artifacts["diagnostics"] if d["class"] == "unknown-field")
    assert "this->nosuch" in c.code.split("\n")[d["line"] - 1]
    assert v.artifacts["wrapped"]["hoisted"] is True


# ------------------------------------------------------------------- isolation --

def test_include_escape_leaks_nothing(sandbox, tmp_path: Path) -> None:
    secret = tmp_path / "secret.h"
    token = "CODEVET_SECRET_7f3a9c"
    value = "0x5EC7E7AB"  # distinctive: no duration, path or line number can contain it by chance
    secret.write_text(f"int {token} = {value};\n{token} junk here\n")
    rel = os.path.relpath(secret, "/")
    attempts = [
        f'#include "{secret}"\n',
        f'#include <{secret}>\n',
        f'#include "../../../../../../../../{rel}"\n',
        f'#define P "{secret}"\n#include P\n',
        f'/* hidden */ #include "{secret}"\n',
        f'%:include "{secret}"\n',
        f'#inc\\\nlude "{secret}"\n',
        f'asm(".incbin \\"{secret}\\"");\n',
        f'#pragma GCC dependency "{secret}"\n',
        f'#if __has_include("{secret}")\nint x;\n#endif\n',
    ]
    for code in attempts:
        v = sandbox.verify(cand(code + "void f(Actor* a) { Actor_Kill(a); }\n"))
        assert v.status == Status.FAIL and v.reason == "include-escape", code + dump(v)
        text = dump(v)
        assert token not in text and value not in text, code + text


def test_unknown_relative_include_is_removed_not_fatal(sandbox) -> None:
    v = sandbox.verify(cand('#include "z_en_custom.h"\n#include <stdio.h>\nvoid f(Actor* a) { Actor_Kill(a); }\n'))
    assert v.status == Status.PASS, dump(v)
    assert any("z_en_custom.h" in n for n in v.artifacts["notes"])


def test_macro_bomb_hits_a_limit(sandbox) -> None:
    bomb = next(c for c in read_candidates(str(FIXTURES / "bad.jsonl")) if "|" in c.raw["expect"])
    v = sandbox.verify(bomb)
    assert v.status == Status.FAIL and v.reason in ("timeout", "memory-limit"), dump(v)


# ------------------------------------------------------------------------- eras --

def test_era_detection() -> None:
    from codevet.sandboxes.oot.era import detect_era
    assert detect_era("GlobalContext* globalCtx; this->actor.speedXZ = 1;").era == 1
    assert detect_era("PlayState* play; this->actor.speedXZ = 1; ActorInit x;").era == 2
    assert detect_era("PlayState* play; this->actor.speed = 1; Actor_MoveXZGravity(a);").era == 3
    mixed = detect_era("GlobalContext* globalCtx; Actor_PlaySfx(a, 1);")
    assert mixed.mixed and not mixed.compatible
    assert detect_era("player->speedXZ = 3;").markers == {}  # Player's own field, not an era marker


def test_each_era_accepts_its_names_and_rejects_the_others(sandbox) -> None:
    e1 = "void f(Actor* thisx, GlobalContext* globalCtx) { thisx->speedXZ = 1.0f; Actor_MoveForward(thisx); }\n"
    e3 = "void f(Actor* thisx, PlayState* play) { thisx->speed = 1.0f; Actor_MoveXZGravity(thisx); }\n"
    mix = "void f(Actor* thisx, PlayState* play) { thisx->speedXZ = 1.0f; Actor_MoveXZGravity(thisx); }\n"
    v1, v3, vm = verify_all(sandbox, [cand(e1), cand(e3), cand(mix)])
    assert v1.status == Status.PASS and v1.artifacts["era"] == "e1-globalctx", dump(v1)
    assert v3.status == Status.PASS and v3.artifacts["era"] == "e3-modern", dump(v3)
    assert vm.status == Status.FAIL and vm.reason == "wrong-era-name", dump(vm)
    assert any(d["class"] == "wrong-era-name" for d in vm.artifacts["diagnostics"])


# --------------------------------------------------------- no code, context, link --

def test_no_code_policy(private_cache_dir: Path) -> None:
    explain = cand("", instruction="Explain what Actor_Kill does.", type="code explanation")
    asked = cand("", instruction="Write an actor that spins.", type="feature implementation")
    untyped = cand("", instruction="Why does my actor flicker?")
    with create_sandbox("oot", SandboxOptions(), jobs=1) as sb:
        assert sb.verify(explain).status == Status.PASS
        assert sb.verify(asked).reason == "no-code"
        assert sb.verify(untyped).status == Status.PASS
    with create_sandbox("oot", SandboxOptions().with_option("oot.allow_no_code", "true"), jobs=1) as sb:
        assert sb.verify(asked).status == Status.PASS


def test_unknown_struct_fields_are_context_missing_not_fail(sandbox) -> None:
    code = "void EnX_Update(EnX* this, PlayState* play) {\n    this->mystery.inner.deep = 1;\n}\n"
    v = sandbox.verify(cand(code))
    assert v.status == Status.ERROR and v.reason == "context-missing", dump(v)


def test_link_check_allows_the_answers_own_functions(sandbox) -> None:
    code = ("static void EnY_Helper(Actor* a) { Actor_SetScale(a, 0.02f); }\n"
            "void EnY_Other(Actor* a);\n"
            "void EnY_Other(Actor* a) { EnY_Helper(a); }\n"
            "void EnY_Update(Actor* thisx, PlayState* play) { EnY_Other(thisx); }\n")
    v = sandbox.verify(cand(code))
    assert v.status == Status.PASS, dump(v)


def test_symbol_table_covers_every_header_function() -> None:
    from codevet.sandboxes.oot.headers import INCLUDE_DIR
    from codevet.sandboxes.oot.symbols import header_functions, shipped_symbols
    text = "".join(p.read_text() for p in INCLUDE_DIR.rglob("*.h"))
    declared = header_functions(text)
    assert len(declared) >= 150
    assert declared <= shipped_symbols(), sorted(declared - shipped_symbols())


# ------------------------------------------------------------------ decomp mode --

def test_compiles_against_a_decomp_checkout(tmp_path: Path, private_cache_dir: Path) -> None:
    root = tmp_path / "oot"
    (root / "include").mkdir(parents=True)
    actor_dir = root / "src" / "overlays" / "actors" / "ovl_En_Foo"
    actor_dir.mkdir(parents=True)
    (root / "include" / "global.h").write_text(
        "typedef float f32;\ntypedef struct Actor { f32 speed; } Actor;\ntypedef struct PlayState PlayState;\n"
        "void Actor_Kill(Actor* actor);\nvoid DecompOnly_Helper(Actor* actor, f32 amount);\n")
    (actor_dir / "z_en_foo.h").write_text("typedef struct EnFoo { Actor actor; int timer; } EnFoo;\n")
    opts = SandboxOptions().with_option("oot.decomp", str(root))
    good = ('#include "z_en_foo.h"\nvoid EnFoo_Update(Actor* thisx, PlayState* play) {\n'
            "    EnFoo* this = (EnFoo*)thisx;\n    this->timer++;\n    DecompOnly_Helper(thisx, 1.0f);\n}\n")
    fake = "void Actor_Vanish(Actor* a);\nvoid g(Actor* a) { Actor_Vanish(a); }\n"
    shipped_only = "void g(Actor* a) { Actor_SetScale(a, 1.0f); }\n"
    with create_sandbox("oot", opts, jobs=1) as sb:
        v = sb.verify(cand(good))
        assert v.status == Status.PASS, dump(v)
        assert v.artifacts["era"] == "decomp-checkout"
        assert sb.verify(cand(fake)).reason == "unknown-function"
        assert sb.verify(cand(shipped_only)).reason == "unknown-function"  # not in this checkout's headers


# ----------------------------------------------------------------- doctor, format --

def test_doctor(private_cache_dir: Path) -> None:
    from codevet.sandboxes import sandbox_class
    rows = sandbox_class("oot").doctor()
    names = [r[0] for r in rows]
    assert "mips-linux-gnu-gcc" in names and "oot headers" in names and "oot precompiled header" in names
    for what, ok, detail in rows:
        assert ok, f"{what}: {detail}"
    assert "12." in dict((r[0], r[2]) for r in rows)["mips-linux-gnu-gcc"]


def test_format_adapter_detection() -> None:
    recs = [json.loads(line) for line in (FIXTURES / "good.jsonl").read_text().splitlines()]
    assert detect_format(recs[0]).name == "oot"
    assert detect_format(recs[0], "python") is None or detect_format(recs[0], "python").name != "oot"
    py = {"instruction": "Write a Python function that adds two numbers.", "input": "",
          "output": "```python\ndef add(a, b):\n    return a + b\n```"}
    assert detect_format(py).name == "alpaca"
    generic_c = {"instruction": "Write hello world in C", "input": "",
                 "output": "```c\n#include <stdio.h>\nint main(void) { puts(\"hi\"); return 0; }\n```"}
    assert detect_format(generic_c).name != "oot"
    cands = list(read_candidates(str(FIXTURES / "good.jsonl")))
    assert all(c.format == "oot" and c.language == "oot" for c in cands)
    assert cands[0].meta["type"] == "feature implementation"
    assert cands[0].raw == recs[0]  # kept exactly as read
    assert "```" not in cands[0].code and "EnSpinner_Init" in cands[0].code
    prose = next(c for c in cands if c.meta["type"] == "code explanation")
    assert prose.code == ""


def test_oot_decomp_flag_on_the_command_line(tmp_path: Path, private_cache_dir: Path) -> None:
    import json
    import subprocess
    import sys
    root = tmp_path / "oot"
    (root / "include").mkdir(parents=True)
    (root / "include" / "global.h").write_text(  # guarded, as the decomp's headers are
        "#ifndef GLOBAL_H\n#define GLOBAL_H\ntypedef float f32;\ntypedef struct Actor { f32 speed; } Actor;\n"
        "void DecompOnly_Helper(Actor* actor, f32 amount);\n#endif\n")
    answers = tmp_path / "answers.jsonl"
    answers.write_text("".join(json.dumps({"instruction": "Write the update function for my actor.", "input": "",
                                           "output": f"```c\n#include \"global.h\"\nvoid F(Actor* a) {{ {call}(a, 1.0f); }}\n```"}) + "\n"
                               for call in ("DecompOnly_Helper", "Actor_Teleport")))
    proc = subprocess.run([sys.executable, "-m", "codevet", "verify", str(answers), "--format", "oot", "--oot-decomp",
                           str(root), "--out", str(tmp_path / "out"), "--no-cache"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(x) for x in (tmp_path / "out" / "report.jsonl").read_text().splitlines()]
    assert [(r["status"], r["reason"]) for r in lines] == [("pass", None), ("fail", "unknown-function")]
    bad = subprocess.run([sys.executable, "-m", "codevet", "verify", str(answers), "--oot-decomp", str(tmp_path / "nope"),
                          "--out", str(tmp_path / "o2")], capture_output=True, text=True)
    assert bad.returncode == 2 and "not a directory" in bad.stderr


# ------------------------------------------------------------------ ASM patches --

HOOK = "addiu $sp, $sp, -0x18\nsw $ra, 0x14($sp)\njal 0x80001234\nnop\nlw $ra, 0x14($sp)\njr $ra\naddiu $sp, $sp, 0x18\n"


def test_asm_blocks_are_assembled_for_the_vr4300(sandbox) -> None:
    from codevet.generators.formats.oot import OoTAlpaca

    answer = f"Hook it like this:\n\n```asm\n{HOOK}```\n"
    c = OoTAlpaca().to_candidate({"instruction": "Write an ASM hook for my actor's update.", "output": answer},
                                 source="test", index=0)
    assert c.meta["asm"] == [HOOK]
    v = sandbox.verify(c)
    assert v.status is Status.PASS, dump(v)
    assert any(ch.name == "assemble" and ch.passed for ch in v.checks)


def test_asm_the_assembler_rejects_fails_with_its_line(sandbox) -> None:
    v = sandbox.verify(cand("", instruction="Write an ASM hook.", asm=["addiu $sp, $sp, -0x18\nlwz $t0, 0($a0)\n"]))
    assert (v.status, v.reason) == (Status.FAIL, "asm-error"), dump(v)
    (diag,) = v.artifacts["diagnostics"]
    assert diag["line"] == 2 and "lwz" in diag["message"]
