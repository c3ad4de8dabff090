// Report periods: whole local days in the jurisdiction's time zone, [from, to) in epoch ms.
import { endOfLocalDay } from "../cases/deadlines.js";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date the report cannot use; `key` and `params` name the message in the reports namespace. */
export class BadDateError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string> = {},
  ) {
    super(`${key} ${JSON.stringify(params)}`);
  }
}

function parts(date: string): [number, number, number] {
  const m = DATE.exec(date.trim());
  if (!m) throw new BadDateError("reports:cli.notADate", { date });
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) throw new BadDateError("reports:cli.noSuchDay", { date });
  return [y, mo, d];
}

/** First millisecond of the local day `date` (YYYY-MM-DD). */
export function startOfLocalDate(date: string, timeZone: string): number {
  const [y, m, d] = parts(date);
  // Noon UTC of the day before lies on the day before in every zone within ±12 h.
  return endOfLocalDay(Date.UTC(y, m - 1, d - 1, 12), timeZone) + 1;
}

/** The period from the start of `from` to the end of `to`, both local days, as [start, end). */
export function localPeriod(from: string, to: string, timeZone: string): { from: number; to: number } {
  const start = startOfLocalDate(from, timeZone);
  const [y, m, d] = parts(to);
  const end = endOfLocalDay(Date.UTC(y, m - 1, d, 12), timeZone) + 1;
  if (end <= start) throw new BadDateError("reports:cli.toBeforeFrom", { from, to });
  return { from: start, to: end };
}

/** "2026-11-23" in the zone. */
export function localDateString(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(at));
}

/** Jurisdiction codes under a division: "410000" → "41", "410700" → "4107", "410702" → "410702". */
export function divisionPrefix(code: string): string {
  if (code.endsWith("0000")) return code.slice(0, 2);
  if (code.endsWith("00")) return code.slice(0, 4);
  return code;
}

/** "2026-11-23 10:00" in the zone. */
export function localDateTimeString(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).format(new Date(at));
}

/** "2026-11-23T10:00:00+08:00": the instant as a local date-time with the zone's offset then. */
export function localIsoString(at: number, timeZone: string): string {
  const fields = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(new Date(at))
      .map((part) => [part.type, part.value]),
  ) as Record<string, string>;
  const local = `${fields.year}-${fields.month}-${fields.day}T${fields.hour}:${fields.minute}:${fields.second}`;
  const offsetMinutes = Math.round((Date.parse(`${local}Z`) - (at - (at % 1000))) / 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
