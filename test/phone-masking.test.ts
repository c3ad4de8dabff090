// Officers' tools show phone numbers masked, inside the worker's own words too.
import { describe, expect, it } from "vitest";
import { maskPhone, maskPhonesIn } from "../src/cases/case-view.js";

describe("phone numbers in officers' views", () => {
  it("masks a stored number", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone(null)).toBeNull();
  });

  it("masks mobiles and landlines inside free text, and leaves amounts and IDs alone", () => {
    expect(maskPhonesIn("我电话13812345678，老板欠32000")).toBe("我电话138****5678，老板欠32000");
    expect(maskPhonesIn("call +86 139 0000 1111 or +8613900001111")).toBe("call +86 139****1111 or +86139****1111");
    expect(maskPhonesIn("办公室 0373-5551234")).toBe("办公室 037****1234");
    expect(maskPhonesIn("欠了 236000 元，编号 W359V3S3S")).toBe("欠了 236000 元，编号 W359V3S3S");
  });

  it("masks numbers however they are typed: full-width digits, 4-3-4 groups, dots, brackets", () => {
    expect(maskPhonesIn("电话１３９ ２２３３ ４４５５")).toBe("电话139****4455");
    expect(maskPhonesIn("打1381 234 5678找我")).toBe("打138****5678找我");
    expect(maskPhonesIn("138.1234.5678")).toBe("138****5678");
    expect(maskPhonesIn("座机(0373)5551234")).toBe("座机037****1234");
    expect(maskPhonesIn("+86 １３９－２２３３－４４５５")).toBe("+86 139****4455");
    expect(maskPhonesIn("电话138 - 1234 - 5678")).toBe("电话138****5678");
    expect(maskPhonesIn("138—1234—5678")).toBe("138****5678");
    // A phone next to other figures.
    expect(maskPhonesIn("欠5000 13812345678")).toBe("欠5000 138****5678");
    expect(maskPhonesIn("13812345678 12人")).toBe("138****5678 12人");
    expect(maskPhonesIn("13812345678 13912345678")).toBe("138****5678 139****5678");
    // Amounts, dates, counts and IDs are no phones.
    for (const text of ["2023.10.15 到 2024.01.20", "欠 1,380,000 元", "13 个人欠 23 万 6", "工号 20231015"]) {
      expect(maskPhonesIn(text)).toBe(text);
    }
  });

  it("masks ID card and bank card numbers a worker sends unasked", () => {
    expect(maskPhonesIn("我身份证号是110105198203154321 要不要发给你")).toBe("我身份证号是110***********4321 要不要发给你");
    expect(maskPhonesIn("11010519820315432X")).toBe("110***********432X");
    expect(maskPhonesIn("我的银行卡号是6222021001123456012 直接打到这里")).toBe("我的银行卡号是6222 **** **** 6012 直接打到这里");
    expect(maskPhonesIn("账号 6222 0212 3456 7890 123")).toBe("账号 6222 **** **** 0123");
    // With a phone beside it, both are masked.
    expect(maskPhonesIn("卡号6222021001123456 电话13812345678")).toBe("卡号6222 **** **** 3456 电话138****5678");
  });
});
