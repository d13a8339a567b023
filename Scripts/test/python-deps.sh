#!/usr/bin/env bash
# Makes sure python3 has the packages of Scripts/test/requirements.txt, installing them with pip
# when they are missing or too old: system-wide as root, with --user otherwise. When that is not
# possible the tests that need them are skipped, each saying what to install; this script never
# fails the build.
set -uo pipefail
cd "$(dirname "$0")/../.."
requirements=Scripts/test/requirements.txt

if ! command -v python3 >/dev/null 2>&1; then
	echo "python3 not found: the tests that read files back with networkx will be skipped"
	exit 0
fi
if python3 Scripts/test/check-requirements.py "$requirements" 2>/dev/null; then
	exit 0
fi
flags=(--quiet --disable-pip-version-check)
if [ "$(id -u)" != 0 ]; then flags+=(--user); fi
echo "Installing the Python test dependencies ($(grep -v '^#' "$requirements" | tr '\n' ' ')) with pip"
if ! python3 -m pip install "${flags[@]}" -r "$requirements"; then
	echo "pip could not install them: the tests that need them will be skipped"
	echo "  (install them by hand: python3 -m pip install -r $requirements)"
fi
exit 0
