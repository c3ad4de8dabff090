// Who acted on a case, in words people read: the ledger keeps the actor as code ("officer:slack:U0HONGQI",
// "officer:张三", "worker:telegram:123"), which must not reach a case history as it is. An officer acting
// in Slack is named by the registry (the bureau's name for them, else the Slack display name learnt when
// they acted), else as an officer of their desk ("红旗区经办人"), never by a raw Slack user ID.
import type { TFunction } from "i18next";
import type { Gazetteer } from "../routing/gazetteer.js";
import type { OfficerRegistry } from "./registry.js";

export const SLACK_ACTOR_PREFIX = "slack:";

export class ActorNames {
  private readonly cache = new Map<string, string>();

  constructor(
    private readonly registry: OfficerRegistry,
    private readonly gazetteer: Gazetteer,
  ) {}

  /** A Slack officer's name: registered or learnt; else "红旗区经办人" by their desk; else "Slack 经办人". */
  slackOfficer(t: TFunction, slackUserId: string): string {
    const cached = this.cache.get(slackUserId);
    if (cached !== undefined) return cached;
    const name = this.registry.displayName(slackUserId);
    let label: string;
    if (name) label = name;
    else {
      // The desk they hold (the first registered, as `officer list` orders them), by its own short name.
      const desk = this.registry.assignments(slackUserId)[0];
      const division = desk ? this.gazetteer.byCode(desk.divisionCode)?.name : undefined;
      label = division ? t("cli.actor.deskOfficer", { division }) : t("cli.actor.slackOfficer");
    }
    this.cache.set(slackUserId, label);
    return label;
  }

  /** "王明", "红旗区经办人", "张三" (a name given on the CLI), "工人", "查询人", "系统". */
  label(t: TFunction, actor: string): string {
    if (actor.startsWith(`officer:${SLACK_ACTOR_PREFIX}`)) return this.slackOfficer(t, actor.slice(`officer:${SLACK_ACTOR_PREFIX}`.length));
    if (actor.startsWith("officer:")) return t("cli.actor.officer", { name: actor.slice("officer:".length) });
    if (actor.startsWith("worker:")) return t("cli.actor.worker");
    if (actor.startsWith("visitor:")) return t("cli.actor.visitor");
    return t("cli.actor.system");
  }
}
