// The model call, on the real openai SDK against any OpenAI-compatible server. The SDK's own retries
// are off (they would also retry timeouts and could wait far past our deadline): this file retries
// 429 and 5xx answers itself, with a short backoff, inside ONE deadline for the whole read.
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { zodResponseFormat } from "openai/helpers/zod";
import { buildMessages } from "./prompt.js";
import { MalformedModelOutput, modelReadingSchema, parseModelContent, parseModelObject, type ModelReading } from "./schema.js";

/**
 * json_schema: structured output enforced by the server (OpenAI, vLLM, recent Ollama).
 * json_object: JSON mode, the schema in the prompt, checked on our side (DeepSeek, most Qwen endpoints).
 * auto: json_schema first; on a 400 answer to it, json_object from then on.
 */
export type ResponseFormatSetting = "json_schema" | "json_object" | "auto";

export interface ModelClientOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  responseFormat?: ResponseFormatSetting;
  /** Deadline of one read, retries included. Default 8000 ms. */
  timeoutMs?: number;
  /** Retries after 429/5xx, at most 2. Default 1. */
  maxRetries?: number;
  /** First backoff; doubled per retry, capped by the deadline. Default 300 ms. */
  retryBackoffMs?: number;
  /** Sent when not null. Default 0. Some reasoning models refuse any temperature: set null for them. */
  temperature?: number | null;
}

export type FailureKind = "timeout" | "rate_limited" | "server_error" | "bad_request" | "http_error" | "connection" | "malformed" | "refused";

export class ModelCallError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });

function retryAfterMs(error: APIError): number | undefined {
  const headers = error.headers;
  const ms = Number(headers?.get("retry-after-ms"));
  if (Number.isFinite(ms) && ms >= 0 && headers?.get("retry-after-ms") != null) return ms;
  const seconds = Number(headers?.get("retry-after"));
  if (Number.isFinite(seconds) && seconds >= 0 && headers?.get("retry-after") != null) return seconds * 1000;
  return undefined;
}

function classify(error: unknown, deadlinePassed: boolean): ModelCallError {
  if (error instanceof ModelCallError) return error;
  if (error instanceof MalformedModelOutput) return new ModelCallError("malformed", error.message);
  if (deadlinePassed || error instanceof APIUserAbortError) return new ModelCallError("timeout", "model did not answer in time");
  if (error instanceof APIConnectionTimeoutError) return new ModelCallError("timeout", "model did not answer in time");
  if (error instanceof APIConnectionError) return new ModelCallError("connection", error.message);
  if (error instanceof APIError) {
    const status = error.status ?? 0;
    if (status === 429) return new ModelCallError("rate_limited", error.message, status);
    if (status >= 500) return new ModelCallError("server_error", error.message, status);
    if (status === 400) return new ModelCallError("bad_request", error.message, status);
    return new ModelCallError("http_error", error.message, status);
  }
  // The SDK's own parse (json_schema mode) throws zod's or JSON's error on content it cannot read.
  if (error instanceof SyntaxError || (error instanceof Error && error.name === "ZodError")) {
    return new ModelCallError("malformed", error.message);
  }
  return new ModelCallError("malformed", error instanceof Error ? error.message : String(error));
}

export class ModelClient {
  readonly sdk: OpenAI;
  private format: "json_schema" | "json_object";
  private readonly autoFormat: boolean;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly backoffMs: number;
  private readonly responseFormat = zodResponseFormat(modelReadingSchema, "message_reading");

  constructor(private readonly options: ModelClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 8000;
    this.maxRetries = Math.max(0, Math.min(2, options.maxRetries ?? 1));
    this.backoffMs = options.retryBackoffMs ?? 300;
    this.autoFormat = (options.responseFormat ?? "auto") === "auto";
    this.format = options.responseFormat === "json_object" ? "json_object" : "json_schema";
    this.sdk = new OpenAI({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      timeout: this.timeoutMs,
      maxRetries: 0,
    });
  }

  /** The response format in use now (auto mode may have switched to json_object). */
  get currentFormat(): "json_schema" | "json_object" {
    return this.format;
  }

  get deadlineMs(): number {
    return this.timeoutMs;
  }

  /** One read within the deadline; throws ModelCallError. */
  async read(text: string): Promise<ModelReading> {
    const controller = new AbortController();
    const started = Date.now();
    const deadline = started + this.timeoutMs;
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    // Belt and braces: whatever the SDK does with the signal, the caller is answered at the deadline.
    let stop: (() => void) | undefined;
    const deadlineReached = new Promise<never>((_, reject) => {
      const onAbort = () => reject(new ModelCallError("timeout", "model did not answer in time"));
      controller.signal.addEventListener("abort", onAbort, { once: true });
      stop = () => controller.signal.removeEventListener("abort", onAbort);
    });
    deadlineReached.catch(() => undefined);
    try {
      return await Promise.race([this.withRetries(text, deadline, controller.signal), deadlineReached]);
    } finally {
      clearTimeout(timer);
      stop?.();
      controller.abort();
    }
  }

  private async withRetries(text: string, deadline: number, signal: AbortSignal): Promise<ModelReading> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(text, deadline, signal);
      } catch (raw) {
        const error = classify(raw, signal.aborted);
        if (error.kind === "bad_request" && this.autoFormat && this.format === "json_schema") {
          // The server does not take json_schema (DeepSeek, many Qwen endpoints): JSON mode from now on.
          this.format = "json_object";
          attempt -= 1;
          continue;
        }
        const retryable = error.kind === "rate_limited" || error.kind === "server_error";
        if (!retryable || attempt >= this.maxRetries) throw error;
        const suggested = raw instanceof APIError ? retryAfterMs(raw) : undefined;
        const wait = Math.min(suggested ?? this.backoffMs * 2 ** attempt, 2000);
        // No time left for another answer: give up now rather than at the deadline.
        if (Date.now() + wait + 50 >= deadline) throw error;
        await sleep(wait, signal);
        if (signal.aborted) throw new ModelCallError("timeout", "model did not answer in time");
      }
    }
  }

  private async once(text: string, deadline: number, signal: AbortSignal): Promise<ModelReading> {
    const remaining = Math.max(1, deadline - Date.now());
    const requestOptions = { signal, timeout: remaining, maxRetries: 0 };
    const temperature = this.options.temperature === undefined ? 0 : this.options.temperature;
    const common = {
      model: this.options.model,
      messages: buildMessages(text, this.format),
      ...(temperature === null ? {} : { temperature }),
    };
    if (this.format === "json_schema") {
      const completion = await this.sdk.chat.completions.parse({ ...common, response_format: this.responseFormat }, requestOptions);
      const message = completion.choices[0]?.message;
      if (!message) throw new MalformedModelOutput("no choice in the answer");
      if (message.refusal) throw new ModelCallError("refused", "the model refused");
      if (!message.parsed) throw new MalformedModelOutput("empty answer");
      // Checked again field by field (the SDK has parsed it with the same schema).
      return parseModelObject(message.parsed as Record<string, unknown>);
    }
    const completion = await this.sdk.chat.completions.create(
      { ...common, response_format: { type: "json_object" } },
      requestOptions,
    );
    return parseModelContent(completion.choices[0]?.message.content);
  }
}
