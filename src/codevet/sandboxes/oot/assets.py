"""Declaration-only asset headers from a checkout's `assets/xml`, so no ROM is needed.

A decomp actor includes headers the asset extractor writes from the ROM
(`assets/objects/object_foo/object_foo.h`, `assets/overlays/ovl_X/sFooDL.inc.c`,
`assets/scenes/.../x_scene.h`). Without a ROM they do not exist, and most actor files
stop at their first `#include`. Every resource those headers declare is named in the
checkout's committed XML, with enough attributes to write its declaration the way the
extractor does (`extern Gfx gFooDL[];`, `#define gFooTex_WIDTH 32`, the limb enum of a
skeleton). We write only what we can type with certainty from the XML; a resource of a
kind we cannot type (curve animations, LOD/skin skeletons, limbs, paths) is left out and
listed in `AssetIndex.names`, so a use of it becomes `error needs-assets`, never a guess
that could make real code fail. Overlay data bodies (`*.inc.c`, included inside an
initializer's braces) are written empty.

The stubs go into a cache directory keyed by the checkout's commit; that directory is
searched after the checkout's own include paths, so real extracted files win.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

# resource element -> (declaration pattern, checkout header that declares its type)
_DECLS: dict[str, tuple[str, str]] = {
    "DList": ("extern Gfx {}[];", "ultra64.h"),
    "Texture": ("extern u64 {}[];", "ultra64.h"),
    "Mtx": ("extern Mtx {};", "ultra64.h"),
    "Blob": ("extern u8 {}[];", "ultra64.h"),
    "Animation": ("extern AnimationHeader {};", "animation.h"),
    "PlayerAnimation": ("extern LinkAnimationHeader {};", "animation.h"),
    "Collision": ("extern CollisionHeader {};", "bgcheck.h"),
    "Cutscene": ("extern CutsceneData {}[];", "cutscene.h"),
    "Scene": ("extern SceneCmd {}[];", "scene.h"),
    "Room": ("extern SceneCmd {}[];", "scene.h"),
    "CurveAnimation": ("extern CurveAnimationHeader {};", "curve.h"),
    "LegacyAnimation": ("extern LegacyAnimationHeader {};", "animation_legacy.h"),
    "Path": ("extern Path {}[];", "path.h"),
}
# the C types the real extractor (tools/assets/extract) writes for these skeleton kinds
_SKELETONS = {"Flex": ("FlexSkeletonHeader", "animation.h"), "Normal": ("SkeletonHeader", "animation.h"),
              "Curve": ("CurveSkeletonHeader", "curve.h")}
_ARRAY_ITEMS = {"Vtx": "Vtx"}


@dataclass
class AssetIndex:
    """What the XML names: every resource, limb enum member and size macro, and the
    generated file paths (relative to the stub root)."""

    names: set[str] = field(default_factory=set)
    declared: set[str] = field(default_factory=set)
    files: set[str] = field(default_factory=set)


def _out_dir(xml_rel: Path) -> str:
    """assets/xml/objects/object_foo.xml -> assets/objects/object_foo (MQ variants share the dir)."""
    parts = list(xml_rel.with_suffix("").parts)
    parts[-1] = re.sub(r"_mq$", "", parts[-1])
    return "/".join(["assets", *parts])


def _resources(file_el: ET.Element) -> list[ET.Element]:
    """A <File>'s resources, including those inside <Version> blocks (all versions: a union)."""
    out: list[ET.Element] = []
    for el in file_el:
        if el.tag == "Version":
            out.extend(_resources(el))
        elif el.get("Name"):
            out.append(el)
    return out


def _offset(el: ET.Element) -> int:
    try:
        return int(str(el.get("Offset", "0")), 0)
    except ValueError:
        return 0


def _limb_enums(file_name: str, resources: list[ET.Element], index: AssetIndex) -> dict[str, list[str]]:
    """Skeleton name -> its limb enum, as the extractor writes it (default names
    `LIMB_<FILE>_<OFFSET>_NONE/_MAX` and `<Skel>Limb` when the XML gives none). A limb
    belongs to the first skeleton header after it in the file (limbs, then the limb table,
    then the header); enum order only changes values, never whether code compiles."""
    skeletons = sorted((el for el in resources if el.tag == "Skeleton"), key=_offset)
    limbs = sorted((el for el in resources if el.tag == "Limb" and el.get("EnumName")), key=_offset)
    if not skeletons:
        return {}
    owned: dict[str, list[str]] = {str(sk.get("Name")): [] for sk in skeletons}
    for limb in limbs:
        owner = next((sk for sk in skeletons if _offset(sk) > _offset(limb)), skeletons[-1])
        owned[str(owner.get("Name"))].append(str(limb.get("EnumName")))
    out: dict[str, list[str]] = {}
    emitted: set[str] = set()
    for sk in skeletons:
        name = str(sk.get("Name"))
        if not (sk.get("LimbNone") and sk.get("LimbMax")) and sk.get("Offset") is None:
            continue  # default names come from the ROM offset, which this XML does not give
        base = f"LIMB_{file_name.upper()}_{_offset(sk):06X}"
        none = sk.get("LimbNone") or f"{base}_NONE"
        limit = sk.get("LimbMax") or f"{base}_MAX"
        enum = sk.get("EnumName") or f"{name}Limb"
        members = [none, *owned[name], limit]
        if emitted & set(members):
            continue  # never two enums with one member: that would not compile
        emitted.update(members)
        index.names.update(members)
        index.declared.update(members)
        out[name] = [f"typedef enum {enum} {{\n" + ",\n".join(f"    {m}" for m in members) + f"\n}} {enum};\n"]
    return out


