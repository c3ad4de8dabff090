// A desk as an officer types it after --to: a six-digit code, or a county's name ("江北区", "重庆江北区").
// What cannot be a desk is answered with what to type instead — a county of the case's own city or
// province as the example, not one of another province.
import type { Division, Gazetteer } from "./gazetteer.js";

export type DivisionInput =
  /** A county: a desk. `lookedUp`: found by its name, not typed as a code. */
  | { kind: "county"; division: Division; lookedUp: boolean }
  /** A city or province (or a municipality's 市辖区 code): its counties are the desks. */
  | { kind: "notCounty"; code: string; name: string; example: Division | undefined }
  /** A name that fits one county only loosely (a short form, a town): offered, not taken. */
  | { kind: "suggest"; division: Division }
  /** A name several counties have: each with its code. */
  | { kind: "several"; candidates: Division[] }
  | { kind: "unknown" };

export function readDivisionInput(gazetteer: Gazetteer, typed: string, near: string | null): DivisionInput {
  const text = typed.trim();
  if (/^\d+$/.test(text)) {
    const division = gazetteer.byCode(text);
    if (division?.level === "county") return { kind: "county", division, lookedUp: false };
    if (division) return { kind: "notCounty", code: division.code, name: gazetteer.fullName(division.code), example: exampleCounty(gazetteer, near, division.code) };
    // 500100 (重庆市市辖区), 110100 (北京市市辖区): the municipality's districts.
    const grouped = gazetteer.filingGroupCounties(text);
    if (grouped.length > 0) {
      const province = gazetteer.byCode(`${text.slice(0, 2)}0000`)!;
      return { kind: "notCounty", code: text, name: province.name, example: nearest(gazetteer, grouped, near) };
    }
    return { kind: "unknown" };
  }
  const resolution = gazetteer.resolveAnswer(text);
  if (resolution.status === "ambiguous") {
    const counties = resolution.candidates.filter((d) => d.level === "county");
    if (counties.length === 0) return { kind: "unknown" };
    return counties.length === 1 ? { kind: "suggest", division: counties[0]! } : { kind: "several", candidates: byNearness(gazetteer, counties, near) };
  }
  if (resolution.status === "none") return { kind: "unknown" };
  const division = resolution.division;
  if (division.level !== "county") return { kind: "notCounty", code: division.code, name: gazetteer.fullName(division.code), example: exampleCounty(gazetteer, near, division.code) };
  // "江北区", "重庆江北区", "重庆市江北区": the county's own name ends what was typed. A short form or a
  // town ("牧野", "孙河") is only offered: a transfer the worker hears of is not made on a guess.
  return text.replace(/\s/g, "").endsWith(division.name) ? { kind: "county", division, lookedUp: true } : { kind: "suggest", division };
}

/**
 * A county to cite in an example: one under `within` when given (the city typed), else near the case's
 * desk — another county of its city, else of its province — else any.
 */
export function exampleCounty(gazetteer: Gazetteer, near: string | null, within?: string): Division | undefined {
  if (within !== undefined) {
    const under = gazetteer.countiesUnder(within);
    if (under.length > 0) return nearest(gazetteer, under, near);
  }
  if (near !== null) {
    for (const up of gazetteer.chain(near).slice(1)) {
      const others = gazetteer.countiesUnder(up.code).filter((county) => county.code !== near);
      if (others.length > 0) return others[0];
    }
  }
  return gazetteer.byCode("410711");
}

/** Those sharing the most of the case desk's chain first (its city, then its province). */
function byNearness(gazetteer: Gazetteer, divisions: Division[], near: string | null): Division[] {
  if (near === null) return divisions;
  const chain = gazetteer.chain(near).map((d) => d.code);
  const rank = (d: Division) => {
    const up = gazetteer.chain(d.code).map((x) => x.code);
    const shared = chain.findIndex((code) => up.includes(code));
    return shared === -1 ? chain.length : shared;
  };
  return [...divisions].sort((a, b) => rank(a) - rank(b));
}

function nearest(gazetteer: Gazetteer, divisions: Division[], near: string | null): Division | undefined {
  return byNearness(gazetteer, divisions.filter((d) => d.code !== near), near)[0] ?? divisions[0];
}
