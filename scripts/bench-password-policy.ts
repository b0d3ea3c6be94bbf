/**
 * Measures what the common-password check adds to sign-up and password
 * changes (login never runs it): loading the breach list once per process,
 * then one check, next to the argon2 hash every sign-up pays anyway.
 *
 *   npm run bench:passwords
 */
import { performance } from "node:perf_hooks";

const argonStart = performance.now();
await import("@node-rs/argon2");
const argonMs = performance.now() - argonStart;
const listStart = performance.now();
const { isCommonPassword } = await import("@/lib/auth/common-passwords");
isCommonPassword("first use");
const listMs = performance.now() - listStart;
const { passwordProblem, hashPassword, verifyPassword } = await import("@/lib/auth/password");

const samples = [
  "correct horse battery staple",
  "P@ssw0rd2024!",
  "Kj8#mP2$vL9q",
  "a long test passphrase",
  "starwars2024",
  "x1".repeat(100), // the longest accepted
];
const CHECKS = 20_000;
for (let i = 0; i < 1_000; i++) passwordProblem(samples[i % samples.length]!, "ayse.yilmaz@example.com"); // warm-up
const checkStart = performance.now();
for (let i = 0; i < CHECKS; i++) passwordProblem(samples[i % samples.length]!, "ayse.yilmaz@example.com");
const checkUs = ((performance.now() - checkStart) / CHECKS) * 1000;

const HASHES = 10;
const hash = await hashPassword(samples[0]!);
const hashStart = performance.now();
for (let i = 0; i < HASHES; i++) await hashPassword(samples[0]!);
const hashMs = (performance.now() - hashStart) / HASHES;
const verifyStart = performance.now();
for (let i = 0; i < HASHES; i++) await verifyPassword(hash, samples[0]!);
const verifyMs = (performance.now() - verifyStart) / HASHES;

console.log(`loading the breach list (49,233 passwords): ${listMs.toFixed(1)} ms, once per process (argon2's native module: ${argonMs.toFixed(1)} ms)`);
console.log(`passwordProblem(): ${checkUs.toFixed(1)} µs a check (mean of ${CHECKS})`);
console.log(`argon2id hash: ${hashMs.toFixed(1)} ms, verify: ${verifyMs.toFixed(1)} ms (mean of ${HASHES}) — the check is ${((checkUs / 1000 / hashMs) * 100).toFixed(3)}% of a sign-up's hashing`);
console.log(`memory (RSS): ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
