"""Per language: the commands it needs (and the Debian package of each), and the shell
lines of its ladder: `parse` (syntax only), `compile`, `run` (fed `.stdin`).

Every line runs inside the isolation backend in the example's workspace; nothing here
runs candidate code on the host. The commands are found on the sandbox's PATH, which is
the system's (/usr/bin): a compiler in a home directory is not visible inside bwrap.
"""
from __future__ import annotations

import shlex
import shutil
from dataclasses import dataclass

from codevet.sandboxes.polyglot.programs import Program

# Java's JVM reserves a 1 GiB class space and a large code cache up front; these keep it
# inside the sandbox's address-space limit (measured: the defaults do not start under 1 GiB).
_JVM = "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CompressedClassSpaceSize=64m " \
       "-XX:ReservedCodeCacheSize=32m"
_JAVAC_J = " ".join("-J" + f for f in _JVM.split())
TSC_ENV = "CODEVET_TSC"  # path of typescript's tsc.js, bound read-only into the sandbox


@dataclass(frozen=True)
class Toolchain:
    language: str
    commands: dict[str, str]  # command -> Debian package that provides it
    npm: str = ""  # an npm package the sandbox needs (typescript)

    def missing(self) -> list[tuple[str, str]]:
        """(command, package) pairs not found on the system PATH."""
        return [(cmd, pkg) for cmd, pkg in self.commands.items() if not system_which(cmd)]


def system_which(command: str) -> str | None:
    return shutil.which(command, path="/usr/local/bin:/usr/bin:/bin")


TOOLCHAINS: dict[str, Toolchain] = {t.language: t for t in (
    Toolchain("c", {"gcc": "gcc"}),
    Toolchain("cpp", {"g++": "g++"}),
    Toolchain("java", {"javac": "default-jdk-headless", "java": "default-jdk-headless"}),
    Toolchain("go", {"go": "golang-go"}),
    Toolchain("rust", {"rustc": "rustc"}),
    Toolchain("csharp", {"mcs": "mono-mcs", "mono": "mono-runtime"}),
    Toolchain("javascript", {"node": "nodejs"}),
    Toolchain("typescript", {"node": "nodejs"}, npm="typescript"),
    Toolchain("php", {"php": "php-cli"}),
    Toolchain("ruby", {"ruby": "ruby"}),
    Toolchain("shell", {"bash": "bash", "shellcheck": "shellcheck"}),
    Toolchain("sql", {}),  # sqlglot and sqlite3 come with codevet's Python
    Toolchain("html", {}),
    Toolchain("css", {}),
)}


@dataclass(frozen=True)
class Steps:
    parse: str = ""
    compile: str = ""
    run: str = ""
    compile_output: str = "stderr"  # where the compiler writes its diagnostics (tsc: stdout)


def steps(language: str, program: Program) -> Steps:
    src = shlex.quote(program.source)
    if language in ("c", "cpp"):
        cc = "gcc -std=gnu17" if language == "c" else "g++ -std=gnu++17"
        # what gcc 14 makes errors by default; gcc 12 only warns, and a C answer calling an undeclared
        # function is an undeclared name all the same
        strict = ("-Werror=implicit-function-declaration -Werror=implicit-int -Werror=int-conversion "
                  "-Werror=incompatible-pointer-types -Werror=return-mismatch" if language == "c" else "")
        strict = strict.replace(" -Werror=return-mismatch", "")
        flags = f"-fdiagnostics-plain-output -fno-diagnostics-color {strict} -O0"  # warnings print, never decide
        if program.library:
            return Steps(compile=f"{cc} {flags} -c {src} -o prog.o")
        return Steps(compile=f"{cc} {flags} {src} -o prog -lm", run="./prog")
    if language == "java":
        run = f"java {_JVM} -cp . {shlex.quote(program.main_class)}" if program.runnable else ""
        return Steps(compile=f"javac {_JAVAC_J} -nowarn -encoding UTF-8 -d . {src}", run=run)
    if language == "go":
        if program.library:
            return Steps(parse=f"gofmt -e -l {src} >/dev/null", compile=f"go build -o /dev/null {src}")
        return Steps(parse=f"gofmt -e -l {src} >/dev/null", compile=f"go build -o prog {src}", run="./prog")
    if language == "rust":
        if program.library:
            return Steps(compile=f"rustc --edition 2021 -A warnings --crate-type lib --emit=metadata {src}")
        return Steps(compile=f"rustc --edition 2021 -A warnings -o prog {src}", run="./prog")
    if language == "csharp":
        if program.library:
            return Steps(compile=f"mcs -nowarn:0168,0219,0414,0169,0649 -target:library -out:prog.dll {src}")
        return Steps(compile=f"mcs -nowarn:0168,0219,0414,0169,0649 -out:prog.exe {src}", run="mono prog.exe")
    if language == "javascript" and program.jsx:  # syntax only: allowJs reports no type errors for .jsx
        tsc = (f'node --max-old-space-size=512 "${TSC_ENV}" --pretty false --allowJs --noEmit --jsx preserve '
               f"--target es2020 --module esnext --moduleResolution node --skipLibCheck {src}")
        return Steps(parse=tsc)
    if language == "javascript":
        return Steps(parse=f"node --check {src}", run=f"node {src}")
    if language == "typescript":
        tsc = (f'node --max-old-space-size=512 "${TSC_ENV}" --pretty false --target es2020 --module commonjs --lib es2020,dom '
               f"--skipLibCheck --noEmitOnError --outDir . {src}")
        return Steps(compile=tsc, run="node prog.js", compile_output="stdout")
    if language == "php":
        return Steps(parse=f"php -n -l {src}", run=f"php -n {src}")
    if language == "ruby":
        return Steps(parse=f"ruby -c {src}", run=f"ruby {src}")
    if language == "shell":
        return Steps(parse=f"bash -n {src}", compile=f"shellcheck -f gcc -S error -s bash {src}",
                     run=f"bash {src}", compile_output="stdout")
    raise KeyError(language)


ENV = {"GOCACHE": "/tmp/gocache", "GOPATH": "/tmp/gopath", "GO111MODULE": "off", "GOTOOLCHAIN": "local",
       "GOFLAGS": "-buildvcs=false", "DOTNET_CLI_TELEMETRY_OPTOUT": "1", "MONO_GC_PARAMS": "max-heap-size=256m"}
