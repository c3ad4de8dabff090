// Routes a classified complaint (首问负责制): the jurisdiction (属地管理) from the place, the departments
// and level from the rules file, the collective/major flags, the referral when it is not arrears, and
// the contacts of the office that handles it.
import type { z } from "zod";
import type { Category, DivisionLevel, Ownership, ProjectKind, Reason, Sector } from "../domain.js";
import { ContactBook, DEFAULT_CONTACTS_FILE, type Contacts, type RightsChannel } from "./contacts.js";
import type { Division, Gazetteer } from "./gazetteer.js";
import { DEFAULT_RULES_FILE, loadRules, type departmentIdSchema, type RoutingRule, type RulesFile } from "./rules.js";

export type DepartmentId = z.infer<typeof departmentIdSchema>;

export interface RouteInput {
  category: Category;
  sector: Sector | null;
  projectKind: ProjectKind | null;
  ownership: Ownership | null;
  /** Workers owed (the lower bound when the worker gave a range). */
  headcount: number | null;
  amountYuan: number | null;
  divisionCode: string | null;
  /** The worker spoke of extreme action or of taking their own life. */
  extremeRisk?: boolean;
}

export interface Route {
  /** null when no place is known. */
  jurisdiction: { code: string; name: string; level: DivisionLevel } | null;
  departments: DepartmentId[];
  level: DivisionLevel;
  collective: boolean;
  major: boolean;
  /** i18n keys in namespace "routing". */
  reasons: Reason[];
  /** Only when not arrears: where the worker should go instead, and why. */
  referral: { key: string; params?: Record<string, string> } | null;
  contacts: Contacts;
}

const LEVEL_RANK: Record<DivisionLevel, number> = { county: 0, city: 1, province: 2 };

function higher(a: DivisionLevel, b: DivisionLevel): DivisionLevel {
  return LEVEL_RANK[a] >= LEVEL_RANK[b] ? a : b;
}

function holds(rule: RoutingRule, input: RouteInput): boolean {
  const w = rule.when;
  if (w.sector !== undefined && (input.sector === null || !w.sector.includes(input.sector))) return false;
  if (w.projectKind !== undefined && !w.projectKind.includes(input.projectKind ?? "unknown")) return false;
  if (w.ownership !== undefined && (input.ownership === null || !w.ownership.includes(input.ownership))) return false;
  if (w.minHeadcount !== undefined && (input.headcount === null || input.headcount < w.minHeadcount)) return false;
  if (w.minAmountYuan !== undefined && (input.amountYuan === null || input.amountYuan < w.minAmountYuan)) return false;
  if (w.extremeRisk === true && input.extremeRisk !== true) return false;
  return true;
}

/** Parameters that let a reason say which threshold was met ("30 人及以上"). */
function ruleParams(rule: RoutingRule, input: RouteInput): Reason["params"] {
  const params: Record<string, string | number> = {};
  if (rule.when.minHeadcount !== undefined && input.headcount !== null) {
    params.headcount = input.headcount;
    params.threshold = rule.when.minHeadcount;
  }
  if (rule.when.minAmountYuan !== undefined && input.amountYuan !== null) {
    params.amountYuan = input.amountYuan;
    params.threshold = rule.when.minAmountYuan;
  }
  return Object.keys(params).length === 0 ? undefined : params;
}

export class Router {
  private constructor(
    private readonly rules: RulesFile,
    private readonly contactBook: ContactBook,
    private readonly gazetteer: Gazetteer,
  ) {}

  /** Reads and validates both files (the shipped defaults when no path is given); throws on a bad file. */
  static load(options: { rulesFile?: string; contactsFile?: string }, gazetteer: Gazetteer): Router {
    const rules = loadRules(options.rulesFile ?? DEFAULT_RULES_FILE);
    const contacts = ContactBook.load(options.contactsFile ?? DEFAULT_CONTACTS_FILE, gazetteer);
    return new Router(rules, contacts, gazetteer);
  }

