// `npm start`: runs the product on what is configured. With no chat tokens, the embedded default:
// the local terminal conversation on the SQLite file.
import { createApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { runTerminal } from "./channels/local/terminal.js";

async function main(): Promise<void> {
  const config = loadConfig();
  const app = createApp(config);
  try {
    await runTerminal(app, process.env.USER ?? "worker");
  } finally {
    app.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
});
