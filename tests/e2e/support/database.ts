import pg from "pg";

/**
 * Direct access to the browser tests' own database, for arranging what the UI
 * cannot do yet (members with other roles before invitations exist).
 */
async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const connectionString = process.env.E2E_DATABASE_URL;
  if (!connectionString) throw new Error("E2E_DATABASE_URL is missing: run the browser tests with `npm test`.");
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Makes `memberEmail` a member of `ownerEmail`'s first workspace with `role`, and puts them in it. */
export async function joinOwnersWorkspace(memberEmail: string, ownerEmail: string, role: "admin" | "sender" | "viewer"): Promise<void> {
  await withClient(async (client) => {
    const { rows } = await client.query<{ workspace_id: string; member_id: string }>(
      `SELECT m.workspace_id, member.id AS member_id
         FROM memberships m JOIN users owner ON owner.id = m.user_id, users member
        WHERE owner.email = $1 AND m.role = 'owner' AND member.email = $2
        ORDER BY m.created_at LIMIT 1`,
      [ownerEmail.toLowerCase(), memberEmail.toLowerCase()],
    );
    const found = rows[0];
    if (!found) throw new Error("owner or member not found");
    await client.query("INSERT INTO memberships (id, user_id, workspace_id, role) VALUES (gen_random_uuid(), $1, $2, $3)", [found.member_id, found.workspace_id, role]);
    await client.query("UPDATE users SET current_workspace_id = $2 WHERE id = $1", [found.member_id, found.workspace_id]);
  });
}
