#!/usr/bin/env bash
# The Python package's test: builds the wheel with maturin into a virtual
# environment, installs it, and runs the pytest suite (python/tests), which
# compares the package's records with the release binary's.
#
#   bash python/ci.sh
#
# The virtual environment is $GAZEX_PY_VENV (default target/py-venv; kept
# between runs); maturin, pytest, pandas and pyarrow come from PyPI. The release
# binary is $GAZEX_BIN, or target/release/gazex, built if missing (the
# install test of .ci/run builds it first). Prints the time of each step.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${GAZEX_PY_VENV:-target/py-venv}
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
clear_devnull() {
    if [ ! -c /dev/null ] && [ -f /dev/null ] && [ -w /dev/null ]; then
        : >/dev/null
    fi
}

start=$(now)
t=$(now)
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q --disable-pip-version-check "maturin>=1.9,<2" "pytest>=7" pandas pyarrow
echo "   venv with maturin, pytest, pandas, pyarrow: $(since "$t") s"

t=$(now)
clear_devnull
if [ -z "${GAZEX_BIN:-}" ]; then
    cargo build --release --locked --quiet --bin gazex
    GAZEX_BIN=$PWD/target/release/gazex
fi
export GAZEX_BIN
echo "   gazex binary: $(since "$t") s"

t=$(now)
clear_devnull
rm -rf target/wheels
"$VENV/bin/maturin" build --release --locked --quiet -m python/Cargo.toml -i "$VENV/bin/python" -o target/wheels
"$VENV/bin/pip" install -q --disable-pip-version-check --force-reinstall --no-deps target/wheels/gazex-*.whl
echo "   wheel built and installed: $(since "$t") s"

t=$(now)
# From another folder, so that the installed package is the one imported.
(cd "$VENV" && "$PWD/bin/python" -m pytest -q -p no:cacheprovider "$OLDPWD/python/tests")
echo "   pytest: $(since "$t") s"
echo "   python/ci.sh: $(since "$start") s in all"
