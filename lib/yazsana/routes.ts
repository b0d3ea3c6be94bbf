import "server-only";

/**
 * The only place Yazsana paths live. The published spec does not show them, so
 * a deployment whose paths differ corrects them here; the simulator serves this
 * same table.
 */
export const yazsanaRoutes = {
  getCurrentUser: { method: "GET", path: "/users/me" },
  listOrganizations: { method: "GET", path: "/users/me/organizations" },
  listServices: { method: "GET", path: "/services" },
  sendSingleSms: { method: "POST", path: "/sms-sendings/single" },
  sendBulkSms: { method: "POST", path: "/sms-sendings/bulk" },
  listSendings: { method: "GET", path: "/sms-sendings" },
  listSendingMessages: { method: "GET", path: "/sms-sendings/{id}/messages" },
} as const satisfies Record<string, { method: "GET" | "POST"; path: string }>;

export type YazsanaOperation = keyof typeof yazsanaRoutes;

/** Fills `{param}` placeholders, URL-encoding each value. */
export function routePath(operation: YazsanaOperation, params: Record<string, string> = {}): string {
  return yazsanaRoutes[operation].path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter "${name}" for ${operation}`);
    return encodeURIComponent(value);
  });
}
