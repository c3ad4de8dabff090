// Triage with the merged rules + model reading: the same steps as triage(), only the reading differs.
export { triageWithReading } from "../triage.js";
