/** Runs a TypeScript entry point of this repository in a child Node process (through tsx). */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from './paths';

export function spawnTs(entry: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot(), entry), ...args], {
    cwd: projectRoot(),
    stdio: 'inherit',
    ...options,
  });
}