def _declare(el: ET.Element, has_header: set[str]) -> str:
    name = str(el.get("Name"))
    if el.tag == "Skeleton":
        kind = _SKELETONS.get(str(el.get("Type")))
        return f"extern {kind[0]} {name};\n" if kind and kind[1] in has_header else ""
    if el.tag == "Array":
        child = next(iter(el), None)
        item = _ARRAY_ITEMS.get(child.tag if child is not None else "")
        if child is not None and child.tag == "Scalar" and child.get("Type"):
            item = str(child.get("Type"))
        count = el.get("Count")
        if item and count and count.isdigit() and "ultra64.h" in has_header:
            return f"extern {item} {name}[{count}];\n"
        return ""
    pattern = _DECLS.get(el.tag)
    if pattern is None or pattern[1] not in has_header:
        return ""
    text = pattern[0].format(name) + "\n"
    if el.tag == "Texture" and el.get("Width") and el.get("Height"):
        text += f"#define {name}_WIDTH {el.get('Width')}\n#define {name}_HEIGHT {el.get('Height')}\n"
    return text


def generate(checkout_root: Path, out_root: Path) -> AssetIndex:
    """Write the stub tree under `out_root` (assets/...) from `checkout_root/assets/xml`."""
    index = AssetIndex()
    xml_root = checkout_root / "assets" / "xml"
    include = checkout_root / "include"
    wanted = {h for _, h in _DECLS.values()} | {h for _, h in _SKELETONS.values()}
    has_header = {h for h in wanted if (include / h).is_file()}
    headers: dict[str, dict[str, str]] = {}      # header path -> name -> declaration (deduped across variants)
    empty: set[str] = set()
    overlay_sources: set[tuple[str, str]] = set()
    for xml in sorted(xml_root.rglob("*.xml")) if xml_root.is_dir() else []:
        try:
            tree = ET.parse(xml)
        except (ET.ParseError, OSError):
            continue
        rel = xml.relative_to(xml_root)
        out_dir = _out_dir(rel)
        is_overlay = rel.parts[0] == "overlays"
        for file_el in tree.getroot().iter("File"):
            fname = file_el.get("Name")
            if not fname:
                continue
            resources = _resources(file_el)
            enums = _limb_enums(fname, resources, index)
            decls = headers.setdefault(f"{out_dir}/{fname}.h", {})
            if is_overlay:  # a whole generated overlay source: its declarations stand in for the data
                overlay_sources.add((f"{out_dir}/{fname}.c", f"{out_dir}/{fname}.h"))
            for el in resources:
                name = str(el.get("Name"))
                index.names.add(name)
                for line in enums.get(name, []):
                    decls.setdefault("enum:" + name, line)
                text = _declare(el, has_header)
                if text:
                    decls.setdefault(name, text)
                    index.declared.add(name)
                    if el.tag == "Texture":
                        index.names.update({name + "_WIDTH", name + "_HEIGHT"})
                if is_overlay:
                    empty.add(f"{out_dir}/{name}.inc.c")
                    if el.get("Format"):
                        empty.add(f"{out_dir}/{name}.{el.get('Format')}.inc.c")
    for path, decls in headers.items():
        guard = re.sub(r"\W", "_", path).upper()
        includes = "".join(f'#include "{h}"\n' for h in sorted(has_header))
        body = "".join(v for k, v in decls.items() if k.startswith("enum:")) + \
            "".join(v for k, v in decls.items() if not k.startswith("enum:"))
        _write(out_root / path, f"/* codevet: declarations from the checkout's assets/xml (no ROM) */\n"
                                f"#ifndef {guard}\n#define {guard}\n{includes}{body}#endif\n")
        index.files.add(path)
    for path, header in overlay_sources:
        _write(out_root / path, f'#include "{header}"\n')
        index.files.add(path)
    for path in empty:
        _write(out_root / path, "")
        index.files.add(path)
    return index


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def read_index(out_root: Path) -> AssetIndex:
    """The index of an already generated tree (names are kept in `index.txt`)."""
    index = AssetIndex()
    lines = (out_root / "index.txt").read_text().splitlines()
    for line in lines:
        kind, _, value = line.partition(" ")
        if not value:
            continue
        {"n": index.names, "d": index.declared, "f": index.files}[kind].add(value)
    return index


def write_index(out_root: Path, index: AssetIndex) -> None:
    rows = [f"n {n}" for n in sorted(index.names)] + [f"d {n}" for n in sorted(index.declared)] + \
        [f"f {n}" for n in sorted(index.files)]
    (out_root / "index.txt").write_text("\n".join(rows) + "\n")
