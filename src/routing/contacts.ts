// Contacts per division (hotline, office address, Slack channel of the arrears office 治欠办) and the
// rights channels a worker can use (national ones, plus each jurisdiction's own numbers). A field missing
// at county level is inherited from the city, then the province, then the national fallback.
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { ConfigFileError, readConfigFile } from "./config-file.js";
import { SUPPORTED_LOCALES } from "../config.js";
import { getI18n } from "../i18n.js";
import type { Gazetteer } from "./gazetteer.js";

const keySchema = z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, "must be an i18n key such as rights.hotline_12333");
const phoneSchema = z.string().regex(/^[0-9+\-() ]{3,30}$/, "must be a phone number");

const channelSchema = z
  .object({
    /** A shipped label (locales: routing.json "rights"), shown in the worker's language. */
    key: keySchema.optional(),
    /** A jurisdiction's own channel named in its own words ("新乡市劳动保障监察支队"), shown as written. */
    label: z.string().trim().min(1).max(80).optional(),
    number: phoneSchema.optional(),
  })
  .strict()
  .refine((channel) => channel.key !== undefined || channel.label !== undefined, "needs a key (a shipped label) or a label (your own words)");

const contactSchema = z
  .object({
    /** For people reading the file; the gazetteer's name is authoritative. */
    name: z.string().optional(),
    hotline: phoneSchema.optional(),
    office: z.string().min(1).optional(),
    slackChannel: z.string().regex(/^#[a-z0-9][a-z0-9_-]*$/, "must look like #channel-name").optional(),
    /** Local labour-dispute arbitration committee (劳动人事争议仲裁委员会) number. */
    arbitrationHotline: phoneSchema.optional(),
    /** Extra channels of this jurisdiction, shown after the national ones. */
    channels: z.array(channelSchema).optional(),
  })
  .strict();

export const contactsFileSchema = z
  .object({
    version: z.literal(1),
    national: contactSchema,
    /** National rights channels, in the order shown to a worker. */
    rightsChannels: z.array(channelSchema).min(1),
    /** Keyed by six-digit GB/T 2260 code. */
    divisions: z.record(z.string().regex(/^\d{6}$/, "division keys must be six-digit codes"), contactSchema),
  })
  .strict();

export type ContactsFile = z.infer<typeof contactsFileSchema>;
export type ContactEntry = z.infer<typeof contactSchema>;
export type RightsChannel = z.infer<typeof channelSchema>;

export interface Contacts {
  hotline: string | null;
  office: string | null;
  slackChannel: string | null;
}

export const DEFAULT_CONTACTS_FILE = fileURLToPath(new URL("./default-contacts.yaml", import.meta.url));

/** The key of the arbitration committee among the national channels: it takes the local number. */
const ARBITRATION_KEY = "rights.arbitration";

export class ContactBook {
  constructor(
    private readonly file: ContactsFile,
    private readonly gazetteer: Gazetteer,
  ) {}

  static load(file: string = DEFAULT_CONTACTS_FILE, gazetteer: Gazetteer): ContactBook {
    const contacts = readConfigFile(file, contactsFileSchema, "contacts");
    // What zod cannot know: that a division exists, and that a key has a label a worker can read.
    const i18n = getI18n();
    const problems: string[] = [];
    for (const code of Object.keys(contacts.divisions)) {
      if (!gazetteer.byCode(code)) problems.push(`division "${code}" is not a division code (GB/T 2260)`);
    }
    const channels = [
      ...contacts.rightsChannels.map((channel) => ({ where: "rightsChannels", channel })),
      ...[contacts.national, ...Object.values(contacts.divisions)].flatMap((entry) => (entry.channels ?? []).map((channel) => ({ where: "channels", channel }))),
    ];
    for (const { where, channel } of channels) {
      if (channel.key !== undefined && !SUPPORTED_LOCALES.every((lng) => i18n.exists(channel.key!, { lng }))) {
        problems.push(`${where}: key "${channel.key}" has no label (use a shipped rights.* key, or give "label" in your own words)`);
      }
    }
    if (problems.length > 0) throw new ConfigFileError(file, `invalid contacts file: ${problems.join("; ")}`);
    return new ContactBook(contacts, gazetteer);
  }

  /** Entries from the division upward, national last: the first that has a field gives it. */
  private entries(code: string | null): ContactEntry[] {
    const chain = code === null ? [] : this.gazetteer.chain(code);
    const found = chain.map((d) => this.file.divisions[d.code]).filter((e): e is ContactEntry => e !== undefined);
    return [...found, this.file.national];
  }

  contacts(code: string | null): Contacts {
    const entries = this.entries(code);
    return {
      hotline: entries.find((e) => e.hotline !== undefined)?.hotline ?? null,
      office: entries.find((e) => e.office !== undefined)?.office ?? null,
      slackChannel: entries.find((e) => e.slackChannel !== undefined)?.slackChannel ?? null,
    };
  }

  rightsChannels(code: string | null): RightsChannel[] {
    const entries = this.entries(code);
    const arbitration = entries.find((e) => e.arbitrationHotline !== undefined)?.arbitrationHotline;
    const national = this.file.rightsChannels.map((c) =>
      c.key === ARBITRATION_KEY && c.number === undefined && arbitration !== undefined ? { ...c, number: arbitration } : { ...c },
    );
    // Local channels, nearest jurisdiction first; one already listed is not repeated.
    const identity = (c: RightsChannel) => c.key ?? `label:${c.label}`;
    const seen = new Set(national.map(identity));
    const local: RightsChannel[] = [];
    for (const entry of entries) {
      for (const channel of entry.channels ?? []) {
        if (seen.has(identity(channel))) continue;
        seen.add(identity(channel));
        local.push({ ...channel });
      }
    }
    return [...national, ...local];
  }
}
