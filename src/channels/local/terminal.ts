// Interactive terminal conversation: the embedded default channel, in which you are a worker.
// Buttons are shown as lettered options; typing the letter presses the button.
import { createInterface } from "node:readline";
import type { App } from "../../app.js";
import { OutboxDispatcher } from "../../cases/notifications.js";
import type { Choice } from "../../dialogs/engine.js";
import { userKeyOf } from "../../dialogs/engine.js";
import { translator } from "../../i18n.js";
import { LOCAL_CHANNEL } from "./jsonl.js";

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

export async function runTerminal(app: App, userId: string): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const t = translator(app.config.DEFAULT_LOCALE);
  let choices: Choice[] = [];
  const print = (text: string) => process.stdout.write(`\n${text}\n`);

  // Officer actions taken meanwhile (`arrears case set-status` in another terminal) reach you here.
  const dispatcher = new OutboxDispatcher(
    app.outbox,
    LOCAL_CHANNEL,
    async (_row, text) => {
      print(`🔔 ${text}`);
    },
    () => app.clock.now(),
    () => {},
    userKeyOf(LOCAL_CHANNEL, userId),
  );
  dispatcher.start(2000);

  print(t("terminal.welcome", { user: userId }));
  const show = (text: string, options: Choice[] = []) => {
    print(`🤖 ${text}`);
    options.forEach((choice, index) => process.stdout.write(`   ${LETTERS[index]}) ${choice.label}\n`));
  };
  const first = await app.engine.handleTurn({ channel: LOCAL_CHANNEL, userId, message: { kind: "text", text: "/start" } });
  for (const reply of first.replies) show(reply.text, reply.choices);
  choices = first.replies.at(-1)?.choices ?? [];

  // Iterating the lines (not rl.question) keeps every line of piped input, not only typed ones.
  const prompt = () => process.stdout.write("\n> ");
  prompt();
  try {
    for await (const line of rl) {
      const trimmed = line.trim().toLowerCase();
      const index = trimmed.length === 1 ? LETTERS.indexOf(trimmed) : -1;
      const choice = index >= 0 ? choices[index] : undefined;
      const result = await app.engine.handleTurn({
        channel: LOCAL_CHANNEL,
        userId,
        message: choice ? { kind: "choice", id: choice.id } : { kind: "text", text: line },
      });
      for (const reply of result.replies) show(reply.text, reply.choices);
      choices = result.replies.at(-1)?.choices ?? [];
      prompt();
    }
  } finally {
    dispatcher.stop();
    rl.close();
    print(t("terminal.bye"));
  }
}
