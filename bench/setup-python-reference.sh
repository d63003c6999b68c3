#!/usr/bin/env bash
# Installs the Python peers the benches compare against into Debian's /usr/bin/python3 (not the pyenv python3 on
# PATH): python3-optuna and python3-xgboost from apt, plus python3-sklearn, python3-numpy, python3-pandas and
# python3-threadpoolctl, which the bench scripts (bench/scripts/suite_peers.py among them) also import. Bench prerequisites only: CI does not run this. Does nothing when everything already imports.
# Usage: bench/setup-python-reference.sh   (as root, or with sudo available)
set -euo pipefail

PYTHON=/usr/bin/python3
# module to import -> Debian package that provides it
declare -A PACKAGES=([optuna]=python3-optuna [xgboost]=python3-xgboost [sklearn]=python3-sklearn [numpy]=python3-numpy
  [pandas]=python3-pandas [threadpoolctl]=python3-threadpoolctl)

missing=()
for module in "${!PACKAGES[@]}"; do
  if ! "$PYTHON" -c "import $module" 2>/dev/null; then missing+=("${PACKAGES[$module]}"); fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-python-reference: $PYTHON already imports ${!PACKAGES[*]}; nothing to install."
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then run=(); elif command -v sudo >/dev/null; then run=(sudo); else
  echo "setup-python-reference: need root (or sudo) to apt-get install ${missing[*]}." >&2
  exit 1
fi

echo "setup-python-reference: installing ${missing[*]}"
"${run[@]}" apt-get update
DEBIAN_FRONTEND=noninteractive "${run[@]}" apt-get install -y --no-install-recommends "${missing[@]}"

"$PYTHON" -c "import optuna, xgboost, sklearn; print('setup-python-reference: optuna', optuna.__version__, '/ xgboost', xgboost.__version__, '/ sklearn', sklearn.__version__)"
