/** Addresses and secrets the test runner (scripts/lib/e2e-stack.ts) started the app with. */
export function e2eStack() {
  const simUrl = process.env.E2E_SIM_URL;
  const demoKey = process.env.E2E_YAZSANA_DEMO_KEY;
  if (!simUrl || !demoKey) throw new Error("Run the browser tests with `npm test`: E2E_SIM_URL and E2E_YAZSANA_DEMO_KEY are missing.");
  return { simUrl, demoKey };
}

export type SimOrganization = { id: string; name: string; state: boolean; permissions: string[] };

/** Asks the simulator directly, as Yazsana would answer the portal. */
export async function simOrganizations(): Promise<SimOrganization[]> {
  const { simUrl, demoKey } = e2eStack();
  const response = await fetch(`${simUrl}/users/me/organizations`, { headers: { "x-api-key": demoKey } });
  if (!response.ok) throw new Error(`simulator answered ${response.status}`);
  return ((await response.json()) as { data: SimOrganization[] }).data;
}
