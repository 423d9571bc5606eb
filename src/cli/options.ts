/** Option parsers shared by the commands: each names the flag and the rule in its error. */
import { InvalidArgumentError, type Command } from 'commander';
import { parseShard, type Shard } from '../kit/shard.js';
import { isScale, SCALES, type Scale } from '../shape/scale.js';
import { isValuesMode, VALUES_MODES, type ValuesMode } from '../check/valuesMode.js';

/** An integer in [min, max]; a number past 2^53 (which Number would round) is out of range, not rounded. */
export function integerOption(flag: string, min: number, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `in ${min} … ${max}`;
      throw new InvalidArgumentError(`${flag} must be an integer ${range}, got "${value}"`);
    }
    return n;
  };
}

/** `--scale`: how large generated cases get (`shape.scale`). */
export function scaleOption(value: string): Scale {
  if (!isScale(value)) throw new InvalidArgumentError(`--scale must be one of ${SCALES.join(', ')}, got "${value}"`);
  return value;
}

/** `--values`: what values the cases carry (`num.values.exact`). */
export function valuesOption(value: string): ValuesMode {
  if (!isValuesMode(value)) throw new InvalidArgumentError(`--values must be one of ${VALUES_MODES.join(', ')}, got "${value}"`);
  return value;
}

export function shardOption(value: string): Shard {
  try {
    return parseShard(value);
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
}

/** Seeds are signed 32-bit integers (the property seed mixes them as int32): a larger one would alias another. */
export const SEED_MIN = -(2 ** 31);
export const SEED_MAX = 2 ** 31 - 1;
/** setTimeout's limit: a larger delay fires after 1 ms. */
export const TIMEOUT_MAX = 2 ** 31 - 1;

/** `--adapter` (required) and `--timeout`: how every command that runs an adapter loads it. */
export function withAdapterOptions(command: Command, adapterHelp: string): Command {
  return command
    .requiredOption('--adapter <spec>', adapterHelp)
    .option('--timeout <ms>', 'per-call time limit for an adapter running in a worker, child process or page', integerOption('--timeout', 1, TIMEOUT_MAX), 10_000)
    .option('--browser-path <file>', 'Chromium for a page:<module> adapter (default: CONVKIT_CHROMIUM, else chromium on PATH)');
}

/** loadAdapter's options from the flags withAdapterOptions adds. */
export function adapterLoadOptions(flags: { timeout: number; browserPath?: string }): { timeoutMs: number; browserPath?: string } {
  return { timeoutMs: flags.timeout, ...(flags.browserPath !== undefined ? { browserPath: flags.browserPath } : {}) };
}

