// Access codes let someone other than the filer (family, a lawyer, an officer on the phone) see a
// case: six digits given to the worker once; only a salted hash is stored.
import { createHash, randomInt, timingSafeEqual } from "node:crypto";

export function newAccessCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

export function hashAccessCode(caseId: string, code: string): string {
  return createHash("sha256").update(`${caseId}:${code}`).digest("hex");
}

export function accessCodeMatches(caseId: string, code: string, storedHash: string): boolean {
  const given = Buffer.from(hashAccessCode(caseId, code), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}
