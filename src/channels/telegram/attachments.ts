// Evidence (证据) in a Telegram message: a photo (its largest size), a document, a voice note, a
// video or an audio file. Telegram states the size; the engine refuses what is over the limit.
import type { Message } from "grammy/types";
import type { AttachmentInput } from "../../dialogs/session.js";

export interface TelegramAttachment extends AttachmentInput {
  /** Stable across bots and time; used to name the downloaded file. */
  fileUniqueId: string;
}

function caption(message: Message): string | null {
  const text = message.caption?.trim();
  return text ? text.slice(0, 1024) : null;
}

export function attachmentOf(message: Message): TelegramAttachment | null {
  const base = { caption: caption(message), storedPath: null };
  if (message.photo && message.photo.length > 0) {
    // Sizes come smallest first, but pick by pixels (then bytes) rather than trust the order.
    const largest = message.photo.reduce((best, size) => {
      const pixels = size.width * size.height - best.width * best.height;
      return pixels > 0 || (pixels === 0 && (size.file_size ?? 0) >= (best.file_size ?? 0)) ? size : best;
    });
    return { ...base, type: "photo", fileId: largest.file_id, fileUniqueId: largest.file_unique_id, sizeBytes: largest.file_size ?? null };
  }
  const file =
    (message.document && { type: "document" as const, file: message.document }) ||
    (message.voice && { type: "voice" as const, file: message.voice }) ||
    (message.video && { type: "video" as const, file: message.video }) ||
    (message.video_note && { type: "video" as const, file: message.video_note }) ||
    (message.audio && { type: "audio" as const, file: message.audio }) ||
    null;
  if (!file) return null;
  return {
    ...base,
    type: file.type,
    fileId: file.file.file_id,
    fileUniqueId: file.file.file_unique_id,
    sizeBytes: file.file.file_size ?? null,
  };
}
