import { register } from "node:module";
import path from "node:path";
import { PROJECT_ROOT } from "./local-env";

/**
 * Lets this process load lib code that imports `next/navigation` (redirect,
 * unstable_rethrow…) outside Next.js. Under the react-server condition, which
 * `server-only` needs, the package's main entry pulls in client React; Next's
 * own bundler maps it to the server build, and so does this resolve hook.
 * next-auth's providers are CommonJS with an `exports.default`, which Node's
 * ESM loader (unlike a bundler) hands over as the whole module: a tiny shim
 * unwraps it. Call before importing such modules (dynamically).
 */
export function resolveServerNavigation(): void {
  const credentialsShim = `import { createRequire } from "node:module";
    export default createRequire(${JSON.stringify(path.join(PROJECT_ROOT, "package.json"))})("next-auth/providers/credentials").default;`;
  const hook = `
    export async function resolve(specifier, context, nextResolve) {
      if (specifier === "next-auth/providers/credentials") {
        return { url: ${JSON.stringify(`data:text/javascript,${encodeURIComponent(credentialsShim)}`)}, shortCircuit: true };
      }
      if (specifier === "next/navigation" || specifier === "next/navigation.js") {
        return nextResolve("next/dist/client/components/navigation.react-server.js", context);
      }
      return nextResolve(specifier, context);
    }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}
