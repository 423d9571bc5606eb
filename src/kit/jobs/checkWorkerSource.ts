/**
 * The few lines a check worker thread is started with (eval'd, plain JavaScript): they import checkWorker —
 * through tsx when the kit runs from its TypeScript source, directly in the compiled package — which then
 * serves checks (the same start-up as the adapter workers of src/isolation/workerSource.ts).
 */
export const CHECK_WORKER_SOURCE = String.raw`
'use strict';
const { workerData } = require('node:worker_threads');
const { moduleUrl, tsxApiUrl } = workerData;
(async () => {
  if (/\.(mts|cts|ts|tsx)$/.test(new URL(moduleUrl).pathname)) {
    const { tsImport } = await import(tsxApiUrl);
    await tsImport(moduleUrl, moduleUrl);
  } else {
    await import(moduleUrl);
  }
})();
`;
