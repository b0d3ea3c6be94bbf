import { connection } from "next/server";
import { Agent, request } from "undici";

/**
 * The framework ceiling for `npm run bench`: a Server Component that asks the
 * simulator for 20 sendings and renders them as a table — no session, no
 * database, no translations, no client JavaScript of its own. Built and served
 * only by the benchmark (scripts/lib/bench-bare-app.ts), never with the portal.
 */
type Sending = { id: string; sampleMessageText: string; createdAt: string; validSize: number; invalidSize: number; totalCost: string };

const globalAgent = globalThis as { benchAgent?: Agent };
const agent = (globalAgent.benchAgent ??= new Agent({ keepAliveTimeout: 60_000 }));

async function listSendings(): Promise<Sending[]> {
  const response = await request(`${process.env.BENCH_SIM_URL}/sms-sendings?page=0&limit=20`, {
    headers: { accept: "application/json", "x-api-key": process.env.BENCH_SIM_KEY ?? "" },
    dispatcher: agent,
  });
  if (response.statusCode !== 200) throw new Error(`The simulator answered ${response.statusCode}.`);
  const body = (await response.body.json()) as { data: { items: Sending[] } };
  return body.data.items;
}

export default async function BarePage() {
  await connection();
  const sendings = await listSendings();
  return (
    <main>
      <h1>Sendings</h1>
      <table>
        <thead>
          <tr>
            <th>Created</th>
            <th>Message</th>
            <th>Valid</th>
            <th>Invalid</th>
            <th>Cost</th>
          </tr>
        </thead>
        <tbody>
          {sendings.map((sending) => (
            <tr key={sending.id}>
              <td>{sending.createdAt}</td>
              <td>{sending.sampleMessageText}</td>
              <td>{sending.validSize}</td>
              <td>{sending.invalidSize}</td>
              <td>{sending.totalCost}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
