#!/usr/bin/env bash
# Installs the Python peers the benches compare against into Debian's /usr/bin/python3 (not the pyenv python3 on
# PATH): python3-optuna and python3-xgboost from apt, plus python3-sklearn, python3-numpy, python3-pandas and
# python3-threadpoolctl, which the bench scripts (bench/scripts/suite_peers.py among them) also import, and
# python3-torch for mlp-train. It also installs libopenblas0-pthread: Debian's alternatives then point libblas.so.3
# at OpenBLAS, so numpy and torch (sgemm, mlp-train) run an optimized, threaded BLAS instead of the reference one.
# Bench prerequisites only: CI does not run this. Does nothing when everything already imports and OpenBLAS is installed.
# Usage: bench/setup-python-reference.sh   (as root, or with sudo available)
set -euo pipefail

PYTHON=/usr/bin/python3
# module to import -> Debian package that provides it
declare -A PACKAGES=([optuna]=python3-optuna [xgboost]=python3-xgboost [sklearn]=python3-sklearn [numpy]=python3-numpy
  [pandas]=python3-pandas [threadpoolctl]=python3-threadpoolctl [torch]=python3-torch)
OPENBLAS=libopenblas0-pthread

missing=()
for module in "${!PACKAGES[@]}"; do
  if ! "$PYTHON" -c "import $module" 2>/dev/null; then missing+=("${PACKAGES[$module]}"); fi
done
if ! dpkg-query -W -f='${Status}' "$OPENBLAS" 2>/dev/null | grep -q "install ok installed"; then missing+=("$OPENBLAS"); fi

# What libblas.so.3 resolves to: the reference BLAS lives in .../blas/, OpenBLAS in .../openblas-pthread/.
blas() { readlink -f "$(ldconfig -p | awk '$1 == "libblas.so.3" { print $NF; exit }')"; }

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-python-reference: $PYTHON already imports ${!PACKAGES[*]} and $OPENBLAS is installed (libblas.so.3 -> $(blas)); nothing to install."
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then run=(); elif command -v sudo >/dev/null; then run=(sudo); else
  echo "setup-python-reference: need root (or sudo) to apt-get install ${missing[*]}." >&2
  exit 1
fi

echo "setup-python-reference: installing ${missing[*]}"
"${run[@]}" apt-get update
DEBIAN_FRONTEND=noninteractive "${run[@]}" apt-get install -y --no-install-recommends "${missing[@]}"

"$PYTHON" -c "import optuna, xgboost, sklearn, torch; print('setup-python-reference: optuna', optuna.__version__, '/ xgboost', xgboost.__version__, '/ sklearn', sklearn.__version__, '/ torch', torch.__version__)"
echo "setup-python-reference: libblas.so.3 -> $(blas)"
case "$(blas)" in
  *openblas*) ;;
  *) echo "setup-python-reference: libblas.so.3 is not OpenBLAS; the alternative may be in manual mode (update-alternatives --display libblas.so.3-x86_64-linux-gnu, or that name for your architecture)." >&2 ;;
esac
