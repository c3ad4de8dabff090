// Working-day deadlines in the jurisdiction's time zone (工作日), with configurable holidays.

export interface WorkingCalendar {
  timeZone: string;
  /** YYYY-MM-DD dates that are not working days. */
  holidays: ReadonlySet<string>;
  /** Weekend dates worked instead (调休): working days. */
  workdays?: ReadonlySet<string>;
}

const weekdayFormatters = new Map<string, Intl.DateTimeFormat>();

const localPartsCache = new Map<string, { date: string; weekday: string }>();

/** The local date and weekday of an instant, cached per zone and local day. */
function localParts(at: number, timeZone: string): { date: string; weekday: string } {
  const day = Math.floor((at + zoneOffset(at, timeZone)) / 86_400_000);
  const cacheKey = `${timeZone}|${day}`;
  let parts = localPartsCache.get(cacheKey);
  if (!parts) {
    if (localPartsCache.size > 10_000) localPartsCache.clear();
    parts = formatLocalParts(at, timeZone);
    localPartsCache.set(cacheKey, parts);
  }
  return parts;
}

function formatLocalParts(at: number, timeZone: string): { date: string; weekday: string } {
  let formatter = weekdayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      weekday: "short",
    });
    weekdayFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(new Date(at));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  return { date: `${get("year")}-${get("month")}-${get("day")}`, weekday: get("weekday") };
}

export function isWorkingDay(at: number, calendar: WorkingCalendar): boolean {
  const { date, weekday } = localParts(at, calendar.timeZone);
  if (calendar.holidays.has(date)) return false;
  return (weekday !== "Sat" && weekday !== "Sun") || (calendar.workdays?.has(date) ?? false);
}

// Building an Intl formatter costs far more than using one: one per zone (and locale), kept.
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

// Zone offsets change at most on the hour (DST, historic changes): cached per zone and hour.
const offsetCache = new Map<string, number>();

/** Offset of the zone from UTC at that instant, in ms. */
function zoneOffset(at: number, timeZone: string): number {
  const cacheKey = `${timeZone}|${Math.floor(at / 3_600_000)}`;
  const cached = offsetCache.get(cacheKey);
  if (cached !== undefined) return cached;
  if (offsetCache.size > 10_000) offsetCache.clear();
  const offset = computeZoneOffset(at, timeZone);
  offsetCache.set(cacheKey, offset);
  return offset;
}

function computeZoneOffset(at: number, timeZone: string): number {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    offsetFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return asUtc - (at - (at % 1000));
}

/** The last millisecond of the local day containing `at`. */
export function endOfLocalDay(at: number, timeZone: string): number {
  const offset = zoneOffset(at, timeZone);
  const local = at + offset;
  const dayStart = local - (((local % 86_400_000) + 86_400_000) % 86_400_000);
  return dayStart + 86_400_000 - 1 - offset;
}

/**
 * End of the n-th working day after the day of `at`. n = 0 is "the same day" (当日): the end of today
 * when today is a working day, else the end of the next working day — a complaint sent on Sunday is
 * classified on Monday, not overdue before anyone is at work.
 */
export function addWorkingDays(at: number, days: number, calendar: WorkingCalendar): number {
  let cursor = endOfLocalDay(at, calendar.timeZone);
  let remaining = days;
  if (remaining === 0) {
    while (!isWorkingDay(cursor, calendar)) cursor = endOfLocalDay(cursor + 1, calendar.timeZone);
    return cursor;
  }
  while (remaining > 0) {
    cursor = endOfLocalDay(cursor + 1, calendar.timeZone);
    if (isWorkingDay(cursor, calendar)) remaining--;
  }
  return cursor;
}

/** Dates recently formatted, per zone and locale: deadlines fall at the end of a day, so they repeat. */
const formattedDates = new Map<string, Map<number, string>>();
const FORMATTED_DATES_KEPT = 64;

/** "11月23日周一" — Intl formatting costs ~20 µs a call, so each instant is formatted once. */
export function formatLocalDate(at: number, timeZone: string, locale: string): string {
  const key = `${timeZone}|${locale}`;
  let formatter = dateFormatters.get(key);
  let formatted = formattedDates.get(key);
  if (!formatter || !formatted) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone, month: "long", day: "numeric", weekday: "short" });
    dateFormatters.set(key, formatter);
    formattedDates.set(key, (formatted = new Map()));
  }
  let text = formatted.get(at);
  if (text === undefined) {
    text = formatter.format(new Date(at));
    if (formatted.size >= FORMATTED_DATES_KEPT) formatted.clear();
    formatted.set(at, text);
  }
  return text;
}

const dateTimeFormatters = new Map<string, Intl.DateTimeFormat>();

/** "2026-11-23 17:59" in the given zone: how officers' tools show a moment. */
export function formatLocalDateTime(at: number | string, timeZone: string): string {
  let formatter = dateTimeFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("sv-SE", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    dateTimeFormatters.set(timeZone, formatter);
  }
  return formatter.format(new Date(at));
}
