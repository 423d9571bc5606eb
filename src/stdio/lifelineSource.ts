/**
 * The small Node program that runs a `cmd:` adapter on the runner's behalf (`kit.protocol.lifeline`), kept as
 * plain JavaScript source like the worker's. The runner starts it in a new process group with a fourth pipe,
 * the lifeline, that it never writes; the program runs the adapter's shell command in the same group, with the
 * protocol's stdin, stdout and stderr passed straight through. When the lifeline closes — the runner ended in
 * any way, SIGKILL included — the program kills its whole process group, so no adapter (nor anything it started)
 * outlives the runner, even one stuck in a loop that never reads its stdin. When the command ends, the program
 * ends the same way (its exit code, or the same signal), so crash messages name what the adapter did.
 */
export const LIFELINE_SOURCE = String.raw`
'use strict';
const { spawn } = require('node:child_process');
const { Socket } = require('node:net');
const command = process.argv[1];
const killGroup = () => { try { process.kill(0, 'SIGKILL'); } catch { process.exit(137); } };
const lifeline = new Socket({ fd: 3, readable: true, writable: false });
lifeline.on('data', () => undefined);
lifeline.on('end', killGroup);
lifeline.on('error', killGroup);
lifeline.on('close', killGroup);
const child = spawn(command, { shell: true, stdio: 'inherit' });
child.on('error', (e) => { process.stderr.write('could not start the command: ' + e.message + '\n'); process.exit(127); });
child.on('exit', (code, signal) => {
  if (signal === null) process.exit(code === null ? 1 : code);
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
  setTimeout(() => process.exit(128), 100);
});
for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, () => undefined); // the adapter decides; the runner kills the group
`;
