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
});
