"""What each sandbox needs from the machine, as data: Debian packages named by the command
they provide, and npm packages installed into codevet's data directory.

`codevet setup` reads only this (it must not import a sandbox, which may need exactly what
is missing); a sandbox package adds its own entry here when it is added.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Requirements:
    debian: dict[str, str] = field(default_factory=dict)  # command -> Debian package
    npm: tuple[str, ...] = ()  # package folders under sandboxes/<lang>/ holding a package.json to install
    npm_owner: str = ""  # the sandbox package holding the npm folders, when not the language's own
    python_extra: str = ""  # the pip extra with the sandbox's Python dependencies
    # Custom Ray resources a node must offer to host this sandbox's actors; a node started by
    # codevet offers them when every command above is on its PATH.
    ray_resources: dict[str, float] = field(default_factory=dict)


COMMON = Requirements(debian={"bwrap": "bubblewrap"})

REQUIREMENTS: dict[str, Requirements] = {
    "python": Requirements(),
    # chromium-headless-shell: the same release without Chrome's UI, which candidate pages
    # run in when present (about 0.2 CPU s less per page; chromium stays the fallback). Its path
    # is threejs/browser.py's HEADLESS_SHELL, written out: setup must not import a sandbox.
    "threejs": Requirements(debian={"chromium": "chromium",
                                    "/usr/lib/chromium/chromium-headless-shell": "chromium-headless-shell"},
                            npm=("web", "pinned"), python_extra="threejs",
                            ray_resources={"chromium": 1}),
    "oot": Requirements(debian={"mips-linux-gnu-gcc": "gcc-mips-linux-gnu",
                                "mips-linux-gnu-as": "binutils-mips-linux-gnu",
                                "mips-linux-gnu-nm": "binutils-mips-linux-gnu"},
                        ray_resources={"mips_toolchain": 1}),
    # polyglot: each language optional (a missing one is `error sandbox-unavailable`, listed by doctor)
    "c": Requirements(debian={"gcc": "gcc"}),
    "cpp": Requirements(debian={"g++": "g++"}),
    "java": Requirements(debian={"javac": "default-jdk-headless"}),
    "go": Requirements(debian={"go": "golang-go"}),
    "rust": Requirements(debian={"rustc": "rustc"}),
    "csharp": Requirements(debian={"mcs": "mono-mcs", "mono": "mono-runtime"}),
    "javascript": Requirements(debian={"node": "nodejs"}),
    "typescript": Requirements(debian={"node": "nodejs", "npm": "npm"}, npm=("ts",), npm_owner="polyglot"),
    "php": Requirements(debian={"php": "php-cli"}),
    "ruby": Requirements(debian={"ruby": "ruby"}),
    "shell": Requirements(debian={"shellcheck": "shellcheck"}),
    "sql": Requirements(python_extra="polyglot"),
    "html": Requirements(),
    "css": Requirements(python_extra="polyglot"),
}
POLYGLOT = ("c", "cpp", "java", "go", "rust", "csharp", "javascript", "typescript", "php", "ruby", "shell", "sql",
            "html", "css")
REQUIREMENTS["polyglot"] = Requirements(debian={k: v for lang in POLYGLOT for k, v in REQUIREMENTS[lang].debian.items()},
                                        npm=("ts",), python_extra="polyglot")


def requirements(language: str) -> Requirements:
    return REQUIREMENTS.get(language, Requirements())
