#!/usr/bin/env node
/**
 * The convkit command line; each command lives in commands/. Exit codes: 0 every non-skipped check passed
 * (or failed only as the baseline expects), 1 failures, 2 usage or adapter-load errors.
 */
import { Command, CommanderError } from 'commander';
import { registerCatalogueCommands } from './commands/catalogueCommands.js';
import { registerMatrix } from './commands/matrixCommand.js';
import { registerReplay } from './commands/replayCommand.js';
import { registerRun } from './commands/runCommand.js';
import { UsageError } from './loadAdapter.js';

const program = new Command('convkit')
  .description('Conformance kit for 2-D convolution, padding, stride, pooling and their gradients')
  .exitOverride()
  .showHelpAfterError();

registerRun(program);
registerReplay(program);
registerCatalogueCommands(program);
registerMatrix(program);
for (const command of program.commands) command.exitOverride();

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else if (e instanceof UsageError) {
    console.error(`convkit: ${e.message}`);
    process.exitCode = 2;
  } else {
    console.error('convkit: internal error:', e);
    process.exitCode = 2;
  }
}
