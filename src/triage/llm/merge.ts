// Merging the rules' reading with the grounded model reading. The rules' reading is the base: the rules
// are explainable and reach ≥95 % per field on the labelled sets, and every value they return was read
// from the text. The model only
//   - fills a field the rules left empty (null, or place "none"),
//   - for project and employer, replaces the rules' value when that value does not appear in the text,
//   - for the sector, fills only an empty one, and then marks it guessed (the dialog asks to confirm),
//   - for the place, picks one of the rules' candidates when the rules found the name ambiguous and the
//     model's (gazetteer-resolved) place is one of them, or fills "none" with its own resolution.
// Classification and routing are not merged: they run on the text with this reading, as before.
import type { PlaceResolution } from "../../routing/gazetteer.js";
import type { MessageReading } from "../reading.js";
import { normalize } from "../normalize.js";
import type { GroundedReading } from "./grounding.js";

export type FieldSource = "rules" | "model" | "none";
type MergedField = Exclude<keyof MessageReading, "sectorGuessed" | "projectKindGuessed">;
export type MergeSources = Record<MergedField, FieldSource>;

const inText = (value: string, text: string): boolean => {
  const squash = (s: string) => normalize(s).replace(/\s/g, "").toLowerCase();
  return squash(text).includes(squash(value));
};

function mergePlace(rules: PlaceResolution, model: PlaceResolution): { place: PlaceResolution; from: FieldSource } {
  if (rules.status === "found") return { place: rules, from: "rules" };
  if (rules.status === "ambiguous") {
    if (model.status === "found" && rules.candidates.some((c) => c.code === model.division.code)) {
      return { place: model, from: "model" };
    }
    return { place: rules, from: "rules" };
  }
  return model.status === "none" ? { place: rules, from: "none" } : { place: model, from: "model" };
}

export function mergeReadings(
  rules: MessageReading,
  model: GroundedReading,
  text: string,
): { reading: MessageReading; sources: MergeSources } {
  const sources = {} as MergeSources;
  const pick = <K extends Exclude<MergedField, "place">>(key: K): MessageReading[K] => {
    const ours = rules[key];
    const theirs = model[key] as MessageReading[K];
    const rulesNameMissing = (key === "project" || key === "employer") && typeof ours === "string" && !inText(ours, text);
    if (ours !== null && !(rulesNameMissing && theirs !== null)) {
      sources[key] = "rules";
      return ours;
    }
    sources[key] = theirs !== null ? "model" : "none";
    return theirs;
  };
  const reading: MessageReading = {
    project: pick("project"),
    employer: pick("employer"),
    amountYuan: pick("amountYuan"),
    headcount: pick("headcount"),
    place: rules.place,
    sector: pick("sector"),
    projectKind: pick("projectKind"),
    ownership: pick("ownership"),
    phone: pick("phone"),
    since: pick("since"),
  };
  // The model's sector is an enum it chose, not words of the message: like the rules' default sector it
  // counts as guessed, so the dialog still asks the worker (it decides the department).
  if (reading.sector !== null) reading.sectorGuessed = sources.sector === "model" ? true : (rules.sectorGuessed ?? false);
  // Housing is the kind for want of another: the model's too, unless the rules read it said.
  if (reading.projectKind === "housing") reading.projectKindGuessed = sources.projectKind === "model" || rules.projectKindGuessed === true;
  const place = mergePlace(rules.place, model.place);
  reading.place = place.place;
  sources.place = place.from;
  return { reading, sources };
}
