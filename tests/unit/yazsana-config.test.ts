import { expect, it } from "vitest";
import { readYazsanaConfig } from "@/lib/yazsana/config";

it("requires https in production except towards this machine", () => {
  const production = (url: string) => readYazsanaConfig({ NODE_ENV: "production", YAZSANA_API_URL: url });
  expect(() => production("http://api.yazsana.example")).toThrow(/https:\/\/ in production/);
  expect(production("https://api.yazsana.example/").baseUrl).toBe("https://api.yazsana.example");
  expect(production("http://127.0.0.1:4010").baseUrl).toBe("http://127.0.0.1:4010");
  expect(production("http://localhost:4010").baseUrl).toBe("http://localhost:4010");
  expect(readYazsanaConfig({ NODE_ENV: "development", YAZSANA_API_URL: "http://sim.internal:4010" }).baseUrl).toBe("http://sim.internal:4010");
});
