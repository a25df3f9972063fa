"""Typed options. Everything that can change a verdict lives in `SandboxOptions`, and
only there, because the cache key is built from it.

Each sandbox has its own sub-model (`python`, `threejs`, `oot`); a sandbox's cache key
takes the common fields plus its own section, so an OoT option never invalidates cached
Python verdicts. `set_option("threejs.viewport", "640x480")` is how `--option` reaches them.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

Isolation = Literal["bwrap", "docker", "none", "auto"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class PythonOptions(_Strict):
    allow_untested: bool = Field(False, description="keep examples that have no tests but run")
    challenge_tests: bool = Field(False, description="also run MBPP's challenge_test_list")
    case_timeout_s: float = Field(6.0, gt=0, description="time limit per test case (stdin/stdout programs), counted as the program's own time: the wall clock less the time it waited for a CPU")
    example_cap_s: float = Field(60.0, gt=0, description="most wall-clock time one example may take, "
                                 "whatever its number of cases (timeout_s is the least)")
    packages: tuple[str, ...] = Field((), description="third-party packages examples may import, installed "
                                      "by `codevet setup --python-packages` (default: the harness's own venv)")

    @field_validator("packages", mode="before")
    @classmethod
    def _packages(cls, value: Any) -> Any:
        if isinstance(value, str):  # --option python.packages=numpy,pandas
            return tuple(sorted({p.strip() for p in value.split(",") if p.strip()}))
        return tuple(sorted(set(value)))


class BlankThresholds(_Strict):
    """When is a frame blank, and when has it moved. Starting points from the three.js e2e
    harness and blank-screen detectors."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    min_content: float = Field(0.003, ge=0, le=1, description="fraction of pixels off the background colour")
    min_colors: int = Field(2, ge=1, description="distinct 5-bit colours (of at least 3 pixels each)")
    min_edges: float = Field(0.0005, ge=0, le=1, description="fraction of pixels with Sobel magnitude above 0.1")
    min_std: float = Field(2.0, ge=0, description="luma standard deviation (0..255)")
    pixel_delta: int = Field(12, ge=0, le=255, description="a channel difference that counts as different")
    min_motion: float = Field(0.001, ge=0, le=1, description="fraction of pixels that must change between frames")


class ThreeJSOptions(_Strict):
    viewport: tuple[int, int] = Field((480, 320), description="page size, WxH")
    settle_s: float = Field(3.0, gt=0, description="seconds to wait for the first render() after load")
    motion_gap_s: float = Field(0.6, gt=0, description="seconds between the two frames of the motion check")
    frame_ms: float = Field(50, ge=0, le=1000, description="the page's requestAnimationFrame runs at most once per "
                            "this many ms (a display at 1000/frame_ms Hz); 0: every frame Chromium draws")
    console_allow: str | None = Field(None, description="regex of console.error texts to ignore")
    thresholds: BlankThresholds = Field(default_factory=BlankThresholds)

    @field_validator("viewport", mode="before")
    @classmethod
    def _viewport(cls, value: Any) -> Any:
        if isinstance(value, str):
            w, sep, h = value.lower().replace(" ", "").partition("x")
            if not sep or not (w.isdigit() and h.isdigit()):
                raise ValueError(f"viewport wants WxH, got {value!r}")
            return int(w), int(h)
        return value

    @field_validator("viewport")
    @classmethod
    def _viewport_range(cls, value: tuple[int, int]) -> tuple[int, int]:
        if not all(16 <= v <= 4096 for v in value):
            raise ValueError("viewport sides must be 16..4096 pixels")
        return value


class OoTOptions(_Strict):
    decomp: Path | None = Field(None, description="a decomp checkout to compile against instead of the shipped headers")
    version: str = Field("gc-eu-mq-dbg", description="the checkout's version (build/<version>/, extracted/<version>/)")
    prefix: str = Field("mips-linux-gnu-", description="toolchain prefix")
    allow_no_code: bool = Field(False, description="an answer without code passes")
    pch: bool = Field(True, description="use precompiled headers (off: parse the headers for every answer)")
    era: str = Field("auto", pattern=r"^(auto|e1|e2|e3)$",
                     description="shipped headers: the naming era answers must use (auto: any one era, detected; "
                                 "e3: the modern decomp, older names are wrong-era-name). A checkout sets its own")


class PolyglotOptions(_Strict):
    """The polyglot sandboxes (Java, Go, SQL, ...): how far up the ladder they may go."""

    run: bool = Field(True, description="run complete programs (fed the input on stdin) after they compile")
    run_shell: bool = Field(False, description="also run shell answers (off: bash -n and shellcheck only)")
    compile_timeout_s: float = Field(60.0, gt=0, description="seconds added to timeout_s for a compile (javac, rustc)")
    memory_mb: int = Field(2048, ge=256, description="address-space floor for compilers and VMs (tsc on V8 needs 2 GiB)")


class SandboxOptions(_Strict):
    """Options a sandbox sees. Part of every cache key (see `cache_fields`)."""

    timeout_s: float = Field(10.0, gt=0, description="wall-clock limit per example")
    isolation: Isolation = "auto"
    memory_mb: int = Field(1024, ge=64, description="address-space limit per process")
    max_processes: int = Field(64, ge=4, description="processes and threads per example")
    max_output_bytes: int = Field(1_000_000, ge=1024, description="stdout+stderr per example")
    max_file_mb: int = Field(16, ge=1, description="largest file an example may write")
    workspace_mb: int = Field(64, ge=4, description="size of the private writable temp dir")
    python: PythonOptions = Field(default_factory=PythonOptions)
    threejs: ThreeJSOptions = Field(default_factory=ThreeJSOptions)
    oot: OoTOptions = Field(default_factory=OoTOptions)
    polyglot: PolyglotOptions = Field(default_factory=PolyglotOptions)

    def cache_fields(self, language: str) -> dict[str, Any]:
        """What of the options decides a `language` verdict. Isolation changes how, not
        what (a verdict under bwrap is valid under none); other sandboxes' sections are
        none of this one's business."""
        common = self.model_dump(mode="json", exclude={"isolation", *_SECTIONS})
        section = getattr(self, language, None)
        if isinstance(section, BaseModel):
            common[language] = section.model_dump(mode="json")
        return common

    def with_option(self, key: str, value: str) -> "SandboxOptions":
        """A copy with one dotted option set, validated (`oot.decomp=/src/oot`,
        `threejs.thresholds.min_content=0.01`, `timeout_s=5`)."""
        data = self.model_dump()
        path = key.strip().split(".")
        node = data
        for part in path[:-1]:
            if not isinstance(node.get(part), dict):
                raise ValueError(f"unknown option {key!r}")
            node = node[part]
        if path[-1] not in node or isinstance(node[path[-1]], dict):
            raise ValueError(f"unknown option {key!r} (see `codevet options`)")
        node[path[-1]] = value
        try:
            return SandboxOptions.model_validate(data)
        except ValidationError as exc:
            first = exc.errors()[0]
            raise ValueError(f"option {key}={value!r}: {first['msg']}") from None


_SECTIONS = ("python", "threejs", "oot", "polyglot")


def option_rows(model: type[BaseModel] = SandboxOptions, prefix: str = "") -> list[tuple[str, str, str]]:
    """(dotted name, default, description) of every option, for `codevet options`."""
    rows: list[tuple[str, str, str]] = []
    for name, info in model.model_fields.items():
        ann = info.annotation
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            rows += option_rows(ann, f"{prefix}{name}.")
            continue
        default = info.get_default(call_default_factory=True)
        rows.append((prefix + name, "" if default is None else str(default), info.description or ""))
    return rows
