#!/usr/bin/env bash
# Runs QingCloud's official Python SDK against `qcimages simulate` and compares it with `qcimages list`.
# Usage: Tests/Interop/run.sh PATH_TO_QCIMAGES [VENV_DIR]
# The venv (default: a throwaway one) gets qingcloud-sdk from PyPI.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
venv=${2:-}
if [[ -z "$venv" ]]; then
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"' EXIT
    venv="$scratch/venv"
fi
if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -c "import qingcloud.iaas" 2>/dev/null || "$venv/bin/pip" install --quiet --disable-pip-version-check qingcloud-sdk setuptools
"$venv/bin/python" "$here/sdk_interop.py" "$binary"
