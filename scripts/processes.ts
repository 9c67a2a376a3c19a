import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
}

const COLOURS = ["\x1b[33m", "\x1b[36m", "\x1b[35m", "\x1b[32m"];

/**
 * Run several long-lived processes side by side with prefixed output. When one exits, or on
 * SIGINT/SIGTERM, the others are stopped and this process exits with the first failure's code.
 */
export function runTogether(specs: ProcessSpec[]): void {
  const children: ChildProcess[] = [];
  let stopping = false;
  const tty = process.stdout.isTTY;

  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
    setTimeout(() => process.exit(code), 3000).unref();
    let pending = children.filter((c) => c.exitCode === null).length;
    if (pending === 0) process.exit(code);
    for (const child of children)
      child.once("exit", () => {
        pending -= 1;
        if (pending <= 0) process.exit(code);
      });
  };

  specs.forEach((spec, i) => {
    const child = spawn(spec.command, spec.args, {
      env: { ...process.env, ...spec.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    const prefix = tty ? `${COLOURS[i % COLOURS.length]}[${spec.name}]\x1b[0m ` : `[${spec.name}] `;
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on("line", (line) => {
        // Children already prefix their own lines with [name]; avoid doubling it.
        const text = line.startsWith(`[${spec.name}] `) ? line.slice(spec.name.length + 3) : line;
        process.stdout.write(`${prefix}${text}\n`);
      });
    }
    child.on("exit", (code, signal) => {
      if (stopping) return;
      console.log(`${prefix}exited (${signal ?? String(code)})`);
      stopAll(code === 0 ? 0 : 1);
    });
  });

  process.on("SIGINT", () => stopAll(0));
  process.on("SIGTERM", () => stopAll(0));
}

export const tsxNode = (entry: string): Pick<ProcessSpec, "command" | "args"> => ({
  command: process.execPath,
  args: ["--import", "tsx", entry],
});
