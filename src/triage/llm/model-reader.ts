// The model as a second reader. It never decides alone: its answer is grounded in the message
// (grounding.ts), merged under the rules' reading (merge.ts), and classification and routing still run
// on the text with the merged reading. Slow or failing models are cut off by the deadline, retried at
// most twice on 429/5xx, and skipped altogether while the circuit breaker is open.
import type { PreReader } from "../../dialogs/engine.js";
import { prepareText, readPrepared } from "../read-message.js";
import type { MessageReading } from "../reading.js";
import { CircuitBreaker, type BreakerState } from "./breaker.js";
import { LruCache, messageHash } from "./cache.js";
import { ModelCallError, ModelClient, type FailureKind, type ModelClientOptions, type ResponseFormatSetting } from "./client.js";
import { groundReading, type GroundedReading, type PlaceLookup } from "./grounding.js";
import { mergeReadings, type MergeSources } from "./merge.js";
import type { ModelReading } from "./schema.js";

export interface ModelReaderOptions extends ModelClientOptions {
  /** Consecutive failures that open the circuit. Default 3. */
  failureThreshold?: number;
  /** How long the model is skipped once the circuit is open. Default 60 000 ms. */
  coolDownMs?: number;
  /** Answers kept by message hash. Default 500. */
  cacheSize?: number;
  /** Shorter messages (after normalising) are left to the rules: answers like "是", "3万2". Default 12. */
  minChars?: number;
  now?: () => number;
  /** Observability without message text: failures, breaker changes, dropped fields. */
  onEvent?: (event: ModelEvent) => void;
}

export type ModelEvent =
  | { type: "answered"; ms: number; dropped: (keyof ModelReading)[] }
  | { type: "cached" }
  | { type: "failed"; kind: FailureKind; ms: number; status?: number }
  | { type: "circuit_opened"; coolDownMs: number }
  | { type: "skipped"; reason: "circuit_open" | "too_short" };

export type ModelOutcome =
  | { status: "answered"; raw: ModelReading; grounded: GroundedReading; dropped: (keyof ModelReading)[]; cached: boolean }
  | { status: "failed"; kind: FailureKind }
  | { status: "skipped"; reason: "circuit_open" | "too_short" };

export interface MergedRead {
  /** Rules + grounded model; the rules' reading alone when the model did not answer. */
  reading: MessageReading;
  rules: MessageReading;
  model: ModelOutcome;
  sources: MergeSources | null;
}

export class ModelReader {
  readonly client: ModelClient;
  private readonly breaker: CircuitBreaker;
  private readonly cache: LruCache<ModelReading>;
  private readonly inFlight = new Map<string, Promise<ModelReading>>();
  private readonly now: () => number;

  constructor(
    private readonly options: ModelReaderOptions,
    private readonly gazetteer?: PlaceLookup,
  ) {
    this.client = new ModelClient(options);
    this.now = options.now ?? Date.now;
    this.breaker = new CircuitBreaker({
      failureThreshold: options.failureThreshold ?? 3,
      coolDownMs: options.coolDownMs ?? 60_000,
      now: this.now,
    });
    this.cache = new LruCache(options.cacheSize ?? 500);
  }

  get breakerState(): BreakerState {
    return this.breaker.state;
  }

  get cacheSize(): number {
    return this.cache.size;
  }

  /** The model's grounded reading of a message (text as the worker wrote it). Never throws. */
  async askModel(rawText: string): Promise<ModelOutcome> {
    const text = prepareText(rawText).text;
    return this.askPrepared(text);
  }

