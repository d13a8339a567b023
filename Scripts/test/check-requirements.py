"""Exits 0 when every requirement of the given requirements file is installed, 1 otherwise.

    check-requirements.py REQUIREMENTS [NAME...]

With names, only the requirements for those packages are checked (a test that needs DuckDB
asks for `duckdb` alone).

Prints the missing or too old ones on stderr. Used by `make test` (python-deps.sh) and by the
Swift tests that need Python packages, so that both agree on what "installed" means.
"""
import sys
from importlib import metadata

try:
    from packaging.requirements import Requirement
except ImportError:  # packaging is not everywhere; fall back to name>=version only
    Requirement = None


def parse(line):
    if Requirement is not None:
        req = Requirement(line)
        return req.name, req.specifier
    name, _, version = line.partition(">=")
    return name.strip(), version.strip()


def satisfied(name, spec):
    try:
        installed = metadata.version(name)
    except metadata.PackageNotFoundError:
        return False
    if Requirement is not None:
        return spec.contains(installed, prereleases=True)
    if not spec:
        return True
    as_tuple = lambda v: tuple(int(p) for p in v.split(".")[:3] if p.isdigit())
    return as_tuple(installed) >= as_tuple(spec)


only = {name.lower() for name in sys.argv[2:]}
missing = []
for raw in open(sys.argv[1], encoding="utf-8"):
    line = raw.split("#", 1)[0].strip()
    if not line or (only and parse(line)[0].lower() not in only):
        continue
    if not satisfied(*parse(line)):
        missing.append(line)
if missing:
    print("missing or too old: " + ", ".join(missing), file=sys.stderr)
    sys.exit(1)
