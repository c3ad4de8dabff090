// The facts of a complaint the dialog collects, and which are still missing.
import { z } from "zod";
import { personNameAt, SURNAMES } from "../triage/person-names.js";
import { isBarePlatform } from "../triage/project.js";
import { categorySchema, ownershipSchema, projectKindSchema, sectorSchema, type Category } from "../domain.js";

export const FACT_NAMES = [
  "place",
  "project",
  "employer",
  "amount",
  "headcount",
  "sector",
  "projectKind",
  "ownership",
  "phone",
  "since",
] as const;
export const factNameSchema = z.enum(FACT_NAMES);
export type FactName = z.infer<typeof factNameSchema>;

/** Facts that cannot be answered "don't know": without them the case cannot be routed or sized. */
export const FACTS_WITHOUT_DONT_KNOW: readonly FactName[] = ["place", "amount"];
/** Facts asked once, with a skip button. */
export const OPTIONAL_FACTS: readonly FactName[] = ["phone", "since"];

export const placeFactSchema = z.object({
  text: z.string(),
  code: z.string().nullable(),
  name: z.string().nullable(),
});

export const factsSchema = z.object({
  project: z.string().nullable().default(null),
  employer: z.string().nullable().default(null),
  amountYuan: z.number().nullable().default(null),
  headcount: z.object({ min: z.number().int(), max: z.number().int() }).nullable().default(null),
  place: placeFactSchema.nullable().default(null),
  sector: sectorSchema.nullable().default(null),
  projectKind: projectKindSchema.nullable().default(null),
  ownership: ownershipSchema.nullable().default(null),
  phone: z.string().nullable().default(null),
  since: z.string().nullable().default(null),
});
export type Facts = z.infer<typeof factsSchema>;

/** Every fact unknown — what factsSchema makes of {} (test/empty-states.test.ts), without a zod parse per draft. */
export function emptyFacts(): Facts {
  return {
    project: null,
    employer: null,
    amountYuan: null,
    headcount: null,
    place: null,
    sector: null,
    projectKind: null,
    ownership: null,
    phone: null,
    since: null,
  };
}

export function hasFact(facts: Facts, name: FactName): boolean {
  switch (name) {
    case "place":
      return facts.place?.code != null;
    case "project":
      return facts.project !== null;
    case "employer":
      return facts.employer !== null;
    case "amount":
      return facts.amountYuan !== null;
    case "headcount":
      return facts.headcount !== null;
    case "sector":
      return facts.sector !== null;
    case "projectKind":
      return facts.projectKind !== null;
    case "ownership":
      return facts.ownership !== null;
    case "phone":
      return facts.phone !== null;
    case "since":
      return facts.since !== null;
  }
}

/**
 * Which facts the bot asks for, by category. A complaint that is not wage arrears needs fewer: the
 * worker must learn where to go, not fill in a form. Optional facts (phone, since, the project's
 * kind and funding) are never asked: a worker whose first message has every required fact is
 * asked only to confirm; they can add the rest at the summary.
 */
const WAGE_FACTS: readonly FactName[] = ["place", "project", "employer", "amount", "headcount", "sector"];
const WAGE_FACTS_OFF_SITE: readonly FactName[] = ["place", "employer", "amount", "headcount", "sector"];
// Off a site with the employer not yet named: whom first (a rider knows his 站点, a nanny her 雇主);
// the workplace follows only when the employer is not itself a place one can find: a person
// ("老板叫陈刚" owns some restaurant in 西湖区), or not known.
const WAGE_FACTS_OFF_SITE_EMPLOYER_FIRST: readonly FactName[] = ["place", "employer", "project", "amount", "headcount", "sector"];

// "刘老板", "王站长", "姓张的雇主", "李姐", "boss Li": people, not businesses.
// "院长", "园长", "校长": a title alone names no workplace one can find, as a person's name does not.
const PERSON_BY_ROLE = /(?:老板|老板娘|包工头|工头|班长|队长|站长|厂长|店长|经理|主管|雇主|东家|姐|哥|叔|总|院长|园长|校长|所长|主任)$|^姓|^(?:mr|mrs|ms|miss|boss)\b/i;

// "小胡": how a young station manager is called.
const LITTLE_NAME = new RegExp(`^小[${SURNAMES}]$`);

/** Whether an employer's name is a person's, whose workplace must then be asked to find them. */
export function isPerson(employer: string): boolean {
  // "王强、刘军": two partners are people too.
  return PERSON_BY_ROLE.test(employer) || LITTLE_NAME.test(employer) || employer.split("、").every((name) => personNameAt(name) === name);
}

export function factsToAsk(category: Category, facts: Facts): readonly FactName[] {
  switch (category) {
    case "wage_arrears":
      // A project is what a building site has. In a shop, a factory or a household the workplace is the
      // employer's ("一家火锅店，叫蜀九香"): with the employer known, it is not asked again.
      if (facts.sector === null || facts.sector === "construction") return WAGE_FACTS;
      return facts.employer !== null && !isPerson(facts.employer) ? WAGE_FACTS_OFF_SITE : WAGE_FACTS_OFF_SITE_EMPLOYER_FIRST;
    case "project_payment":
      return ["place", "project", "amount"];
    case "labor_dispute":
    case "work_injury":
    case "social_insurance":
      return ["place", "employer"];
    case "not_labor":
      return [];
  }
}

/** Facts offered in the "change" menu at the summary. */
export function editableFacts(category: Category, facts: Facts): readonly FactName[] {
  if (category === "not_labor") return ["place", "phone"];
  const construction = facts.sector === "construction";
  return FACT_NAMES.filter(
    (name) => construction || (name !== "projectKind" && name !== "ownership"),
  );
}

/** "美团的站点扣了我…", the station manager named: the platform is kept, and which station is asked. */
function stationNotNamed(facts: Facts, name: FactName): boolean {
  return name === "project" && facts.sector === "platform" && isBarePlatform(facts.project) && facts.employer !== null && isPerson(facts.employer);
}

/** The next fact to ask, skipping those known, answered "don't know", or skipped. */
export function nextMissingFact(
  category: Category,
  facts: Facts,
  settled: readonly FactName[],
): FactName | null {
  for (const name of factsToAsk(category, facts)) {
    if ((!hasFact(facts, name) || stationNotNamed(facts, name)) && !settled.includes(name)) return name;
  }
  return null;
}

export { categorySchema };
