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

# The web backends run with their gates' settings (test/adapters-real/webGates.test.ts), which their baselines
# were written with: scale small, fewer cases in a page, one job (each job would open its own Chromium page).
web() { # name, adapter spec, runs
  convkit run --adapter "$2" --scale small --runs "$3" --jobs 1 --json "reports/$1.json" >/dev/null || true
}
web onnxruntime-web-wasm onnxruntime-web:wasm 100
web tfjs-webgpu page:tfjs:webgpu 10

convkit matrix \
  reference=reports/reference.json \
  tfjs=reports/tfjs.json,baselines/tfjs.json \
  onnxruntime=reports/onnxruntime.json,baselines/onnxruntime.json \
  onnxruntime-float64=reports/onnxruntime-float64.json,baselines/onnxruntime-float64.json \
  pytorch=reports/pytorch.json,baselines/pytorch.json \
  onnxruntime-web-wasm=reports/onnxruntime-web-wasm.json,baselines/onnxruntime-web-wasm.json \
  tfjs-webgpu=reports/tfjs-webgpu.json,baselines/tfjs-webgpu.json \
  --readme README.md
