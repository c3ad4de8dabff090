// An OpenAI-compatible server on 127.0.0.1 for tests: the real openai SDK talks HTTP to it. Each test
// scripts how it answers (a reading, malformed text, an HTTP status, slowly, or like a server without
// json_schema support) and reads back what the SDK sent.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: any;
}

export type Behaviour =
  /** A chat completion whose message content is `content` (an object is JSON-encoded). */
  | { kind: "answer"; content: unknown; delayMs?: number; finishReason?: string }
  /** An HTTP error with an OpenAI-style error body. */
  | { kind: "status"; status: number; message?: string; headers?: Record<string, string>; delayMs?: number }
  /** Like a DeepSeek/Qwen endpoint: 400 to response_format json_schema, otherwise `then`. */
  | { kind: "noJsonSchema"; then: Behaviour };

export type Script = (request: RecordedRequest, index: number) => Behaviour;

/** A full model reading: every key present, null unless given. */
export function modelAnswer(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    project: null,
    employer: null,
    amountYuan: null,
    headcount: null,
    place: null,
    sector: null,
    projectKind: null,
    ownership: null,
    phone: null,
    since: null,
    ...fields,
  };
}

export class OpenAIStandIn {
  readonly requests: RecordedRequest[] = [];
  /** Requests to /v1/chat/completions only. */
  get completions(): RecordedRequest[] {
    return this.requests.filter((r) => r.path.endsWith("/chat/completions"));
  }
  script: Script = () => ({ kind: "status", status: 500, message: "no script" });
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(
    private readonly server: Server,
    readonly baseURL: string,
  ) {}

  static async start(): Promise<OpenAIStandIn> {
    let standIn: OpenAIStandIn | undefined;
    const server = createServer((req, res) => void standIn?.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    standIn = new OpenAIStandIn(server, `http://127.0.0.1:${port}/v1`);
    return standIn;
  }

  /** Answers in this order, one per request; the last one repeats. */
  queue(...behaviours: Behaviour[]): void {
    this.script = (_request, index) => behaviours[Math.min(index, behaviours.length - 1)] as Behaviour;
  }

  reset(): void {
    this.requests.length = 0;
    this.script = () => ({ kind: "status", status: 500, message: "no script" });
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    let body: unknown = raw;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      // kept as text
    }
    const request: RecordedRequest = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body };
    this.requests.push(request);
    if (req.method !== "POST" || !request.path.endsWith("/chat/completions")) {
      this.send(res, { kind: "status", status: 404, message: `no route ${req.method} ${request.path}` }, request);
      return;
    }
    const index = this.completions.length - 1;
    this.send(res, this.script(request, index), request);
  }

  private send(res: ServerResponse, behaviour: Behaviour, request: RecordedRequest): void {
    if (behaviour.kind === "noJsonSchema") {
      if (request.body?.response_format?.type === "json_schema") {
        this.send(res, { kind: "status", status: 400, message: "response_format type json_schema is not supported" }, request);
      } else {
        this.send(res, behaviour.then, request);
      }
      return;
    }
    const write = () => {
      if (res.destroyed || res.writableEnded) return;
      if (behaviour.kind === "status") {
        res.writeHead(behaviour.status, { "content-type": "application/json", ...(behaviour.headers ?? {}) });
        res.end(
          JSON.stringify({
            error: { message: behaviour.message ?? `status ${behaviour.status}`, type: "invalid_request_error", param: null, code: null },
          }),
        );
        return;
      }
      const content = typeof behaviour.content === "string" ? behaviour.content : JSON.stringify(behaviour.content);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          id: `chatcmpl-${this.requests.length}`,
          object: "chat.completion",
          created: Math.floor(Date.now() / 1000),
          model: request.body?.model ?? "stand-in",
          choices: [
            {
              index: 0,
              message: { role: "assistant", content, refusal: null },
              finish_reason: behaviour.finishReason ?? "stop",
              logprobs: null,
            },
          ],
          usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
        }),
      );
    };
    const delay = behaviour.delayMs ?? 0;
    if (delay <= 0) {
      write();
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      write();
    }, delay);
    this.timers.add(timer);
  }
}
