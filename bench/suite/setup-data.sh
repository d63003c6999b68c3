#!/usr/bin/env bash
# Installs R and the Debian R packages that hold the automl-suite data sets, then exports every set to CSV with its
# manifest (bench/suite/export-data.R). Bench prerequisite only: CI does not run this, and the CSV files are not
# committed. Usage: bench/suite/setup-data.sh [OUT_DIR]   (default .cache/suite-data; as root, or with sudo)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/../../.cache/suite-data}"
# r-cran-ggplot2 holds diamonds, one of the fresh sets (export-data.R OUT fresh).
packages=(r-base-core r-cran-mlbench r-cran-kernlab r-cran-modeldata r-cran-aer r-cran-cardata r-cran-dslabs r-cran-palmerpenguins r-cran-ggplot2)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then run=(); elif command -v sudo >/dev/null; then run=(sudo); else
    echo "setup-data: need root (or sudo) to apt-get install ${missing[*]}" >&2; exit 1
  fi
  echo "setup-data: installing ${missing[*]}"
  "${run[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${run[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
Rscript "$here/export-data.R" "$out"
