// Reads a YAML (or JSON, which is YAML too) configuration file and validates it, so that a bad file
// stops the process at start with the file and the field named, not later in front of a worker.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { z } from "zod";

export class ConfigFileError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = "ConfigFileError";
  }
}

export function readConfigFile<S extends z.ZodType>(file: string, schema: S, what: string): z.infer<S> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ConfigFileError(file, `cannot read the ${what} file (${(error as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new ConfigFileError(file, `the ${what} file is not valid YAML/JSON (${(error as Error).message})`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => {
      const field = issue.path.length === 0 ? "(top level)" : issue.path.map(String).join(".");
      return `field "${field}": ${issue.message}`;
    });
    throw new ConfigFileError(file, `invalid ${what} file: ${issues.join("; ")}`);
  }
  return result.data;
}
