#!/usr/bin/env bash
# A new user's first steps, on the packed tarball, in a fresh temporary project (needs the npm registry):
#   1. `npm i <tarball>` installs no ML library: prints the size of node_modules;
#   2. after `npm i @tensorflow/tfjs-core @tensorflow/tfjs-backend-wasm`, `npx convkit run --adapter tfjs:wasm` runs;
#   3. a failing describeConformance test in the user's own vitest run shows grids, and its stack trace
#      points into node_modules/convkit's shipped files.
# Usage: bash scripts/fresh-install.sh   (about a minute; not part of npm test)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
dir="$(mktemp -d -t convkit-fresh-XXXXXX)"
cd "$dir"
tarball="$(cd "$repo" && npm pack --silent --pack-destination "$dir" 2>/dev/null | tail -1)"
npm init -y >/dev/null
npm i --silent "./$tarball" >/dev/null 2>&1
echo "installed: node_modules $(du -sh node_modules | cut -f1)"
ml="$(ls node_modules/@tensorflow node_modules/onnxruntime-node 2>/dev/null || true)"
[ -z "$ml" ] && echo "no ML library installed" || { echo "FAIL: ML libraries installed: $ml"; exit 1; }

npm i --silent @tensorflow/tfjs-core @tensorflow/tfjs-backend-wasm >/dev/null 2>&1
echo "with tfjs-core and tfjs-backend-wasm: node_modules $(du -sh node_modules | cut -f1)"
set +e
npx convkit run --adapter tfjs:wasm >run.log 2>&1
status=$?
set -e
tail -1 run.log
grep -q "wasm backend" run.log || { echo "FAIL: tfjs:wasm did not run (exit $status)"; cat run.log | tail -20; exit 1; }

npm i --silent vitest >/dev/null 2>&1
mkdir -p test
cat > test/conformance.test.mjs <<'JS'
import { describeConformance } from 'convkit/vitest';
const swapped = { name: 'swapped-bias', dtype: 'float64', corr2d: (x, k) => ({ shape: [x.shape[0] - k.shape[0] + 1, x.shape[1] - k.shape[1] + 1], data: new Array((x.shape[0] - k.shape[0] + 1) * (x.shape[1] - k.shape[1] + 1)).fill(1) }) };
describeConformance(swapped, { only: 'corr2d.definition', runs: 10 });
JS
set +e
npx vitest run >vitest.log 2>&1
set -e
grep -q "node_modules/convkit/src/" vitest.log && echo "stack trace points into node_modules/convkit/src/" || echo "FAIL: no stack frame in node_modules/convkit/src/"
grep -q "counterexample" vitest.log && echo "the vitest failure shows the counterexample grids" || echo "FAIL: no grids in the vitest failure"
echo "project left in $dir"
