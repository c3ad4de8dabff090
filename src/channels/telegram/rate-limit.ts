// Per-chat flood control: at most `perMinute` updates in any 60 seconds. The first update over the
// limit gets one calm answer; the rest of the flood is dropped silently until the window drains.
export type RateDecision = "ok" | "notify" | "drop";

const WINDOW_MS = 60_000;
const MAX_TRACKED_CHATS = 100_000;

interface ChatWindow {
  times: number[];
  notified: boolean;
}

export class ChatRateLimiter {
  private readonly chats = new Map<string, ChatWindow>();

  constructor(private readonly perMinute: number) {}

  check(chat: string, now: number): RateDecision {
    let window = this.chats.get(chat);
    if (!window) {
      if (this.chats.size >= MAX_TRACKED_CHATS) this.evict(now);
      window = { times: [], notified: false };
      this.chats.set(chat, window);
    }
    while (window.times.length > 0 && (window.times[0] as number) <= now - WINDOW_MS) window.times.shift();
    if (window.times.length < this.perMinute) {
      window.times.push(now);
      window.notified = false;
      return "ok";
    }
    if (window.notified) return "drop";
    window.notified = true;
    return "notify";
  }

  private evict(now: number): void {
    for (const [chat, window] of this.chats) {
      const last = window.times[window.times.length - 1];
      if (last === undefined || last <= now - WINDOW_MS) this.chats.delete(chat);
    }
    // Still full (a real flood of distinct chats): forget the oldest half.
    if (this.chats.size >= MAX_TRACKED_CHATS) {
      let drop = Math.floor(this.chats.size / 2);
      for (const chat of this.chats.keys()) {
        if (drop-- <= 0) break;
        this.chats.delete(chat);
      }
    }
  }
}

const ALBUM_MS = 60_000;
const MAX_TRACKED_ALBUMS = 10_000;

/** Albums (media groups) seen in the last minute: an album's files after the first are "more of it". */
export class RecentAlbums {
  private readonly firstSeen = new Map<string, number>();

  /** True when a file of this album came before (within a minute); records it otherwise. */
  seen(albumId: string, now: number): boolean {
    const at = this.firstSeen.get(albumId);
    if (at !== undefined && at > now - ALBUM_MS) return true;
    if (this.firstSeen.size >= MAX_TRACKED_ALBUMS) {
      for (const [id, first] of this.firstSeen) if (first <= now - ALBUM_MS) this.firstSeen.delete(id);
      if (this.firstSeen.size >= MAX_TRACKED_ALBUMS) this.firstSeen.clear();
    }
    this.firstSeen.set(albumId, now);
    return false;
  }
}
