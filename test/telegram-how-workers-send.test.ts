// What workers do in Telegram besides typing answers, through the real grammY bot and the Bot API
// stand-in: share a contact card (their own, or the boss's), forward the boss's messages, send a photo
// whose caption tells the story, a voice message, an album of photos; write in a group; edit a message;
// open a case from a deep link; thank with 🙏.
import { afterEach, describe, expect, it } from "vitest";
import { formatCaseId } from "../src/cases/case-id.js";
import { setupTelegram, type TelegramTestEnv } from "./helpers/telegram-setup.js";
import { fileComplaint, type WorkerProfile } from "./helpers/telegram-worker.js";
import { STAND_IN_BOT } from "./helpers/telegram-stand-in.js";

let env: TelegramTestEnv | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

const STORY = "我在河南省新乡市红旗区碧桂园三期工地干活，包工头张三欠我们5个人工资12345元";

function profile(chatId: number): WorkerProfile {
  return { chatId, story: STORY, place: "河南省新乡市红旗区", project: "碧桂园三期", employer: "张三", amount: 12345, headcount: 5 };
}

/** Sends one update and waits until the bot has finished with it; returns the bot's new messages' texts. */
async function turn(e: TelegramTestEnv, chatId: number, send: () => number): Promise<string[]> {
  const before = e.standIn.messagesTo(chatId).length;
  const updateId = send();
  await e.done.wait(updateId);
  return e.standIn.messagesTo(chatId).slice(before).map((m) => m.text);
}

const contact = (chatId: number, phone: string, userId: number, name: string) => ({
  contact: { phone_number: phone, first_name: name, user_id: userId },
  from: { id: chatId, is_bot: false, first_name: `工人${chatId}`, language_code: "zh-hans" },
});

const forwarded = (text: string) => ({ text, forward_origin: { type: "hidden_user", sender_user_name: "张三", date: 1700000000 } });

describe("contact cards", () => {
  it("the worker's own card is their phone; the boss's card is passed on, never taken for the worker's", async () => {
    env = await setupTelegram();
    const e = env;
    const id = await fileComplaint(e.standIn, e.done, profile(2001));
    const boss = await turn(e, 2001, () => e.standIn.sendMessage(2001, contact(2001, "+86 139 9999 8888", 5555, "张三")));
    expect(boss.join("\n")).toContain("收到转发的消息");
    expect(e.app.ledger.find(id)?.phone).toBeNull();
    expect(e.app.ledger.events(id).some((ev) => ev.type === "worker_added")).toBe(true);

    const own = await turn(e, 2001, () => e.standIn.sendMessage(2001, contact(2001, "+8613812345678", 2001, "我")));
    expect(own.join("\n")).toContain("记下了，您的电话：13812345678");
    expect(e.app.ledger.find(id)?.phone).toBe("13812345678");
  });
});

describe("forwarded messages", () => {
  it("are kept in their words for the officer, never read as answers, before and during a complaint", async () => {
    env = await setupTelegram();
    const e = env;
    // Before any story: kept, and the worker is asked for their own words.
    const first = await turn(e, 2002, () => e.standIn.sendMessage(2002, forwarded("再等等，甲方没给钱，下个月15号一定给")));
    expect(first.join("\n")).toContain("请用自己的话说说");
    // The story; then, during the questions, more of the boss's messages.
    const asked = await turn(e, 2002, () => e.standIn.sendText(2002, "我在河南省新乡市红旗区碧桂园三期工地干活，包工头张三欠我们5个人工资12345元"));
    const question = asked.at(-1);
    const during = await turn(e, 2002, () => e.standIn.sendMessage(2002, forwarded("王总，工资什么时候发")));
    expect(during[0]).toContain("收到转发的消息");
    expect(during.at(-1)).toBe(question);
    const session = JSON.stringify(e.app.store.sqlite.prepare("SELECT state FROM dialog_sessions WHERE user_key = ?").get("telegram:2002"));
    expect(session).toContain("（转发的消息）再等等，甲方没给钱");
    expect(session).toContain("（转发的消息）王总，工资什么时候发");
    // Nothing of it became a fact.
    expect(session).not.toContain('"project":"王总');
    expect(session).not.toContain('"employer":"再等等');
  });
});

