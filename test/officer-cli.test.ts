// `arrears officer add|list|remove`: the officer registry on the command line, through commander —
// mounted on a root program as src/cli.ts mounts it (in-process, every case), and the real
// `bin/arrears.js` in child processes (the wiring, a good and a bad add).
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Command, CommanderError } from "commander";
import { afterAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { officerCommand } from "../src/officers/cli.js";
import { OfficerRegistry } from "../src/officers/registry.js";

const dir = mkdtempSync(join(tmpdir(), "officer-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const openApp = (dbFile: string) => (): App => createApp(loadConfig({ DATABASE_URL: dbFile }, join(dir, "none.env")));

/** The rows of the officers table, read through a separate connection. */
function officersIn(dbFile: string) {
  const app = openApp(dbFile)();
  try {
    return new OfficerRegistry(app.store.db, app.gazetteer).list().map((r) => [r.slackUserId, r.divisionCode, r.role]);
  } finally {
    app.close();
  }
}

/** A root program with `officer` mounted, errors thrown instead of exiting, output captured. */
function program(dbFile: string) {
  const out: string[] = [];
  const err: string[] = [];
  const root = new Command("arrears");
  root.addCommand(officerCommand(openApp(dbFile), (line) => out.push(line)));
  const quiet = (command: Command) => {
    command.exitOverride();
    command.configureOutput({ writeOut: (s) => out.push(s), writeErr: (s) => err.push(s) });
    command.commands.forEach(quiet);
  };
  quiet(root);
  const run = async (...args: string[]) => root.parseAsync(["officer", ...args], { from: "user" });
  return { out, err, run };
}

describe("arrears officer (commander, in process)", () => {
  it("adds, lists and removes an officer", async () => {
    const db = join(dir, "inproc.db");
    const cli = program(db);
    await cli.run("list");
    expect(cli.out).toEqual(["（还没有登记办案人员）"]);

    await cli.run("add", "--slack-user", "U012ABCDEF", "--division", "410702", "--role", "officer");
    expect(cli.out.at(-1)).toBe("U012ABCDEF  410702 河南省新乡市红旗区  办案人员");
    await cli.run("add", "--slack-user", "U0LEADER01", "--division", "410700", "--role", "leader");
    expect(officersIn(db)).toEqual([
      ["U0LEADER01", "410700", "leader"],
      ["U012ABCDEF", "410702", "officer"],
    ]);

    // Added again without a role: a leader stays a leader, and is told so; a role given changes, and says so.
    await cli.run("add", "--slack-user", "U0LEADER01", "--division", "410700");
    expect(cli.out.at(-1)).toBe("已经登记过，角色不变：领导");
    await cli.run("add", "--slack-user", "U012ABCDEF", "--division", "410702", "--role", "leader");
    expect(cli.out.at(-1)).toBe("角色已改：办案人员 → 领导");
    await cli.run("add", "--slack-user", "U012ABCDEF", "--division", "410702", "--role", "officer");
    expect(cli.out.at(-1)).toBe("角色已改：领导 → 办案人员");

    cli.out.length = 0;
    await cli.run("list");
    expect(cli.out).toEqual(["U0LEADER01  410700 河南省新乡市  领导", "U012ABCDEF  410702 河南省新乡市红旗区  办案人员"]);

    await cli.run("remove", "--slack-user", "U012ABCDEF");
    expect(cli.out.at(-1)).toBe("已删除 U012ABCDEF 的 1 条登记。");
    // A mistyped ID removes nothing, and says so with an error (a script notices).
    await expect(cli.run("remove", "--slack-user", "U0NOBODY99")).rejects.toBeInstanceOf(CommanderError);
    expect(cli.err.join("")).toContain("U0NOBODY99 没有登记，没有删除任何记录。");
    cli.out.length = 0;
    await cli.run("list");
    expect(cli.out.join("\n")).not.toContain("U012ABCDEF");
    expect(officersIn(db)).toEqual([["U0LEADER01", "410700", "leader"]]);
  });

  it("rejects a bad role, a malformed or unknown division code and a bad user ID with a clear message, writing nothing", async () => {
    const db = join(dir, "bad.db");
    const cli = program(db);
    const rejected = async (args: string[], message: string) => {
      cli.err.length = 0;
      const error = await cli.run(...args).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CommanderError);
      expect((error as CommanderError).exitCode).toBe(1);
      expect(cli.err.join("")).toContain(message);
    };
    await rejected(["add", "--slack-user", "U012ABCDEF", "--division", "410702", "--role", "boss"], "Allowed choices are officer, leader");
    await rejected(["add", "--slack-user", "U012ABCDEF", "--division", "4107"], "要写六位地区代码");
    await rejected(["add", "--slack-user", "U012ABCDEF", "--division", "999999"], "没有这个地区代码：999999");
    await rejected(["add", "--slack-user", "someone", "--division", "410702"], "要写 Slack 用户 ID");
    expect(officersIn(db)).toEqual([]);
  });
});

describe("arrears officer (the real bin/arrears.js)", () => {
  const run = promisify(execFile);
  const cli = (dbFile: string, args: string[]) =>
    run(process.execPath, ["bin/arrears.js", "officer", ...args], {
      env: { ...process.env, DATABASE_URL: dbFile, LOG_LEVEL: "silent" },
      encoding: "utf8",
      timeout: 60_000,
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? -1, stdout: error.stdout ?? "", stderr: error.stderr ?? "" }),
    );

  it("adds an officer, and refuses a bad role and an unknown division with exit code 1 and nothing written", async () => {
    const good = join(dir, "bin-good.db");
    const bad = join(dir, "bin-bad.db");
    // Child processes in parallel: each pays the start-up of the whole CLI.
    const [added, badRole, badDivision] = await Promise.all([
      cli(good, ["add", "--slack-user", "U012ABCDEF", "--division", "410702", "--role", "officer"]),
      cli(bad, ["add", "--slack-user", "U012ABCDEF", "--division", "410702", "--role", "boss"]),
      cli(bad, ["add", "--slack-user", "U012ABCDEF", "--division", "999999", "--role", "officer"]),
    ]);
    expect(added).toMatchObject({ code: 0 });
    expect(added.stdout).toContain("U012ABCDEF  410702 河南省新乡市红旗区  办案人员");
    expect(officersIn(good)).toEqual([["U012ABCDEF", "410702", "officer"]]);

    expect(badRole.code).toBe(1);
    // Commander's English is the officers' language through the real CLI.
    expect(badRole.stderr).toContain("选项 --role 的值「boss」不对。可以写：officer, leader。");
    expect(badRole.stderr).not.toContain("error:");
    expect(badDivision.code).toBe(1);
    expect(badDivision.stderr).toContain("没有这个地区代码：999999");
    expect(officersIn(bad)).toEqual([]);
  });
});
