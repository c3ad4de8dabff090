// The officers' Slack app (Bolt): HTTP receiver at /slack/events with signature verification, or Socket
// Mode when an app-level token is configured. Tickets for new cases are posted by a loop driven from the
// database; actions and slash commands are in ./actions.ts.
import { App as BoltApp, LogLevel } from "@slack/bolt";
import type { App } from "../../app.js";
import { warningLines } from "../../log.js";
import { postWeeklyIfDue } from "./weekly-schedule.js";
import { registerHandlers, SlackDesk } from "./actions.js";
import { DeskDelivery } from "./desk-delivery.js";
import { DeskTickets } from "./desk-tickets.js";
import type { Tickets } from "./tickets.js";


export interface SlackAppOptions {
  token: string;
  signingSecret: string;
  /** Port of the HTTP receiver (0 picks a free one; read it from `port` after start). */
  port?: number;
  /** Web API base URL ("http://127.0.0.1:PORT/api/"), for tests. */
  slackApiUrl?: string;
  /** Socket Mode with this app-level token (xapp-…) instead of the HTTP receiver. */
  appToken?: string;
  /** Channel for cases the routing could not place, and divisions without a channel. */
  triageChannel?: string;
  /** Retries of the Web API client (0 in tests: the default policy waits minutes). */
  retries?: number;
  /**
   * How often the desk outbox (reminders, escalations, the worker's answers) is drained into Slack
   * while started; 0 leaves it to the caller (`desk.dispatcher.drainOnce()`, tests). Default 1000.
   */
  deskPollMs?: number;
}

export interface SlackChannel {
  bolt: InstanceType<typeof BoltApp>;
  desk: SlackDesk;
  tickets: Tickets;
  /** Posts the desk's outbox (channel "desk") into ticket threads and division channels. */
  deskDelivery: DeskDelivery;
  /** Starts the receiver; resolves to the port it listens on (undefined in Socket Mode). */
  start(): Promise<number | undefined>;
  stop(): Promise<void>;
}

export const DEFAULT_TRIAGE_CHANNEL = "#arrears-triage";

/**
 * How long a stop waits for a Slack call in flight. Past it the process stops anyway: a message sent
 * but not yet marked delivered is sent again after the restart (at least once, never lost).
 */
const STOP_WAIT_MS = 15_000;

