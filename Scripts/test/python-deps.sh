#!/usr/bin/env bash
# Makes sure the tests can import the packages of Scripts/test/requirements.txt. When python3
# lacks them (or has them too old), pip installs them into .build/python-test (pip --target:
# nothing outside the checkout changes, for root and ordinary users alike, and Debian's
# "externally managed" Python allows it); the tests put that folder on PYTHONPATH. When that is
# not possible either, the tests that need the packages are skipped, each saying what to
# install; this script never fails the build.
set -uo pipefail
cd "$(dirname "$0")/../.."
requirements=Scripts/test/requirements.txt
target=.build/python-test

if ! command -v python3 >/dev/null 2>&1; then
	echo "python3 not found: the tests that read files back with networkx will be skipped"
	exit 0
fi
if PYTHONPATH="$target${PYTHONPATH:+:$PYTHONPATH}" python3 Scripts/test/check-requirements.py "$requirements" 2>/dev/null; then
	exit 0
fi
echo "Installing the Python test dependencies ($(grep -v '^#' "$requirements" | tr '\n' ' ')) into $target with pip"
mkdir -p "$target"
if ! python3 -m pip install --quiet --disable-pip-version-check --upgrade --target "$target" -r "$requirements"; then
	echo "pip could not install them: the tests that need them will be skipped"
	echo "  (install them by hand: python3 -m pip install -r $requirements)"
fi
exit 0
