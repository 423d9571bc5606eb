#!/usr/bin/env bash
# Runs every shipped adapter with the default seed and runs, then writes the conformance matrix into README.md
# from those reports and the baselines (convkit matrix). Reports go to reports/ (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p reports
convkit() { node --import tsx src/cli/main.ts "$@"; }

run() { # name, adapter spec
  convkit run --adapter "$2" --json "reports/$1.json" >/dev/null || true # failures are expected; the baseline explains them
}

run reference reference
run tfjs tfjs
run onnxruntime onnxruntime
run onnxruntime-float64 onnxruntime:float64
CONVKIT_PYTHON="${CONVKIT_PYTHON:-/usr/bin/python3}" run pytorch pytorch

convkit matrix \
  reference=reports/reference.json \
  tfjs=reports/tfjs.json,baselines/tfjs.json \
  onnxruntime=reports/onnxruntime.json,baselines/onnxruntime.json \
  onnxruntime-float64=reports/onnxruntime-float64.json,baselines/onnxruntime-float64.json \
  pytorch=reports/pytorch.json,baselines/pytorch.json \
  --readme README.md
