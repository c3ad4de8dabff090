// Triage with a reading given from outside (the merged rules + model reading): the same steps as
// triage() in ../triage.ts — classification on the text (rules), the field policy, the route — only the
// reading step is replaced. Classification and routing stay rule-driven.
import { classifyPrepared } from "../classify.js";
import { applyFieldPolicy } from "../field-policy.js";
import { prepareText } from "../read-message.js";
import type { MessageReading } from "../reading.js";
import type { TriageDeps, TriageResult } from "../triage.js";

export function triageWithReading(text: string, raw: MessageReading, deps: TriageDeps): TriageResult {
  const prepared = prepareText(text);
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
