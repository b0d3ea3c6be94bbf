/**
 * Runs once when the server starts. A missing or malformed master key must be
 * loud from the first second, not discovered at the first key save.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertKeyEncryptionKeysConfigured } = await import("@/lib/crypto/key-encryption-keys");
  try {
    const { versions, newest } = assertKeyEncryptionKeysConfigured();
    console.log(`[key custody] master keys loaded: ${versions.join(", ")} (new keys sealed with ${newest})`);
  } catch (error) {
    console.error(`[key custody] ${(error as Error).message}`);
    // In production a server that can neither store nor read keys should not
    // pretend to be up: exit so the process manager reports it.
    if (process.env.NODE_ENV === "production") {
      console.error("[key custody] refusing to start.");
      process.exit(1);
    }
  }
}
