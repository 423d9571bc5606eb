/** Option parsers shared by the commands: each names the flag and the rule in its error. */
import { InvalidArgumentError, type Command } from 'commander';
import { parseShard, type Shard } from '../kit/shard.js';

export function integerOption(flag: string, min: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${flag} must be an integer ≥ ${min}, got "${value}"`);
    return n;
  };
}

export function shardOption(value: string): Shard {
  try {
    return parseShard(value);
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
}

export const SEED_MIN = -(2 ** 31);

/** `--adapter` (required) and `--timeout`: how every command that runs an adapter loads it. */
export function withAdapterOptions(command: Command, adapterHelp: string): Command {
  return command
    .requiredOption('--adapter <spec>', adapterHelp)
    .option('--timeout <ms>', 'per-call time limit for an adapter running in a worker or child process', integerOption('--timeout', 1), 10_000);
}

