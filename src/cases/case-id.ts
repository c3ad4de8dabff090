// Case IDs (案件编号) a worker can read aloud and type on a phone keypad.
// 8 random characters from an alphabet without look-alikes (no 0/O, 1/I/L, U), then one check
// character (Luhn mod N; N = 30 must be even for its doubling step to be one-to-one), shown as three groups of three: "K7Q-M3P-9RX".
// 8 characters of 30 give about 39 bits: one ID tells nothing about the others, and guessing a
// live ID is hopeless — and a case is shown only to those entitled to it anyway.
import { randomInt } from "node:crypto";

export const CASE_ID_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
const BASE = CASE_ID_ALPHABET.length;
const RANDOM_LENGTH = 8;

function checkCharacter(payload: string): string {
  // Luhn mod N: catches every single-character substitution and most adjacent swaps.
  let factor = 2;
  let sum = 0;
  for (let i = payload.length - 1; i >= 0; i--) {
    const codePoint = CASE_ID_ALPHABET.indexOf(payload[i] as string);
    let addend = factor * codePoint;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / BASE) + (addend % BASE);
    sum += addend;
  }
  return CASE_ID_ALPHABET[(BASE - (sum % BASE)) % BASE] as string;
}

export function newCaseId(): string {
  let payload = "";
  for (let i = 0; i < RANDOM_LENGTH; i++) payload += CASE_ID_ALPHABET[randomInt(BASE)];
  return payload + checkCharacter(payload);
}

/** "K7QM3P9RX" → "K7Q-M3P-9RX" for display. */
export function formatCaseId(id: string): string {
  return `${id.slice(0, 3)}-${id.slice(3, 6)}-${id.slice(6)}`;
}

export type CaseIdParse =
  | { kind: "valid"; id: string }
  | { kind: "mistyped"; id: string } // right shape, wrong check character
  | { kind: "malformed" };

/** Tolerates lower case, spaces, dashes and full-width characters. */
export function parseCaseId(input: string): CaseIdParse {
  const compact = input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\-_.·—–]/g, "");
  if (compact.length !== RANDOM_LENGTH + 1) return { kind: "malformed" };
  for (const char of compact) if (!CASE_ID_ALPHABET.includes(char)) return { kind: "malformed" };
  const payload = compact.slice(0, RANDOM_LENGTH);
  return checkCharacter(payload) === compact.slice(RANDOM_LENGTH)
    ? { kind: "valid", id: compact }
    : { kind: "mistyped", id: compact };
}

/** Finds something shaped like a case ID in free text ("查询 K7Q-M3P-9RX"). */
export function findCaseIdIn(text: string): string | null {
  const candidates = [...text.normalize("NFKC").matchAll(/(?<![A-Za-z0-9])[A-Za-z0-9]{3}[\s-]?[A-Za-z0-9]{3}[\s-]?[A-Za-z0-9]{3}(?![A-Za-z0-9])/g)].map((m) => m[0]);
  // "what is the status of K7Q-M3P-9RX": English words ("the status") have the shape too; a valid ID,
  // else one with a digit, is the one meant.
  return candidates.find((c) => parseCaseId(c).kind === "valid") ?? candidates.find((c) => /\d/.test(c)) ?? candidates[0] ?? null;
}
