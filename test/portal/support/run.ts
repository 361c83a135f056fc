/** Running the command-line tools under test: as a child process, or a command function in-process. */
import { spawn } from 'node:child_process';

export interface ProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `command args` in the repository (the current folder) with exactly `env`; collects its output. */
export function runProcess(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd: process.cwd() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `npm run motcua -- …` as a child process (what a person types), with `env` added to this one's. */
export function runMotcua(args: string[], env: Record<string, string>): Promise<ProcessRun> {
  return runProcess(process.execPath, ['--import', 'tsx', 'src-main/cli/motcua.ts', ...args], { ...process.env, ...env });
}

/** The shape of the `motcua` sub-commands (src-main/cli): arguments, environment, two line writers. */
export type Command = (args: string[], env: NodeJS.ProcessEnv, out: (l: string) => void, err: (l: string) => void) => Promise<number>;

/** Runs a sub-command in-process; its exit code and its lines, joined. */
export async function runCommand(command: Command, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command(args, env, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}
