import "server-only";
import pino, { type DestinationStream, type Logger, type LoggerOptions } from "pino";
import { currentLogContext } from "./log-context";
import { maskLogValue } from "./mask-log-values";
import { redactLogText } from "./redacting-console";

export type { Logger } from "pino";

const LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"] as const;
type LogLevel = (typeof LEVELS)[number];

/** LOG_LEVEL, or "info" when unset or not one of pino's levels. */
export function readLogLevel(env: Partial<Record<string, string>> = process.env): LogLevel {
  const wanted = env.LOG_LEVEL?.trim().toLowerCase();
  return LEVELS.find((level) => level === wanted) ?? "info";
}

/** LOG_FORMAT=pretty|json; pretty by default only under `next dev` / `npm run dev`. */
function wantsPretty(env: NodeJS.ProcessEnv): boolean {
  const format = env.LOG_FORMAT?.trim().toLowerCase();
  if (format === "json") return false;
  return format === "pretty" || env.NODE_ENV === "development";
}

// Fields whose value is a secret whatever it looks like, at the top of a log
// object or one level down (e.g. { headers: { cookie } }); pino replaces
// their values. Free text is masked separately (maskLogValue, redactLogText).
const SECRET_FIELDS = ["password", "currentPassword", "newPassword", "apiKey", "api_key", "token", "sessionToken", "inviteToken", "secret", "cookie", "authorization", "set-cookie", "x-api-key"];
const REDACT_PATHS = SECRET_FIELDS.flatMap((field) => [`["${field}"]`, `*["${field}"]`]);

export type PortalLoggerOptions = { destination?: DestinationStream; level?: LogLevel; pretty?: boolean };

/**
 * The portal's logger: one JSON object a line on stdout (pretty-printed in
 * development), carrying the request id, member and workspace of the
 * surrounding request or job. Before a line is written:
 * - fields named like secrets (password, apiKey, token, cookie…) are redacted by pino;
 * - every string has its phone numbers masked down to the last 4 digits, errors included;
 * - the written line is scrubbed of every API key the process has handled, in any encoding.
 */
export function createPortalLogger(options: PortalLoggerOptions = {}): Logger {
  const pretty = options.pretty ?? (!options.destination && wantsPretty(process.env));
  const config: LoggerOptions = {
    level: options.level ?? readLogLevel(),
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    mixin: () => ({ ...currentLogContext() }),
    hooks: {
      logMethod(args, method) {
        return method.apply(this, args.map((arg) => maskLogValue(arg)) as Parameters<typeof method>);
      },
      streamWrite: redactLogText,
    },
  };
  if (pretty) {
    // A worker thread formats the lines; only in development, where pino-pretty (a dev dependency) is installed.
    return pino({ ...config, transport: { target: "pino-pretty", options: { colorize: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname" } } });
  }
  return options.destination ? pino(config, options.destination) : pino(config);
}

// On globalThis: Next.js bundles instrumentation and the routes separately;
// one logger (one stdout stream, one pretty-printing thread) serves them all.
const LOGGER_KEY = Symbol.for("yazsana-portal.logger");

/** The process's logger, created on first use. */
export function rootLogger(): Logger {
  const holder = globalThis as { [LOGGER_KEY]?: Logger };
  return (holder[LOGGER_KEY] ??= createPortalLogger());
}

/** A logger whose lines say which part of the portal wrote them: `{"component":"reports",…}`. */
export function componentLogger(component: string): Logger {
  return rootLogger().child({ component });
}