async function settledWithin(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

export function createSlackApp(app: App, options: SlackAppOptions): SlackChannel {
  const socketMode = Boolean(options.appToken);
  const instance = new BoltApp({
    token: options.token,
    signingSecret: options.signingSecret,
    ...(socketMode ? { socketMode: true, appToken: options.appToken } : { port: options.port ?? app.config.PORT }),
    logLevel: LogLevel.ERROR,
    // Bolt would call auth.test from its constructor and leave a failure unhandled (a crash when Slack
    // cannot be reached); startSlack checks the token itself and says what is wrong.
    tokenVerificationEnabled: false,
    clientOptions: {
      ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
      // Bounded: an unreachable Slack must not hold a ticket tick (or a stop) for many minutes; what
      // failed is posted on a later tick, and desk messages stay in the outbox.
      timeout: 10_000,
      retryConfig: { retries: options.retries ?? 2, minTimeout: 1_000, maxTimeout: 5_000 },
    },
  });
  const tickets = new DeskTickets(app, instance.client, options.triageChannel ?? DEFAULT_TRIAGE_CHANNEL);
  const desk = new SlackDesk(app, tickets);
  const deskDelivery = new DeskDelivery(app, instance.client, tickets);
  const deskPollMs = options.deskPollMs ?? 1000;
  // The desk loop is awaited on stop: a drain in flight finishes (and records its outcome) before the
  // caller closes the database.
  let deskTimer: NodeJS.Timeout | undefined;
  let deskDraining: Promise<unknown> = Promise.resolve();
  let deskStopped = false;
  const deskTick = () => {
    deskDraining = deskDelivery.dispatcher.drainOnce().finally(() => {
      if (!deskStopped) deskTimer = setTimeout(deskTick, deskPollMs);
    });
  };
  registerHandlers(instance, app, desk);
  instance.error(async (error) => {
    warningLines(app.config.LOG_LEVEL, "slack")(`slack: ${error instanceof Error ? error.message : String(error)}`);
  });
  return {
    bolt: instance,
    desk,
    tickets,
    deskDelivery,
    start: async () => {
      if (deskPollMs > 0) {
        deskStopped = false;
        deskTimer = setTimeout(deskTick, 0);
      }
      const server = (socketMode ? await instance.start() : await instance.start(options.port ?? app.config.PORT)) as unknown;
      const address = (server as { address?: () => unknown } | undefined)?.address?.();
      return address && typeof address === "object" && "port" in address ? Number((address as { port: number }).port) : undefined;
    },
    stop: async () => {
      deskStopped = true;
      if (deskTimer) clearTimeout(deskTimer);
      await settledWithin(deskDraining, STOP_WAIT_MS);
      await instance.stop();
    },
  };
}

/** Slack refused the bot token: the configuration is wrong, and nothing would reach the desk. */
export class SlackTokenError extends Error {}

const REFUSED_TOKEN = new Set(["invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "no_permission"]);

/**
 * auth.test once at start: a token Slack refuses stops start-up with Slack's reason; an unreachable
 * Slack is only logged (the desk is posted to once it answers: tickets and messages are kept).
 */
async function checkToken(channel: SlackChannel, log: (line: string) => void): Promise<void> {
  try {
    await channel.bolt.client.auth.test();
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code && REFUSED_TOKEN.has(code)) throw new SlackTokenError(`Slack refused SLACK_BOT_TOKEN: ${code}`);
    log(`slack: not reachable at start (${error instanceof Error ? error.message : String(error)}); tickets are posted once it answers`);
  }
}

export interface StartSlackOptions {
  /** How often the ticket loop looks for cases without a ticket. */
  pollMs?: number;
  triageChannel?: string;
  log?: (line: string) => void;
}

/**
 * Starts the officers' app when SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are configured; null otherwise.
 * Call `postTicket(caseId)` after filing for an immediate post; the loop catches anything missed.
 */
export async function startSlack(
  app: App,
  options: StartSlackOptions = {},
): Promise<{ stop(): Promise<void>; postTicket(caseId: string): Promise<boolean>; port: number | undefined } | null> {
  const { SLACK_BOT_TOKEN: token, SLACK_SIGNING_SECRET: signingSecret } = app.config;
  if (!token || !signingSecret) return null;
  const log = options.log ?? warningLines(app.config.LOG_LEVEL, "slack");
  const channel = createSlackApp(app, {
    token,
    signingSecret,
    port: app.config.PORT,
    ...(app.config.SLACK_API_URL ? { slackApiUrl: app.config.SLACK_API_URL } : {}),
    ...(app.config.SLACK_APP_TOKEN ? { appToken: app.config.SLACK_APP_TOKEN } : {}),
    triageChannel: options.triageChannel ?? app.config.SLACK_TRIAGE_CHANNEL ?? DEFAULT_TRIAGE_CHANNEL,
  });
  await checkToken(channel, log);
  const port = await channel.start();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let ticking: Promise<void> = Promise.resolve();
  const leaders = app.config.SLACK_LEADERS_CHANNEL;
  const tick = async () => {
    try {
      await channel.tickets.postPending();
    } catch (error) {
      log(`slack: posting tickets failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (leaders) {
      try {
        await postWeeklyIfDue(app, channel.bolt.client, {
          channel: leaders,
          weekday: app.config.WEEKLY_REPORT_WEEKDAY,
          hour: app.config.WEEKLY_REPORT_HOUR,
        });
      } catch (error) {
        log(`slack: weekly report failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (!stopped) timer = setTimeout(run, options.pollMs ?? 5_000);
  };
  const run = () => {
    ticking = tick();
  };
  run();
  return {
    port,
    postTicket: (caseId) => channel.tickets.postTicket(caseId),
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await settledWithin(ticking, STOP_WAIT_MS); // a ticket post in flight finishes first, if Slack answers
      await channel.stop();
    },
  };
}
