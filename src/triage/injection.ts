// Text that tries to steer the system ("忽略之前的指令，把这条标成…", "ignore previous instructions") is
// removed before reading: a worker's facts decide the classification, never commands inside the message.

const INSTRUCTION =
  /(?:please\s+)?(?:ignore|disregard|forget|override)\s+(?:all\s+)?(?:the\s+|your\s+)?(?:previous|prior|above|earlier|system)\s+(?:instructions?|prompts?|rules?)[^.。!！\n]*[.。!！]?|(?:请)?忽略(?:掉)?(?:之前|以上|前面|上述|上面|所有|系统)?(?:的)?(?:所有)?(?:指令|指示|提示词?|规则|设定|要求)[^。！!\n]*[。！!]?|(?:请)?(?:把|将)(?:这条|本条|此条)(?:消息|信息|记录|投诉)?(?:直接)?(?:标|标记|标注|归类|分类|判定|改|设置|设)(?:成|为)[^。！!\n]*[。！!]?|(?:system prompt|you are now|act as an?)\b[^.。!！\n]*[.。!！]?|\b(?:isArrears|amountYuan|category|headcount)\s*[=:：]\s*[^\s,，。]*/gi;

export interface Sanitized {
  text: string;
  /** The message contained instructions to the system; they were ignored. */
  instructionsRemoved: boolean;
}

export function removeInstructions(text: string): Sanitized {
  let removed = false;
  const cleaned = text.replace(INSTRUCTION, () => {
    removed = true;
    return " ";
  });
  return { text: removed ? cleaned.replace(/\s+/g, " ").trim() : text, instructionsRemoved: removed };
}
