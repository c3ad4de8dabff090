// A Slack Web API stand-in on 127.0.0.1 (records every call), and a signer that sends requests to
// Bolt's receiver the way Slack does: signed, interactivity form-encoded as payload=<json>.
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
}

export class SlackStandIn {
  calls: ApiCall[] = [];
  /** Channels whose chat.postMessage fails (channel_not_found), to test what is retried. */
  readonly failingChannels = new Set<string>();
  /** Workspace members users.info knows (others: user_not_found), by user ID. */
  readonly users = new Map<string, { name: string; real_name?: string; display_name?: string }>();
  /** False: users.info answers missing_scope, as Slack does for a token without users:read. */
  usersReadScope = true;
  /** False: auth.test answers invalid_auth, as Slack does for a wrong or revoked token. */
  acceptsToken = true;
  private server: Server | undefined;
  private tsCounter = 1000;
  url = "";

  /** Channel names ("#arrears-x") get stable IDs, as Slack returns them. */
  static channelId(name: string): string {
    return name.startsWith("#") ? `C_${name.slice(1).toUpperCase().replace(/[^A-Z0-9]/g, "_")}` : name;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let raw = "";
      req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      req.on("end", () => {
        const method = (req.url ?? "").replace(/^\/api\//, "").split("?")[0] ?? "";
        let args: Record<string, unknown> = {};
        if ((req.headers["content-type"] ?? "").includes("json")) args = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
        else {
          for (const [key, value] of new URLSearchParams(raw)) {
            try {
              args[key] = key === "blocks" || key === "view" ? JSON.parse(value) : value;
            } catch {
              args[key] = value;
            }
          }
        }
        this.calls.push({ method, args });
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify(this.answer(method, args)));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/`;
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case "auth.test":
        if (!this.acceptsToken) return { ok: false, error: "invalid_auth" };
        return { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1", team: "bureau" };
      case "chat.postMessage":
        if (this.failingChannels.has(String(args.channel))) return { ok: false, error: "channel_not_found" };
        return { ok: true, channel: SlackStandIn.channelId(String(args.channel)), ts: `${++this.tsCounter}.000100` };
      case "chat.update":
        return { ok: true, channel: args.channel, ts: args.ts };
      case "chat.postEphemeral":
        return { ok: true, message_ts: `${++this.tsCounter}.000200` };
      case "users.info": {
        if (!this.usersReadScope) return { ok: false, error: "missing_scope", needed: "users:read" };
        const user = this.users.get(String(args.user));
        if (!user) return { ok: false, error: "user_not_found" };
        return {
          ok: true,
          user: { id: args.user, name: user.name, real_name: user.real_name ?? "", profile: { real_name: user.real_name ?? "", display_name: user.display_name ?? "" } },
        };
      }
      case "views.open":
        return { ok: true, view: { id: `V${++this.tsCounter}` } };
      default:
        return { ok: false, error: "unknown_method" };
    }
  }

  of(method: string): ApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SendOptions {
  secret?: string | null; // null: unsigned
  timestamp?: number;
  retryNum?: number;
}

/** Posts to Bolt's /slack/events as Slack would; returns the HTTP status and body. */
export async function sendToBolt(
  port: number,
  body: string,
  contentType: string,
  options: SendOptions & { secret: string | null },
): Promise<{ status: number; text: string }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { "content-type": contentType };
  if (options.secret !== null) {
    headers["x-slack-request-timestamp"] = String(timestamp);
    headers["x-slack-signature"] = sign(options.secret, timestamp, body);
  }
  if (options.retryNum !== undefined) {
    headers["x-slack-retry-num"] = String(options.retryNum);
    headers["x-slack-retry-reason"] = "http_timeout";
  }
  const response = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: "POST", headers, body });
  return { status: response.status, text: await response.text() };
}

export function interactivityBody(payload: unknown): string {
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export function blockAction(options: {
  user: string;
  actionId: string;
  value?: string;
  selected?: string;
  channel: string;
  ts: string;
  actionTs: string;
}): Record<string, unknown> {
  const action =
    options.selected !== undefined
      ? { type: "static_select", action_id: options.actionId, block_id: "b", selected_option: { value: options.selected }, action_ts: options.actionTs }
      : { type: "button", action_id: options.actionId, block_id: "b", value: options.value, action_ts: options.actionTs };
  return {
    type: "block_actions",
    team: { id: "T1", domain: "bureau" },
    user: { id: options.user, username: options.user, team_id: "T1" },
    api_app_id: "A1",
    token: "legacy",
    trigger_id: `trigger-${options.actionTs}`,
    channel: { id: options.channel, name: "desk" },
    container: { type: "message", message_ts: options.ts, channel_id: options.channel },
    message: { ts: options.ts, type: "message", text: "" },
    response_url: "http://127.0.0.1:1/unused",
    actions: [action],
  };
}

export function viewSubmission(options: {
  user: string;
  callbackId: string;
  caseId: string;
  viewId: string;
  values: Record<string, string | { selected: string }>;
  /** The view's private_metadata as the app set it when it opened the modal (default: the case ID only). */
  privateMetadata?: string;
}): Record<string, unknown> {
  const values: Record<string, Record<string, unknown>> = {};
  for (const [block, value] of Object.entries(options.values)) {
    values[block] = {
      value: typeof value === "string" ? { type: "plain_text_input", value } : { type: "static_select", selected_option: { value: value.selected } },
    };
  }
  return {
    type: "view_submission",
    team: { id: "T1", domain: "bureau" },
    user: { id: options.user, username: options.user, team_id: "T1" },
    api_app_id: "A1",
    token: "legacy",
    trigger_id: `trigger-${options.viewId}`,
    view: {
      id: options.viewId,
      hash: "h1",
      type: "modal",
      callback_id: options.callbackId,
      private_metadata: options.privateMetadata ?? JSON.stringify({ caseId: options.caseId }),
      state: { values },
      team_id: "T1",
      app_id: "A1",
      bot_id: "BBOT",
      title: { type: "plain_text", text: "x" },
      blocks: [],
    },
  };
}

export function commandBody(command: string, text: string, user: string): string {
  return new URLSearchParams({
    token: "legacy",
    team_id: "T1",
    team_domain: "bureau",
    channel_id: "C_DESK",
    channel_name: "desk",
    user_id: user,
    user_name: user,
    command,
    text,
    api_app_id: "A1",
    response_url: "http://127.0.0.1:1/unused",
    trigger_id: "trigger-cmd",
  }).toString();
}

export async function waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 3000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error("waitFor: timed out");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
