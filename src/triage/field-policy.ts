// Which facts a category keeps (eval README conventions): in a project-payment case the workers are not
// the ones owed; a non-labour complaint has no employer, sector or site; disputes about what is due
// (compensation, overtime, insurance, injury) have no settled sum owed.
import type { Category } from "../domain.js";
import type { MessageReading } from "./reading.js";

// Someone writing about their own job with no count given speaks for one worker.
const ONE_WORKER = { min: 1, max: 1 } as const;

export function applyFieldPolicy(reading: MessageReading, category: Category): MessageReading {
  switch (category) {
    case "project_payment":
      return { ...reading, headcount: null };
    case "not_labor":
      // The place stays: a non-labour complaint is still referred to the local 12345 hotline.
      return { ...reading, project: null, employer: null, headcount: null, sector: null, projectKind: null, ownership: null };
    case "labor_dispute":
    case "social_insurance":
    case "work_injury":
      return { ...reading, amountYuan: null, headcount: reading.headcount ?? ONE_WORKER };
    case "wage_arrears":
      return { ...reading, headcount: reading.headcount ?? ONE_WORKER };
  }
}
