// Working-day deadlines in the jurisdiction's time zone (工作日), with configurable holidays.

export interface WorkingCalendar {
  timeZone: string;
  /** YYYY-MM-DD dates that are not working days. */
  holidays: ReadonlySet<string>;
}

const weekdayFormatters = new Map<string, Intl.DateTimeFormat>();

function localParts(at: number, timeZone: string): { date: string; weekday: string } {
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
  return weekday !== "Sat" && weekday !== "Sun" && !calendar.holidays.has(date);
}

// Building an Intl formatter costs far more than using one: one per zone (and locale), kept.
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** Offset of the zone from UTC at that instant, in ms. */
function zoneOffset(at: number, timeZone: string): number {
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

/** End of the n-th working day after the day of `at` (n = 0: end of today, working or not). */
export function addWorkingDays(at: number, days: number, calendar: WorkingCalendar): number {
  let cursor = endOfLocalDay(at, calendar.timeZone);
  let remaining = days;
  while (remaining > 0) {
    cursor = endOfLocalDay(cursor + 1, calendar.timeZone);
    if (isWorkingDay(cursor, calendar)) remaining--;
  }
  return cursor;
}

export function formatLocalDate(at: number, timeZone: string, locale: string): string {
  const key = `${timeZone}|${locale}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone, month: "long", day: "numeric", weekday: "short" });
    dateFormatters.set(key, formatter);
  }
  return formatter.format(new Date(at));
}
