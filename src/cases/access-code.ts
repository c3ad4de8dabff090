// Access codes let someone other than the filer (family, a lawyer, an officer on the phone) see a
// case: six digits given to the worker once; only a salted hash is stored.
import * as crypto from "node:crypto";
import { createHash, randomInt, timingSafeEqual } from "node:crypto";

export function newAccessCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

// The one-shot crypto.hash (Node 20.12+) is twice as fast as a Hash object; older Node 20 lacks it.
const oneShotHash: typeof crypto.hash | undefined = (crypto as Partial<typeof crypto>).hash;

export function hashAccessCode(caseId: string, code: string): string {
  const text = `${caseId}:${code}`;
  return oneShotHash ? oneShotHash("sha256", text, "hex") : createHash("sha256").update(text).digest("hex");
}

export function accessCodeMatches(caseId: string, code: string, storedHash: string): boolean {
  const given = Buffer.from(hashAccessCode(caseId, code), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}
