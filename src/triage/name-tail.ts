// Where a name told in a sentence stops: voice input runs the name into the next clause
// ("鑫达电子老板是台湾人", "浪莎针织还是啥", "绿城物业 在那个泉城花园小区"). The name is what comes before.

// "还是啥", "什么的", "之类的": the worker's doubt, not part of the name.
const HEDGE_AFTER = /(?:还是(?:叫)?(?:啥|什么)|什么的|啥的|之类的?|来着)(?:[\s，,。].*)?$/u;
// "老板是台湾人", "老板姓王", "包工头叫周红兵": the next clause is about the person behind the name.
const ROLE_CLAUSE_AFTER = /(?:老板娘|老板|包工头|工头|经理|负责人|站长|厂长|店长|主管)(?:是|姓|叫|名叫|说|人)/u;
// "绿城物业 在那个泉城花园小区": where it is, said after a pause.
const WHERE_AFTER = /\s+(?:就)?在(?:那个|这个|那边|这边)?(?=\S)/u;

/** The name at the head of `text`, without the clause it runs into; `text` itself when there is none. */
export function nameBeforeClause(text: string): string {
  let name = text;
  const hedge = HEDGE_AFTER.exec(name);
  if (hedge && hedge.index >= 2) name = name.slice(0, hedge.index);
  const role = ROLE_CLAUSE_AFTER.exec(name);
  if (role && role.index >= 2) name = name.slice(0, role.index);
  const where = WHERE_AFTER.exec(name);
  if (where && where.index >= 2) name = name.slice(0, where.index);
  return name.trim();
}

/** "绿城物业 在那个泉城花园小区" → "泉城花园小区": the place said after the name, or null. */
export function whereAfterName(text: string): string | null {
  const where = WHERE_AFTER.exec(text);
  if (!where || where.index < 2) return null;
  const rest = text.slice(where.index + where[0].length).split(/[\s，,。]/)[0] ?? "";
  return rest.length >= 2 ? rest : null;
}
