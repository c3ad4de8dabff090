// What the dialog engine needs from the rest of the core, as interfaces: the engine is tested with
// the real reader and router, and a future reader (a language model) plugs in without touching it.
import type { PlaceResolution } from "../routing/gazetteer.js";
import type { Route, RouteInput } from "../routing/router.js";
import type { Classification, MessageReading } from "../triage/reading.js";

export interface ComplaintReader {
  read(text: string): MessageReading;
  classify(text: string, reading: MessageReading): Classification;
  /** A short answer to "where is it?": names alone, no surrounding story. */
  resolvePlaceAnswer(text: string): PlaceResolution;
  /** "河南省新乡市红旗区" for a division code, to show candidates and summaries. */
  divisionLabel(code: string): string;
  /** Whether counties lie below the division (a city, a province): the place is then asked more exactly. */
  hasCounties(code: string): boolean;
}

export interface RightsChannel {
  /** A shipped label's i18n key, or… */
  key?: string;
  /** …a jurisdiction's own name for it, shown as written. */
  label?: string;
  number?: string;
}

export interface ComplaintRouter {
  route(input: RouteInput): Route;
  rightsChannels(divisionCode: string | null): RightsChannel[];
}

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
