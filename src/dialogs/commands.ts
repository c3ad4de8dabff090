// Commands a worker can type on any channel. Channels pass text through as it came; "/status@bot"
// (Telegram groups) and the Chinese "查询 编号" are understood here once for all of them.
import { findCaseIdIn } from "../cases/case-id.js";

export type Command =
  | { name: "start" | "help" | "new" | "cancel" | "mycases" }
  | { name: "lang"; locale: string | null }
  | { name: "status"; caseId: string | null; accessCode: string | null }
  | { name: "unknown"; raw: string };

const STATUS_WORDS = /^(查询|查|查进度|进度|状态|status)\s*[:：]?\s*/i;

export function parseCommand(text: string): Command | null {
  const trimmed = text.trim();
  if (trimmed.startsWith("/")) {
    const [head = "", ...rest] = trimmed.slice(1).split(/\s+/);
    const name = head.split("@")[0]?.toLowerCase() ?? "";
    const args = rest.join(" ");
    switch (name) {
      case "start":
      case "help":
      case "new":
      case "cancel":
      case "mycases":
        return { name };
      case "lang":
        return { name: "lang", locale: rest[0] ?? null };
      case "status":
        return statusCommand(args);
      default:
        return { name: "unknown", raw: name };
    }
  }
  if (/^(取消|cancel)$/i.test(trimmed)) return { name: "cancel" };
  const statusMatch = trimmed.match(STATUS_WORDS);
  if (statusMatch && findCaseIdIn(trimmed.slice(statusMatch[0].length))) {
    return statusCommand(trimmed.slice(statusMatch[0].length));
  }
  return null;
}

function statusCommand(args: string): Command {
  // Something that is not ID-shaped is still passed on, so the worker hears "that is not an ID".
  const caseId = findCaseIdIn(args) ?? (args.trim() ? (args.trim().split(/\s+/)[0] ?? null) : null);
  const rest = caseId ? args.replace(caseId, " ") : args;
  const code = rest.match(/(?<!\d)\d{6}(?!\d)/);
  return { name: "status", caseId, accessCode: code ? code[0] : null };
}
