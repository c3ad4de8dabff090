// The real CLI (bin/arrears.js) in a child process on a test's database.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { TestApp } from "./app.js";

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI on a test's database: exit code, stdout and stderr, never a throw. `env` adds settings. */
export const cliOn =
  (t: TestApp, env: Record<string, string> = {}) =>
  (...args: string[]): Promise<CliResult> =>
    run(process.execPath, ["bin/arrears.js", ...args], {
      env: { ...process.env, DATABASE_URL: t.dbFile, LOG_LEVEL: "silent", DEFAULT_LOCALE: "zh-CN", ...env },
      encoding: "utf8",
      timeout: 60_000,
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? -1, stdout: error.stdout ?? "", stderr: error.stderr ?? "" }),
    );
