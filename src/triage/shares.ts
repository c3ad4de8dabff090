// What each worker is owed, told one by one (各人的欠款): a team leader's list ("张三8000 李四7500
// 王五6000") or the writer's own share and the others' ("我两千五 他们两个一人三千"). The complaint's
// sum is the shares added, and its headcount the people named — neither is any single figure.
import { AMOUNT_MAX_YUAN, HEADCOUNT_MAX } from "../domain.js";
import { parseNumeral } from "./numerals.js";
import { personNameAt, SURNAMES } from "./person-names.js";

export interface SharesReading {
  /** The shares added, in yuan. */
  amountYuan: number;
  /** How many people the shares belong to. */
  headcount: number;
}

const FIGURE = "[\\d零〇一二两三四五六七八九十百千万.]+";
const SEPARATOR = /[\s，,、；;。]+/;
// "张三8000", "李四：七千五块", "王五6000都没给": a name, then its figure, then at most a word of owing.
const LISTED_SHARE = new RegExp(`^[:：是欠了]*(${FIGURE})(?:块钱?|元)?(?:都|也|还)?(?:没给|没发|没结|没拿到)?$`);
// "我两千五 他们两个一人三千", "我的是三千 另外三个每人两千": the writer's share, then the others' at one rate.
const WRITER_THEN_OTHERS = new RegExp(
  `(?:我|俺)(?:的|自己)?(?:是|欠|有)?(${FIGURE})(?:块钱?|元)?[，,\\s]*(?:他们|另外|其他|还有)(?:的)?([一二两三四五六七八九十\\d]+|俩|仨)个?(?:人|工友)?(?:每人|一人|一个人|每个人|各)(?:都是|是|都|各)?(${FIGURE})`,
);

function figure(raw: string): number | null {
  const value = parseNumeral(raw);
  return value !== null && value > 0 && value <= AMOUNT_MAX_YUAN ? value : null;
}

// "我自己一万二" in the list: the writer's own share counts with the others'.
const WRITER = /^(?:我自己|我的|我|俺自己|俺)(?!们)/;
// "我哥三千 我表弟两千", "老王八千五 小刘六千三": kin and nicknames name people in a list as well.
const KIN = /^(?:我|俺)?(?:的)?(?:表哥|表弟|表姐|表妹|堂哥|堂弟|大哥|二哥|哥哥|弟弟|姐姐|妹妹|哥|弟|姐|妹|叔叔|叔|舅舅|舅|姑父|姨父|老乡|媳妇|老婆|老公|爸|妈|侄子|外甥)/;
const NICKNAME = new RegExp(`^(?:老|小|阿)[${SURNAMES}]`);

/** The figure of one "name figure" piece, or null. */
function shareIn(piece: string): number | null {
  if (piece === "") return null;
  const name = personNameAt(piece) ?? NICKNAME.exec(piece)?.[0] ?? KIN.exec(piece)?.[0] ?? WRITER.exec(piece)?.[0] ?? null;
  if (name === null) return null;
  // "王强六千": 六 begins the figure, not a three-character name ("王强六").
  for (const length of name.length === 3 ? [3, 2] : [name.length]) {
    const share = LISTED_SHARE.exec(piece.slice(length));
    const value = share ? figure(share[1] ?? "") : null;
    if (value !== null) return value;
  }
  return null;
}

/** The longest run of two or more "name figure" pieces, added up. */
function listedShares(text: string): SharesReading | null {
  let best: SharesReading | null = null;
  let run: SharesReading = { amountYuan: 0, headcount: 0 };
  const close = () => {
    if (run.headcount >= 2 && (best === null || run.headcount > best.headcount)) best = run;
    run = { amountYuan: 0, headcount: 0 };
  };
  for (const piece of text.split(SEPARATOR)) {
    const value = shareIn(piece);
    // Shares are wages, not small change: "王五3" is no share.
    if (value === null || value < 100) {
      close();
      continue;
    }
    run = { amountYuan: run.amountYuan + value, headcount: run.headcount + 1 };
  }
  close();
  return best;
}

function writerThenOthers(text: string): SharesReading | null {
  const m = WRITER_THEN_OTHERS.exec(text);
  if (!m) return null;
  const own = figure(m[1] ?? "");
  const others = parseNumeral(m[2] ?? "");
  const each = figure(m[3] ?? "");
  if (own === null || each === null || others === null || !Number.isInteger(others) || others < 1) return null;
  if (own < 100 || each < 100 || others + 1 > HEADCOUNT_MAX) return null;
  const amountYuan = own + others * each;
  return amountYuan <= AMOUNT_MAX_YUAN ? { amountYuan, headcount: others + 1 } : null;
}

export function readShares(text: string): SharesReading | null {
  if (!/\d|[一二两三四五六七八九十百千万]/.test(text)) return null;
  return writerThenOthers(text) ?? listedShares(text);
}
