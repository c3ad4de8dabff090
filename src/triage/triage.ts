// Triage of one message: reading, classification and route, and the one-line JSON record of it.
import type { TFunction } from "i18next";
import type { Category, DivisionRef, Ownership, ProjectKind, Reason, Sector } from "../domain.js";
import type { Route, RouteInput } from "../routing/router.js";
import { classifyPrepared } from "./classify.js";
import { applyFieldPolicy } from "./field-policy.js";
import { prepareText, readPrepared, type PlaceResolver, type PreparedText } from "./read-message.js";
import type { Classification, MessageReading } from "./reading.js";

/** What triage needs of the router; the routing Router satisfies it. */
export interface RouteSource {
  route(input: RouteInput): Route;
}

export interface TriageDeps {
  gazetteer?: PlaceResolver;
  router?: RouteSource;
}

export interface TriageResult {
  /** The reading after the category's field policy (see field-policy.ts). */
  reading: MessageReading;
  classification: Classification;
  division: DivisionRef | null;
  route: Route | null;
}

export function triage(text: string, deps: TriageDeps): TriageResult {
  const prepared = prepareText(text);
  return triageWithReading(text, readPrepared(prepared.text, deps.gazetteer), deps, prepared);
}

/**
 * Triage with a reading given from outside (the rules', or the merged rules + model reading):
 * classification on the text (rules), the category's field policy, the route. Only the reading step
 * differs between readers; classification and routing stay rule-driven.
 */
export function triageWithReading(
  text: string,
  raw: MessageReading,
  deps: TriageDeps,
  prepared: PreparedText = prepareText(text),
): TriageResult {
  const classification = classifyPrepared(prepared.text, raw, prepared.instructionsRemoved);
  const reading = applyFieldPolicy(raw, classification.category);
  const division = reading.place.status === "found" ? { code: reading.place.division.code, name: reading.place.division.name } : null;
  const route = deps.router
    ? deps.router.route({
        category: classification.category,
        sector: reading.sector,
        projectKind: reading.projectKind,
        ownership: reading.ownership,
        headcount: reading.headcount?.min ?? null,
        amountYuan: reading.amountYuan,
        divisionCode: division?.code ?? null,
      })
    : null;
  return { reading, classification, division, route };
}

export interface TriageLine {
  id: string | null;
  isArrears: boolean;
  category: Category;
  project: string | null;
  employer: string | null;
  amountYuan: number | null;
  headcount: number | null;
  division: DivisionRef | null;
  sector: Sector | null;
  projectKind: ProjectKind | null;
  ownership: Ownership | null;
  route: {
    jurisdiction: DivisionRef | null;
    departments: string[];
    level: string;
    collective: boolean;
    major: boolean;
  } | null;
  reasons: string[];
}

export function renderReason(reason: Reason, t: TFunction): string {
  return t(reason.key, reason.params ?? {});
}

/** The record `arrears triage` prints: field order fixed, reasons rendered in the translator's language. */
export function toTriageLine(id: string | null, result: TriageResult, t: TFunction): TriageLine {
  const { reading, classification, route } = result;
  return {
    id,
    isArrears: classification.isArrears,
    category: classification.category,
    project: reading.project,
    employer: reading.employer,
    amountYuan: reading.amountYuan,
    headcount: reading.headcount?.min ?? null,
    division: result.division,
    sector: reading.sector,
    projectKind: reading.projectKind,
    ownership: reading.ownership,
    route: route
      ? {
          jurisdiction: route.jurisdiction ? { code: route.jurisdiction.code, name: route.jurisdiction.name } : null,
          departments: [...route.departments],
          level: route.level,
          collective: route.collective,
          major: route.major,
        }
      : null,
    reasons: classification.reasons.map((r) => renderReason(r, t)),
  };
}
