// Downloads evidence to EVIDENCE_DIR (when EVIDENCE_DOWNLOAD is on): getFile, then the file URL of
// the Bot API server. A local Bot API server (--local) answers with an absolute path: copied.
// Written to a temporary name and renamed, so a half-written file never carries the final name.
import { createWriteStream } from "node:fs";
import { copyFile, mkdir, rename, rm, stat } from "node:fs/promises";
import { extname, isAbsolute, join, resolve } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Api } from "grammy";

export interface DownloadOptions {
  api: Api;
  token: string;
  /** Bot API server root, "https://api.telegram.org" by default. */
  apiRoot: string;
  dir: string;
  maxBytes: number;
  timeoutMs?: number;
}

export class DownloadTooLargeError extends Error {}

function safeExtension(path: string): string {
  const ext = extname(path).toLowerCase();
  return /^\.[a-z0-9]{1,8}$/.test(ext) ? ext : "";
}

function safeName(fileUniqueId: string, filePath: string, now: number): string {
  const id = fileUniqueId.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 64) || "file";
  return `${now}-${id}${safeExtension(filePath)}`;
}

/** Returns the absolute path of the stored file. */
export async function downloadTelegramFile(
  options: DownloadOptions,
  fileId: string,
  fileUniqueId: string,
  now = Date.now(),
): Promise<string> {
  const file = await options.api.getFile(fileId);
  if (!file.file_path) throw new Error("getFile returned no file_path");
  if (file.file_size !== undefined && file.file_size > options.maxBytes) throw new DownloadTooLargeError("file too large");
  const dir = resolve(options.dir);
  await mkdir(dir, { recursive: true });
  const target = join(dir, safeName(fileUniqueId, file.file_path, now));
  const partial = `${target}.part`;
  try {
    if (isAbsolute(file.file_path)) {
      const info = await stat(file.file_path);
      if (info.size > options.maxBytes) throw new DownloadTooLargeError("file too large");
      await copyFile(file.file_path, partial);
    } else {
      const url = `${options.apiRoot.replace(/\/+$/, "")}/file/bot${options.token}/${file.file_path}`;
      const response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 120_000) });
      if (!response.ok || !response.body) throw new Error(`file download failed with HTTP ${response.status}`);
      const length = Number(response.headers.get("content-length") ?? "0");
      if (length > options.maxBytes) throw new DownloadTooLargeError("file too large");
      let received = 0;
      const limit = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          received += chunk.length;
          if (received > options.maxBytes) callback(new DownloadTooLargeError("file too large"));
          else callback(null, chunk);
        },
      });
      await pipeline(Readable.fromWeb(response.body as import("node:stream/web").ReadableStream), limit, createWriteStream(partial));
    }
    await rename(partial, target);
    return target;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
