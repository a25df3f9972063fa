"""Which unknown names look local to the answer's own actor file (shipped headers only).

An answer is usually one function of an actor. It calls the actor's other functions
(`EnFoo_SetupIdle`), reads its statics (`sCylinderInit`) and its header's constants
(`ENFOO_STATE_IDLE`, `FOO_LIMB_MAX`) without showing them. With the shipped headers codevet
cannot know whether they exist, so an error on such a name is `context-missing` (an
`error` naming them), never a `fail`. A name of the game's shared API is never local: the
real-function table decides that, so `Actor_Kil` stays an unknown function.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Callable

from codevet.core.paths import data_dir

GAME_NAMES_ENV = "CODEVET_OOT_GAME_NAMES"


def game_names_file() -> Path:
    """Where the name index is: $CODEVET_OOT_GAME_NAMES, else the data dir. codevet does not
    ship it: zeldaret/oot has no licence, so the index is built on the user's machine from
    their own checkout (`python bench/oot_game_names.py CHECKOUT`)."""
    return Path(os.environ.get(GAME_NAMES_ENV) or data_dir() / "oot" / "game_names.txt")

_CAMEL_USE = re.compile(r"\b([A-Z][a-z]+[A-Z0-9][A-Za-z0-9]*)(?:_[A-Z]\w*|\s*\*)")
_CATEGORY = re.compile(r"^(En|Bg|Obj|Demo|Item|Boss|Door|Eff|Elf|Arms|Mir|Oceff|Shot|Magic|Efc|Tg|Object)(?=[A-Z0-9])")
_OVERLAY_FUNC = re.compile(r"^func_80[89A-F][0-9A-F]{5}$")
_STATIC = re.compile(r"^(?:s[A-Z0-9]\w*|D_80[89A-F][0-9A-F]{5})$")


def game_functions() -> frozenset[str]:
    """The real function names of the index (for the link check, like symbols.txt)."""
    return _functions(game_names_file())


@lru_cache(maxsize=4)
def _functions(path: Path) -> frozenset[str]:
    return frozenset(line.split(" ", 1)[1].strip() for line in _index_lines(path) if line.startswith("func "))


def _index_lines(path: Path) -> list[str]:
    """The index's lines; none when it is absent (then only the shipped headers and symbols.txt
    say what is real, and more real code fails)."""
    return path.read_text().splitlines() if path.is_file() else []


def game_names() -> tuple[frozenset[str], frozenset[str]]:
    """(names, `Struct.member` fields) of the game's real API (game_names.txt: names only,
    made by bench/oot_game_names.py from the user's checkout). A name listed here that the
    shipped headers lack is the header set's gap, not the answer's mistake."""
    return _names(game_names_file())


@lru_cache(maxsize=4)
def _names(path: Path) -> tuple[frozenset[str], frozenset[str]]:
    names: set[str] = set()
    fields: set[str] = set()
    for line in _index_lines(path):
        if not line or line.startswith("#"):
            continue
        kind, _, name = line.partition(" ")
        (fields if kind == "field" else names).add(name.strip())
    return frozenset(names), frozenset(fields)


_ENTRANCE = re.compile(r"^ENTR_([A-Z0-9_]+?)_\d+(?:_\d+)?$")


def entrance_of_declared_scene(name: str, known: set[str] | frozenset[str]) -> bool:
    """`ENTR_HYRULE_FIELD_0`: an entrance of a scene the shipped headers declare (SCENE_HYRULE_FIELD).
    The game has about 1550 entrances, named after their scene, layer and spawn; the headers
    declare the scenes, not every entrance, so such a name cannot be checked. An entrance of a
    scene that does not exist (`ENTR_LAMP_ROOM_0`) is still an invented name."""
    m = _ENTRANCE.match(name)
    return bool(m) and f"SCENE_{m.group(1)}" in known


_CONSTANT = re.compile(r"^[A-Z][A-Z0-9_]*$")
_TYPE = re.compile(r"^[A-Z][a-z][A-Za-z0-9]*$")  # EnFooActionFunc; never Foo_Bar, a function
_ASSET_LIKE = re.compile(r"^(?:[gG][A-Z0-9]\w*|\w*LIMB_\w+|\w+_(?:WIDTH|HEIGHT)|(?:object|gameplay)_\w+)$")


def unshown_header_predicate(removed_includes: list[str]) -> Callable[[str], str | None]:
    """For an answer that includes headers codevet does not have (its actor's own `z_en_foo.h`,
    an object's asset header) and does not show: which header an unknown name may come from.
    Only the kinds of name such headers declare count: a constant or a type for an actor header
    (`PEAHAT_TYPE_FLYING`, `EnFooActionFunc`), an asset-looking name for an asset header
    (`gFooDL`, `FOO_LIMB_MAX`). Functions are never excused this way: `Actor_Teleport` stays unknown."""
    local = [h for h in removed_includes if not h.startswith("assets/") and h.endswith(".h")]
    assets = [h for h in removed_includes if h.startswith("assets/")]

    def header_for(name: str) -> str | None:
        if assets and _ASSET_LIKE.match(name):
            return assets[0]
        if local and (_CONSTANT.match(name) or _TYPE.match(name)):
            return local[0]
        return None

    return header_for


def actor_prefixes(scan: str, known: set[str] | frozenset[str]) -> set[str]:
    """CamelCase names the answer uses as `EnFoo_...` functions or `EnFoo*` types that are not
    the game's shared API (Actor_, Math_, SkelAnime_...: the prefix of a known name)."""
    api = {n.split("_", 1)[0] for n in known if "_" in n}
    return {m.group(1) for m in _CAMEL_USE.finditer(scan) if m.group(1) not in api and m.group(1) not in known}


def file_local_predicate(scan: str, known: set[str] | frozenset[str],
                         real_functions: set[str] | frozenset[str] = frozenset()) -> Callable[[str], bool]:
    """A test for 'codevet cannot decide on this unknown name': it belongs to the answer's own
    file, or it is a real game function (in the symbol table) the shipped headers do not
    declare, so its call cannot be checked. `known` = names the headers declare (never local)."""
    prefixes = actor_prefixes(scan, known)
    # an ALL_CAPS name without the actor's prefix (SOUND_BELL_RING, BLUE) is not assumed local: it may
    # be invented, and the answer can show it; only ENFOO_/FOO_ constants count as the file's own
    upper: set[str] = set()
    for p in prefixes:
        upper.add(p.upper() + "_")
        rest = _CATEGORY.sub("", p)
        if rest and rest != p:
            upper.add(rest.upper() + "_")
            if re.search(r"[a-z]\d+$", rest):  # EnWood02's header names its trees WOOD_TREE_...
                upper.add(re.sub(r"\d+$", "", rest).upper() + "_")
            upper.add(re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", rest).upper() + "_")
            upper.add(re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", p).upper() + "_")

    real_names, real_fields = game_names()

    def is_local(name: str) -> bool:
        if "." in name:  # Struct.member of a real struct: a member the shipped headers lack
            return name in real_fields
        if (name in real_functions or name in real_names) and name not in known:
            return True  # a real function the shipped headers lack: the header set's gap, not the answer's
        if name in known or name in real_functions:
            return False
        if entrance_of_declared_scene(name, known):
            return True
        if _OVERLAY_FUNC.match(name) or _STATIC.match(name):
            return True
        if any(name.startswith(p) for p in prefixes):
            return True  # EnFoo_SetupIdle, EnFooActionFunc
        return any(name.startswith(u) for u in upper)

    return is_local
