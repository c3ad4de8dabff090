// The one short question the bot asks next, with buttons where the answer is closed.
import { OWNERSHIPS, PROJECT_KINDS, SECTORS } from "../domain.js";
import { isBarePlatform } from "../triage/project.js";
import { speaksOfDomesticWork } from "../triage/sector.js";
import { FACTS_WITHOUT_DONT_KNOW, OPTIONAL_FACTS, type FactName } from "./facts.js";
import type { Draft } from "./session.js";
import type { Choice, Turn } from "./turn.js";

export function questionChoices(turn: Turn, fact: FactName, draft: Draft, coarsePlace = false): Choice[] {
  const { t } = turn;
  const choices: Choice[] = [];
  switch (fact) {
    case "place":
      for (const candidate of draft.placeCandidates) choices.push({ id: `place:${candidate.code}`, label: candidate.label });
      break;
    case "sector":
      for (const sector of SECTORS) choices.push({ id: `sector:${sector}`, label: t(`sector.${sector}`) });
      break;
    case "projectKind":
      for (const kind of PROJECT_KINDS) choices.push({ id: `kind:${kind}`, label: t(`projectKind.${kind}`) });
      break;
    case "ownership":
      for (const ownership of OWNERSHIPS) choices.push({ id: `own:${ownership}`, label: t(`ownership.${ownership}`) });
      break;
    case "headcount":
      choices.push({ id: "headcount:1", label: t("choice.justMe") });
      break;
    case "employer":
      // Off a building site the workplace is most often the employer ("富士康"): one tap. Not in a
      // family's home: "绿地小区" is where the nanny works, the family is who pays.
      // A platform alone ("美团") is where the rider works, not who owes him: no button.
      if (draft.facts.project && draft.facts.sector !== "construction" && !inFamilyHome(draft) && !isBarePlatform(draft.facts.project)) {
        choices.push({ id: "employer:workplace", label: draft.facts.project });
      }
      break;
    default:
      break;
  }
  if (OPTIONAL_FACTS.includes(fact)) choices.push({ id: "skip", label: t("choice.skip") });
  // The county is asked of a place known only as a city: not knowing it leaves the city.
  // Asked again after a first "don't know", place and amount may be left to the officer too.
  else if (!FACTS_WITHOUT_DONT_KNOW.includes(fact) || coarsePlace || (draft.pressed ?? []).includes(fact)) {
    choices.push({ id: "unknown", label: t("choice.dontKnow") });
  }
  return choices;
}

/** A nanny, a cleaner by the hour: the work is in a family's home. */
function inFamilyHome(draft: Draft): boolean {
  return draft.facts.sector === "services" && speaksOfDomesticWork(draft.narrative[0] ?? "");
}

export function owesWages(draft: Draft): boolean {
  return draft.category === "wage_arrears" || draft.category === "project_payment";
}

/**
 * Asks `fact`. `coarsePlace`: the place is known only as a city or province ("郑州"), and its county
 * is asked.
 */
/** The province-level codes of the four municipalities (直辖市). */
const MUNICIPALITIES = ["11", "12", "31", "50"];

export function askFact(turn: Turn, fact: FactName, draft: Draft, coarsePlace = false): void {
  const county = fact === "place" && coarsePlace && draft.placeCandidates.length === 0 && draft.facts.place?.name;
  // "在河北干活": a province is asked its city first ("保定", then the county if need be).
  // 北京, 上海, 天津, 重庆 are cities with districts: they are asked the district, not a city.
  const code = draft.facts.place?.code ?? "";
  const province = county && code.endsWith("0000") && !MUNICIPALITIES.includes(code.slice(0, 2));
  const key = county
    ? province
      ? "ask.placeCityInProvince"
      : "ask.placeCounty"
    : fact === "place" && draft.placeCandidates.length > 0
      ? "ask.placeAmbiguous"
      : fact === "employer" && !owesWages(draft)
        ? "ask.employerOf" // social insurance, injury, a dispute: nobody "owes wages" here
        : `ask.${fact}`;
  const names = draft.placeCandidates.map((candidate) => candidate.label).join(turn.t("punctuation.enumeration"));
  // A rider is asked for his platform and station, a waiter for the shop, not for a "project" (工地).
  const context =
    (fact === "project" || key === "ask.employer") && draft.facts.sector !== null
      ? key === "ask.employer" && inFamilyHome(draft)
        ? "domestic"
        : draft.facts.sector
      : undefined;
  turn.say(turn.t(key, { names, place: county || "", context }), questionChoices(turn, fact, draft, Boolean(county)));
}