  private async askPrepared(text: string): Promise<ModelOutcome> {
    const emit = this.options.onEvent ?? (() => undefined);
    if (text.length < (this.options.minChars ?? 12)) {
      emit({ type: "skipped", reason: "too_short" });
      return { status: "skipped", reason: "too_short" };
    }
    const key = messageHash(this.options.baseURL ?? "", this.options.model, text);
    const hit = this.cache.get(key);
    if (hit) {
      emit({ type: "cached" });
      return this.ground(hit, text, true);
    }
    const pending = this.inFlight.get(key);
    if (pending) {
      try {
        return this.ground(await pending, text, true);
      } catch (error) {
        return { status: "failed", kind: error instanceof ModelCallError ? error.kind : "malformed" };
      }
    }
    if (!this.breaker.tryAcquire()) {
      emit({ type: "skipped", reason: "circuit_open" });
      return { status: "skipped", reason: "circuit_open" };
    }
    const started = this.now();
    const call = this.client.read(text);
    this.inFlight.set(key, call);
    try {
      const raw = await call;
      this.breaker.success();
      this.cache.set(key, raw);
      const outcome = this.ground(raw, text, false);
      emit({ type: "answered", ms: this.now() - started, dropped: outcome.dropped });
      return outcome;
    } catch (error) {
      const failure = error instanceof ModelCallError ? error : new ModelCallError("malformed", String(error));
      emit({ type: "failed", kind: failure.kind, ms: this.now() - started, ...(failure.status ? { status: failure.status } : {}) });
      if (this.breaker.failure()) emit({ type: "circuit_opened", coolDownMs: this.options.coolDownMs ?? 60_000 });
      return { status: "failed", kind: failure.kind };
    } finally {
      this.inFlight.delete(key);
    }
  }

  private ground(raw: ModelReading, text: string, cached: boolean): Extract<ModelOutcome, { status: "answered" }> {
    const { reading, dropped } = groundReading(raw, text, this.gazetteer);
    return { status: "answered", raw, grounded: reading, dropped, cached };
  }

  /** Rules and model together; always a reading (the rules' alone when the model did not answer). */
  async readMerged(rawText: string): Promise<MergedRead> {
    const text = prepareText(rawText).text;
    const rules = readPrepared(text, this.gazetteer);
    const model = await this.askPrepared(text);
    if (model.status !== "answered") return { reading: rules, rules, model, sources: null };
    const merged = mergeReadings(rules, model.grounded, text);
    return { reading: merged.reading, rules, model, sources: merged.sources };
  }

  /** PreReader contract: the merged reading, or null when the model did not answer (the rules answer alone). */
  async read(rawText: string): Promise<MessageReading | null> {
    try {
      const merged = await this.readMerged(rawText);
      return merged.model.status === "answered" ? merged.reading : null;
    } catch {
      return null;
    }
  }
}

export function createModelPreReader(options: ModelReaderOptions, gazetteer: PlaceLookup): PreReader & { reader: ModelReader } {
  const reader = new ModelReader(options, gazetteer);
  return { reader, read: (text) => reader.read(text) };
}

/** The settings as they come from the environment; OPENAI_TIMEOUT_MS and OPENAI_RESPONSE_FORMAT are optional. */
export interface ModelSettings {
  OPENAI_API_KEY?: string | undefined;
  OPENAI_BASE_URL?: string | undefined;
  OPENAI_MODEL?: string | undefined;
  OPENAI_TIMEOUT_MS?: number | string | undefined;
  OPENAI_RESPONSE_FORMAT?: string | undefined;
}

export const DEFAULT_MODEL = "gpt-4o-mini";
const FORMATS: readonly ResponseFormatSetting[] = ["json_schema", "json_object", "auto"];

/** Reader options from the configuration, or undefined when no model is configured (rules only). */
export function modelOptionsFromConfig(settings: ModelSettings): ModelReaderOptions | undefined {
  if (!settings.OPENAI_API_KEY) return undefined;
  const timeout = Number(settings.OPENAI_TIMEOUT_MS ?? 8000);
  const format = settings.OPENAI_RESPONSE_FORMAT ?? "auto";
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new Error(`OPENAI_RESPONSE_FORMAT must be one of ${FORMATS.join(", ")}`);
  }
  return {
    apiKey: settings.OPENAI_API_KEY,
    ...(settings.OPENAI_BASE_URL ? { baseURL: settings.OPENAI_BASE_URL } : {}),
    model: settings.OPENAI_MODEL ?? DEFAULT_MODEL,
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : 8000,
    responseFormat: format as ResponseFormatSetting,
  };
}