describe("photos, captions, voice, albums", () => {
  it("a photo whose caption tells the story opens the complaint with the photo in it", async () => {
    env = await setupTelegram();
    const e = env;
    const replies = await turn(e, 2003, () =>
      e.standIn.sendMessage(2003, {
        photo: [{ file_id: "slip-1", file_unique_id: "s1", width: 800, height: 600, file_size: 1000 }],
        caption: STORY,
      }),
    );
    expect(replies[0]).toContain("照片或文件收到了");
    expect(replies.join("\n")).not.toContain("请先说明您的情况");
    const state = e.app.store.sqlite.prepare("SELECT state FROM dialog_sessions WHERE user_key = ?").get("telegram:2003") as { state: string };
    const draft = JSON.parse(state.state).draft;
    expect(draft.facts.employer).toBe("张三");
    expect(draft.attachments).toHaveLength(1);
  });

  it("a voice message: the worker is told to type; after filing it is kept with the case", async () => {
    env = await setupTelegram();
    const e = env;
    const before = await turn(e, 2004, () => e.standIn.sendMessage(2004, { voice: { file_id: "v1", file_unique_id: "uv1", duration: 9, file_size: 900 } }));
    expect(before.join("\n")).toContain("语音我听不了");
    expect(before.join("\n")).toContain("请打字");
    const id = await fileComplaint(e.standIn, e.done, profile(2004));
    const after = await turn(e, 2004, () => e.standIn.sendMessage(2004, { voice: { file_id: "v2", file_unique_id: "uv2", duration: 9, file_size: 900 } }));
    expect(after.join("\n")).toContain("语音我听不了");
    expect(e.app.ledger.attachments(id)).toHaveLength(1);
  });

  it("an album of 12 photos counts once against the flood limit, keeps every photo, and is answered once", async () => {
    env = await setupTelegram({ env: { RATE_LIMIT_PER_MINUTE: "5" } });
    const e = env;
    const id = await turn(e, 2005, () => e.standIn.sendText(2005, "/start")).then(() => fileComplaint(e.standIn, e.done, profile(2005)));
    const before = e.standIn.messagesTo(2005).length;
    const updates: number[] = [];
    for (let i = 0; i < 12; i++) {
      updates.push(
        e.standIn.sendMessage(2005, {
          media_group_id: "album-1",
          photo: [{ file_id: `p${i}`, file_unique_id: `up${i}`, width: 800, height: 600, file_size: 1000 }],
        }),
      );
    }
    for (const update of updates) await e.done.wait(update);
    expect(e.app.ledger.attachments(id)).toHaveLength(12);
    const replies = e.standIn.messagesTo(2005).slice(before).map((m) => m.text);
    expect(replies).toEqual(["收到，证据已附到投诉上。"]);
  });
});

describe("groups, edits, deep links, 🙏", () => {
  it("in a group: a command or a mention gets one line asking for a private chat; other talk gets nothing", async () => {
    env = await setupTelegram();
    const e = env;
    const group = { id: -1009, type: "group", title: "工友群" };
    const inGroup = (text: string) =>
      e.standIn.push({
        message: { message_id: 1, date: 1700000000, chat: group, from: { id: 2006, is_bot: false, first_name: "工人" }, text },
      });
    const story = inGroup(STORY);
    await e.done.wait(story);
    expect(e.standIn.messagesTo(-1009)).toEqual([]);
    const command = inGroup(`/status@${STAND_IN_BOT.username}`);
    await e.done.wait(command);
    const mention = inGroup(`@${STAND_IN_BOT.username} 老板欠钱怎么办`);
    await e.done.wait(mention);
    const said = e.standIn.messagesTo(-1009).map((m) => m.text);
    expect(said).toHaveLength(2);
    for (const text of said) expect(text).toContain("请私聊我");
  });

  it("an edited message is answered: send the change again", async () => {
    env = await setupTelegram();
    const e = env;
    const edited = await turn(e, 2007, () =>
      e.standIn.push({
        edited_message: {
          message_id: 3,
          date: 1700000000,
          edit_date: 1700000060,
          chat: { id: 2007, type: "private", first_name: "工人" },
          from: { id: 2007, is_bot: false, first_name: "工人", language_code: "zh-hans" },
          text: "欠我50000元",
        },
      }),
    );
    expect(edited).toHaveLength(1);
    expect(edited[0]).toContain("改过的消息我看不到");
  });

  it("a deep link /start <ID> shows the case to its filer; 🙏 is thanks", async () => {
    env = await setupTelegram();
    const e = env;
    const id = await fileComplaint(e.standIn, e.done, profile(2008));
    const opened = await turn(e, 2008, () => e.standIn.sendText(2008, `/start ${id}`));
    expect(opened.join("\n")).toContain(formatCaseId(id));
    expect(opened.join("\n")).toContain("已登记");
    const thanks = await turn(e, 2008, () => e.standIn.sendText(2008, "🙏"));
    expect(thanks.join("\n")).toContain("不客气");
  });
});

describe("a caption that only names the file", () => {
  it("is the photo's label, not an answer to the question being asked", async () => {
    env = await setupTelegram();
    const e = env;
    const asked = await turn(e, 2009, () => e.standIn.sendText(2009, "我在河南省新乡市红旗区干活，老板张三欠我们5个人工资12345元"));
    const question = asked.at(-1);
    const replies = await turn(e, 2009, () =>
      e.standIn.sendMessage(2009, { photo: [{ file_id: "iou", file_unique_id: "uiou", width: 800, height: 600, file_size: 1000 }], caption: "工资欠条" }),
    );
    expect(replies[0]).toContain("收到证据");
    expect(replies.at(-1)).toBe(question);
    const state = e.app.store.sqlite.prepare("SELECT state FROM dialog_sessions WHERE user_key = ?").get("telegram:2009") as { state: string };
    const draft = JSON.parse(state.state).draft;
    expect(draft.attachments).toHaveLength(1);
    expect(JSON.stringify(draft.facts)).not.toContain("工资欠条");
  });
});

describe("a sticker or a location while a question waits", () => {
  it("asks for words and repeats the question", async () => {
    env = await setupTelegram();
    const e = env;
    const asked = await turn(e, 2010, () => e.standIn.sendText(2010, "我在河南省新乡市红旗区干活，老板张三欠我们5个人工资12345元"));
    const question = asked.at(-1);
    const sticker = await turn(e, 2010, () => e.standIn.sendMessage(2010, { sticker: { file_id: "st1", file_unique_id: "ust1", width: 512, height: 512, is_animated: false, is_video: false, type: "regular" } }));
    expect(sticker[0]).toContain("贴纸和位置我看不懂");
    expect(sticker.at(-1)).toBe(question);
    const location = await turn(e, 2010, () => e.standIn.sendMessage(2010, { location: { latitude: 35.3, longitude: 113.9 } }));
    expect(location.at(-1)).toBe(question);
  });
});