  /**
   * Where the office named by a referral is: "杭州市余杭区劳动人事争议仲裁委员会", "东莞市人社局", rather
   * than "当地…". The context makes i18next pick the referral's wording with a place (key_place); a
   * place known only to the province, or not at all, keeps the general wording.
   */
  private referralPlace(division: Division | undefined): Record<string, string> {
    if (division === undefined || division.level === "province") return {};
    const parent = division.parentCode === null ? undefined : this.gazetteer.byCode(division.parentCode);
    if (division.level === "city") return { context: "place", place: division.name, city: division.name };
    // A county: under its city ("杭州市余杭区"), or under a municipality ("北京市朝阳区"); a county-level
    // city is named alone ("昆山市"). 工伤认定 is the city's: the county's city, or the municipality.
    const place = division.name.endsWith("市") || parent === undefined ? division.name : `${parent.name}${division.name}`;
    return { context: "place", place, city: parent?.name ?? division.name };
  }

  route(input: RouteInput): Route {
    const division = input.divisionCode === null ? undefined : this.gazetteer.byCode(input.divisionCode);
    const jurisdiction = division === undefined ? null : { code: division.code, name: division.name, level: division.level };
    const reasons: Reason[] = [jurisdictionReason(division, input.divisionCode)];

    if (input.category !== "wage_arrears") {
      const byCategory = this.rules.referrals[input.category];
      const referral = byCategory.byProjectKind?.[input.projectKind ?? "unknown"] ?? byCategory.default;
      reasons.push({ key: "reason.not_arrears", params: { category: input.category } });
      const level = jurisdiction?.level ?? "county";
      return {
        jurisdiction,
        departments: [...referral.departments],
        level,
        collective: false,
        major: false,
        reasons,
        referral: { key: referral.key, params: { category: input.category, ...this.referralPlace(division) } },
        contacts: this.contactsAt(division, level),
      };
    }

    const arrears = this.rules.arrears;
    const departments: DepartmentId[] = [...arrears.departments];
    let level: DivisionLevel = arrears.level;
    let collective = false;
    let major = false;
    reasons.push({ key: arrears.reason });
    for (const rule of arrears.rules) {
      if (!holds(rule, input)) continue;
      for (const d of rule.departments) if (!departments.includes(d)) departments.push(d);
      if (rule.level !== undefined) level = higher(level, rule.level);
      if (rule.collective === true) collective = true;
      if (rule.major === true) major = true;
      const params = ruleParams(rule, input);
      reasons.push(params === undefined ? { key: rule.reason } : { key: rule.reason, params });
    }
    // A case can be handled no lower than the place is known (only the city named: the city handles it).
    if (jurisdiction !== null && LEVEL_RANK[jurisdiction.level] < LEVEL_RANK[level]) {
      reasons.push({ key: `reason.escalated_${level}` });
    }
    if (jurisdiction !== null) level = higher(level, jurisdiction.level);

    return {
      jurisdiction,
      departments,
      level,
      collective,
      major,
      reasons,
      referral: null,
      contacts: this.contactsAt(division, level),
    };
  }

  /** National channels (12333, the clue platform, 12345, 12348, arbitration, 12351, 110), then local ones. */
  rightsChannels(divisionCode: string | null): RightsChannel[] {
    return this.contactBook.rightsChannels(divisionCode).map((c: RightsChannel) => ({ ...c }));
  }

  /** Contacts of the office at the handling level (a major case of a county goes to its city's office). */
  private contactsAt(division: Division | undefined, level: DivisionLevel): Contacts {
    if (division === undefined) return this.contactBook.contacts(null);
    // Municipalities have no city level: their province-level office stands for it.
    const office = this.gazetteer.chain(division.code).find((d) => LEVEL_RANK[d.level] >= LEVEL_RANK[level]) ?? division;
    return this.contactBook.contacts(office.code);
  }
}

function jurisdictionReason(division: Division | undefined, code: string | null): Reason {
  if (division === undefined) {
    return code === null ? { key: "reason.no_place" } : { key: "reason.unknown_division", params: { code } };
  }
  return { key: `reason.jurisdiction_${division.level}`, params: { name: division.name, code: division.code } };
}
