#!/usr/bin/env python3
"""Reruns the README's transcripts (fenced blocks with `$ diplograph ...` lines) and writes
what each command prints now under it, as Tests/DiploGraphCLITests/ReadmeTests checks.

Usage: Scripts/readme-transcripts.py [--check]   (needs a debug build: swift build)
Run it after changing the data or the tool's output, then read the diff: the README's prose
around the transcripts must still say what they show.
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

root = pathlib.Path(__file__).resolve().parent.parent
readme = root / "README.md"
binary = subprocess.run(["swift", "build", "--show-bin-path"], cwd=root, capture_output=True, text=True, check=True).stdout.strip()
check = "--check" in sys.argv

lines = readme.read_text(encoding="utf-8").split("\n")
out, i, changed = [], 0, False
scratch = pathlib.Path(tempfile.mkdtemp(prefix="readme-"))
work = scratch / "repository"
work.mkdir()
for name in ("graphs", "Tests"):
    (work / name).symlink_to(root / name)
# `../shared` (the article beside the repository) resolves as it does beside the repository.
if (root.parent / "shared").exists():
    (scratch / "shared").symlink_to(root.parent / "shared")
env = dict(os.environ, PATH=binary + os.pathsep + os.environ.get("PATH", ""), COLUMNS="100")
in_block = False
language = ""
while i < len(lines):
    line = lines[i]
    if line.startswith("```"):
        in_block = not in_block
        language = line[3:].strip() if in_block else ""
        out.append(line)
        i += 1
        continue
    if in_block and language in ("", "sh") and line.startswith("$ "):
        command = [line]
        while command[-1].endswith("\\") and i + 1 < len(lines):
            i += 1
            command.append(lines[i])
        out.extend(command)
        i += 1
        old = []
        while i < len(lines) and not lines[i].startswith("$ ") and not lines[i].startswith("```"):
            old.append(lines[i])
            i += 1
        text = " ".join(c.strip().rstrip("\\") for c in command)[2:]
        result = subprocess.run(["/bin/sh", "-e", "-c", text], cwd=work, env=env, capture_output=True, text=True)
        printed = (result.stdout + result.stderr).rstrip("\n")
        new = [re.sub(r"\s+$", "", l) for l in printed.split("\n")] if printed else []
        if result.returncode != 0:
            print(f"README: `{text}` exited {result.returncode}:\n{printed}", file=sys.stderr)
        if new != [re.sub(r"\s+$", "", l) for l in old if l.strip()] and old != new:
            changed = True
        out.extend(new)
        continue
    out.append(line)
    i += 1
shutil.rmtree(scratch)
if check:
    sys.exit(1 if changed else 0)
readme.write_text("\n".join(out), encoding="utf-8")
print("README transcripts " + ("updated" if changed else "unchanged"))
