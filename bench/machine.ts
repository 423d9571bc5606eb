/** The conditions of a run, recorded beside its figures: machine, load, Node and library versions, date. */
import os from 'node:os';

export interface Machine {
  readonly date: string;
  readonly node: string;
  readonly platform: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  /** os.loadavg() (1, 5, 15 minutes) when the run started and when it ended. */
  readonly loadStart: readonly number[];
  loadEnd?: readonly number[];
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadStart: os.loadavg().map((v) => Math.round(v * 100) / 100),
  };
}

export const loadNow = (): number[] => os.loadavg().map((v) => Math.round(v * 100) / 100);
