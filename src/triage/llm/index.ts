// Optional language-model reading: see README.md in this folder.
export { CircuitBreaker, type BreakerState } from "./breaker.js";
export { LruCache, messageHash } from "./cache.js";
export { ModelCallError, ModelClient, type FailureKind, type ModelClientOptions, type ResponseFormatSetting } from "./client.js";
export { groundReading, numeralsIn, amountGrounded, headcountGrounded, nameGrounded, type GroundedReading, type PlaceLookup } from "./grounding.js";
export { mergeReadings, type MergeSources } from "./merge.js";
export {
  createModelPreReader,
  DEFAULT_MODEL,
  ModelReader,
  modelOptionsFromConfig,
  type MergedRead,
  type ModelEvent,
  type ModelOutcome,
  type ModelReaderOptions,
  type ModelSettings,
} from "./model-reader.js";
export { SYSTEM_PROMPT, buildMessages, userMessage } from "./prompt.js";
export { modelReadingSchema, parseModelContent, type ModelReading } from "./schema.js";
export { triageWithReading } from "./triage-with-reading.js";
