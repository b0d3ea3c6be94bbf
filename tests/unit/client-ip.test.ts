import { expect, it } from "vitest";
import { clientIp } from "@/lib/auth/client-ip";

it("trusts only the x-forwarded-for entry our own proxies added", () => {
  const header = "6.6.6.6, 203.0.113.7, 10.0.0.2";
  expect(clientIp(header, 0)).toBeUndefined();
  expect(clientIp(header, 1)).toBe("10.0.0.2");
  expect(clientIp(header, 2)).toBe("203.0.113.7");
  expect(clientIp("not-an-ip, also-not", 1)).toBeUndefined();
  expect(clientIp(undefined, 1)).toBeUndefined();
  expect(clientIp("203.0.113.7", 3)).toBeUndefined();
});
