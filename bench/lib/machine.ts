import { execFileSync } from 'node:child_process';
import os from 'node:os';

export interface MachineInfo {
  cores: number;
  memory: string;
  cpu: string;
  node: string;
  loadAverage: number[];
}

export function machineInfo(): MachineInfo {
  let memory = `${Math.round(os.totalmem() / 2 ** 30)} GiB`;
  try {
    const line = execFileSync('free', ['-h'], { encoding: 'utf8' })
      .split('\n')
      .find((l) => l.startsWith('Mem:'));
    if (line) memory = line.split(/\s+/)[1]!;
  } catch {
    // `free` missing: the total from Node is enough.
  }
  return {
    cores: os.availableParallelism(),
    memory,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
