// "开发商欠我工程款80万 里面有工人工资30万": a team leader's project money that holds his workers' wages.
// The wages inside are arrears (班组长替工人讨薪); the rest is money between businesses. Both the reader
// (which sum is the complaint's) and the classifier (arrears or project money) ask this one module.
import { findAmountMentions } from "./amounts.js";

// The words that put wages inside a larger sum, then the wages' own word, right before the figure.
const WAGES_INSIDE = /(?:里面|里头|其中|这里面|这其中|包括|包含|含)(?:有|的|了)?[^。!?！？，,]{0,14}?(?:工资|工钱|人工费|人工钱)(?:款)?(?:有|是|就有|就是|占|大概|差不多|一共)?[^。!?！？，,\d一二两三四五六七八九十百千万]{0,2}$/;
const WAGES_INSIDE_ANYWHERE = /(?:里面|里头|其中|这里面|这其中|包括|包含|含)(?:有|的|了)?[^。!?！？，,]{0,14}?(?:工资|工钱|人工费|人工钱)/;

/** Whether the message says a larger sum holds wages ("其中工人工资…", "包括20个工人的工资"). */
export function speaksOfWagesWithin(text: string): boolean {
  return WAGES_INSIDE_ANYWHERE.test(text);
}

/** The wages' own sum inside a larger one ("里面有工人工资30万" → 300000), or null when none is given. */
export function wagesWithinSum(text: string): number | null {
  if (!WAGES_INSIDE_ANYWHERE.test(text)) return null;
  const mentions = findAmountMentions(text);
  for (const mention of mentions) {
    if (WAGES_INSIDE.test(text.slice(Math.max(0, mention.start - 20), mention.start))) return mention.value;
  }
  // "机械费里面有司机工资 我雇了两个司机 欠他们四万": the sum owed to the workers, told after.
  for (const mention of mentions) {
    if (OWED_TO_THE_WORKERS.test(text.slice(Math.max(0, mention.start - 10), mention.start))) return mention.value;
  }
  return null;
}
const OWED_TO_THE_WORKERS = /(?:欠|拖欠|差)(?:了)?(?:他们|她们|工人|工人们|司机|司机们|兄弟们|工友们?|师傅们?)(?:的)?(?:工资|工钱)?(?:一共|总共)?$/;
