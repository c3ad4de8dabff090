// The hand-written empty states must stay what the schemas would make of {}: a field added to a schema
// with a default and forgotten here would otherwise be missing from every new draft or session.
import { describe, expect, it } from "vitest";
import { emptyFacts, factsSchema } from "../src/dialogs/facts.js";
import { emptySession, sessionSchema } from "../src/dialogs/session.js";

describe("empty facts and sessions", () => {
  it("emptyFacts equals the facts schema's defaults", () => {
    expect(emptyFacts()).toStrictEqual(factsSchema.parse({}));
  });

  it("emptySession equals the session schema's defaults and passes the schema", () => {
    expect(emptySession()).toStrictEqual(sessionSchema.parse({}));
    expect(sessionSchema.safeParse(emptySession()).success).toBe(true);
  });

  it("hands out a fresh object each time (drafts are changed in place)", () => {
    const first = emptySession();
    first.unlockedCaseIds.push("X");
    expect(emptySession().unlockedCaseIds).toEqual([]);
    const facts = emptyFacts();
    facts.project = "凤凰城";
    expect(emptyFacts().project).toBeNull();
  });
});
