#!/usr/bin/env bash
# Runs every shipped adapter, then writes the conformance matrix into README.md from those reports and the baselines
# (convkit matrix). Reports go to reports/ (not committed).
#
#   npm run matrix                 every column, each run afresh
#   npm run matrix -- --reuse      a column whose report is already in reports/ is taken as it is; only the
#                                  missing ones run (delete reports/<name>.json to redo one)
#
# The Node libraries run with the default seed, runs and scale. The web backends run with their CI gates' settings
# (test/adapters-real/webGates.json: --scale small, few fresh cases per property, one job) on a copy of their
# baseline and corpus, so each baseline entry's counterexample is replayed as in the gate and nothing is written
# into baselines/.
set -euo pipefail
cd "$(dirname "$0")/.."
reuse=false
for arg in "$@"; do
  case "$arg" in
    --reuse) reuse=true ;;
    *) echo "matrix.sh: unknown argument $arg (expected --reuse)" >&2; exit 2 ;;
  esac
done
mkdir -p reports
convkit() { node --import tsx src/cli/main.ts "$@"; }
fresh() { [ "$reuse" = false ] || [ ! -s "reports/$1.json" ]; }

run() { # name, adapter spec
  fresh "$1" || { echo "matrix: reusing reports/$1.json"; return 0; }
  echo "matrix: running $2"
  convkit run --adapter "$2" --json "reports/$1.json" >/dev/null || true # failures are expected; the baseline explains them
}

run reference reference
run tfjs tfjs
run onnxruntime onnxruntime
run onnxruntime-float64 onnxruntime:float64
CONVKIT_PYTHON="${CONVKIT_PYTHON:-/usr/bin/python3}" run pytorch pytorch

columns=(
  reference=reports/reference.json
  tfjs=reports/tfjs.json,baselines/tfjs.json
  onnxruntime=reports/onnxruntime.json,baselines/onnxruntime.json
  onnxruntime-float64=reports/onnxruntime-float64.json,baselines/onnxruntime-float64.json
  pytorch=reports/pytorch.json,baselines/pytorch.json
)

# name <TAB> adapter <TAB> runs, from the gates' table.
web_gates="$(node -e '
  const { gates } = JSON.parse(require("fs").readFileSync("test/adapters-real/webGates.json", "utf8"));
  for (const g of gates) console.log([g.name, g.adapter, g.runs].join("\t"));
')"
while IFS=$'\t' read -r name adapter runs; do
  columns+=("$name=reports/$name.json,baselines/$name.json")
  fresh "$name" || { echo "matrix: reusing reports/$name.json"; continue; }
  echo "matrix: running $adapter"
  dir="$(mktemp -d -t convkit-matrix-XXXXXX)"
  cp "baselines/$name.json" "$dir/"
  [ ! -f "baselines/$name.corpus.json" ] || cp "baselines/$name.corpus.json" "$dir/"
  convkit run --adapter "$adapter" --scale small --runs "$runs" --jobs 1 --timeout 30000 --no-diagnose --baseline "$dir/$name.json" --json "reports/$name.json" >/dev/null || true
  rm -rf "$dir"
done <<< "$web_gates"

convkit matrix "${columns[@]}" --readme README.md
