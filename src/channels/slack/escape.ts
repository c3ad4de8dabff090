// Text written by people (a worker's story, an employer's name, an officer's reason) goes into Slack
// messages, where "<!channel>", "<@U…>" and "<http://…|…>" are commands: a worker's "<!channel>" would
// ping the whole desk. Slack's rule: escape &, < and > in such text; our own templates keep theirs.

export function slackEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
