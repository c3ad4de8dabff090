// What a first reading of a worker's message yields. Every field is null when the text does not say it.
import type { Category, DivisionRef, Ownership, ProjectKind, Reason, Sector } from "../domain.js";
import type { PlaceResolution } from "../routing/gazetteer.js";

export interface HeadcountReading {
  /** Lower bound; equals max when the text gives an exact number. */
  min: number;
  max: number;
}

export interface MessageReading {
  project: string | null;
  employer: string | null;
  amountYuan: number | null;
  headcount: HeadcountReading | null;
  place: PlaceResolution;
  sector: Sector | null;
  /** The sector is the default for "a company or a boss" in no named trade: a dialog should ask. */
  sectorGuessed?: boolean;
  projectKind: ProjectKind | null;
  /**
   * The kind is housing only because nothing else was said (住建 is the general construction authority):
   * a kind said later ("修路的", "地铁站") replaces it.
   */
  projectKindGuessed?: boolean;
  ownership: Ownership | null;
  phone: string | null;
  /** When the arrears began, as written ("去年8月"), if stated. */
  since: string | null;
}

export interface Classification {
  category: Category;
  isArrears: boolean;
  reasons: Reason[];
}

export type { DivisionRef };
