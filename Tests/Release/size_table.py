#!/usr/bin/env python3
"""What the jump-host binary's bytes are: the GNU ld map that build-release.sh writes, summed by library.

Every input section the linker placed in a loaded output section (code, read-only data, unwind tables,
data; not the debug sections or the symbol table, which strip removes) is counted for the archive it came
from (libFoundation.a, lib_FoundationICU.a, ...) or, for the package's own objects, for its module
(Yams, NIOCore, qcimages, ...). The linker's own tables (dynamic symbols and relocations) are a row of
their own. Prints a Markdown table, largest first, with the stripped binary's size when it is given.

Usage: python3 Tests/Release/size_table.py [.build/jumphost-scratch/qcimages.map] [.build/jumphost/qcimages]
"""
import os
import re
import sys
from collections import defaultdict

map_path = sys.argv[1] if len(sys.argv) > 1 else ".build/jumphost-scratch/qcimages.map"
stripped = sys.argv[2] if len(sys.argv) > 2 else None

OUTPUT_SECTION = re.compile(r"^(\.[^\s]+|\S+)(?:\s+0x([0-9a-f]+)\s+0x([0-9a-f]+))?\s*$")
INPUT_SECTION = re.compile(r"^ (?:(\S+))?\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S.*)$")
LINKER_MADE = re.compile(r"^ \*\* (.+?)(?:\s+0x([0-9a-f]+)\s+0x([0-9a-f]+))?\s*$")
CONTINUATION = re.compile(r"^\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s*$")


def owner(path):
    """The library or module an input file belongs to."""
    archive = re.match(r"(.*/)?([^/(]+\.a)\(", path)
    if archive:
        return archive.group(2)
    module = re.search(r"/([^/]+)\.build/", path)
    if module:
        return module.group(1)
    return os.path.basename(path)


def in_file(section):
    """Whether the section's bytes are in the stripped file (not debug information, not zero-filled .bss)."""
    unloaded = (".debug", ".comment", ".symtab", ".strtab", ".shstrtab", ".bss", ".tbss")
    return not section.startswith(unloaded)


sizes = defaultdict(int)
output_section = None
linker_made = None
with open(map_path, errors="replace") as lines:
    for line in lines:
        if line.startswith("Memory map"):
            break
    for line in lines:
        line = line.rstrip("\n")
        if line and not line[0].isspace():
            match = OUTPUT_SECTION.match(line)
            if match:
                output_section = match.group(1)
            continue
        if output_section is None or not in_file(output_section):
            continue
        made = LINKER_MADE.match(line)
        if made:
            linker_made = "(linker: " + made.group(1).strip() + ")"
            if made.group(3):
                sizes[linker_made] += int(made.group(3), 16)
                linker_made = None
            continue
        continuation = CONTINUATION.match(line)
        if continuation and linker_made:
            sizes[linker_made] += int(continuation.group(2), 16)
            linker_made = None
            continue
        linker_made = None
        match = INPUT_SECTION.match(line)
        if match:
            size, source = int(match.group(3), 16), match.group(4)
            if size and not source.startswith("0x"):
                sizes[owner(source)] += size

total = sum(sizes.values())
print("| library or module | bytes | share |")
print("|---|---:|---:|")
shown = 0
for name, size in sorted(sizes.items(), key=lambda item: -item[1]):
    if size < 200_000:
        continue
    shown += size
    print(f"| {name} | {size:,} | {100 * size / total:.1f} % |")
print(f"| everything else ({sum(1 for s in sizes.values() if s < 200_000)} libraries and modules) | {total - shown:,} | {100 * (total - shown) / total:.1f} % |")
print(f"| **loaded sections, total** | **{total:,}** | |")
if stripped:
    print(f"| stripped binary ({stripped}) | {os.path.getsize(stripped):,} | |")
