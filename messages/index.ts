/**
 * Every message catalog, one JSON file a namespace a language. To add a
 * namespace: create messages/en/<ns>.json and messages/tr/<ns>.json with the
 * same keys, then add its two import lines and its two entries below (keep
 * them alphabetical, so parallel branches touch different lines). English
 * defines the types (types/next-intl.d.ts); Turkish must match it.
 */
import enA11y from "./en/a11y.json";
import enApiKey from "./en/apiKey.json";
import enAudit from "./en/audit.json";
import enAuth from "./en/auth.json";
import enCommon from "./en/common.json";
import enDashboard from "./en/dashboard.json";
import enEmails from "./en/emails.json";
import enErrors from "./en/errors.json";
import enGlobalError from "./en/globalError.json";
import enHome from "./en/home.json";
import enInvite from "./en/invite.json";
import enNav from "./en/nav.json";
import enOutage from "./en/outage.json";
import enReportExports from "./en/reportExports.json";
import enReports from "./en/reports.json";
import enSendLimits from "./en/sendLimits.json";
import enSending from "./en/sending.json";
import enSettings from "./en/settings.json";
import enSpending from "./en/spending.json";
import enTeam from "./en/team.json";
import enValidation from "./en/validation.json";
import enWorkspaces from "./en/workspaces.json";
import enYazsana from "./en/yazsana.json";
import trA11y from "./tr/a11y.json";
import trApiKey from "./tr/apiKey.json";
import trAudit from "./tr/audit.json";
import trAuth from "./tr/auth.json";
import trCommon from "./tr/common.json";
import trDashboard from "./tr/dashboard.json";
import trEmails from "./tr/emails.json";
import trErrors from "./tr/errors.json";
import trGlobalError from "./tr/globalError.json";
import trHome from "./tr/home.json";
import trInvite from "./tr/invite.json";
import trNav from "./tr/nav.json";
import trOutage from "./tr/outage.json";
import trReportExports from "./tr/reportExports.json";
import trReports from "./tr/reports.json";
import trSendLimits from "./tr/sendLimits.json";
import trSending from "./tr/sending.json";
import trSettings from "./tr/settings.json";
import trSpending from "./tr/spending.json";
import trTeam from "./tr/team.json";
import trValidation from "./tr/validation.json";
import trWorkspaces from "./tr/workspaces.json";
import trYazsana from "./tr/yazsana.json";
import type { Locale } from "@/lib/i18n/locales";

const en = {
  a11y: enA11y,
  apiKey: enApiKey,
  audit: enAudit,
  auth: enAuth,
  common: enCommon,
  dashboard: enDashboard,
  emails: enEmails,
  errors: enErrors,
  globalError: enGlobalError,
  home: enHome,
  invite: enInvite,
  nav: enNav,
  outage: enOutage,
  reportExports: enReportExports,
  reports: enReports,
  sendLimits: enSendLimits,
  sending: enSending,
  settings: enSettings,
  spending: enSpending,
  team: enTeam,
  validation: enValidation,
  workspaces: enWorkspaces,
  yazsana: enYazsana,
};

// Typed as English: a namespace or key missing in Turkish fails the type check.
const tr: typeof en = {
  a11y: trA11y,
  apiKey: trApiKey,
  audit: trAudit,
  auth: trAuth,
  common: trCommon,
  dashboard: trDashboard,
  emails: trEmails,
  errors: trErrors,
  globalError: trGlobalError,
  home: trHome,
  invite: trInvite,
  nav: trNav,
  outage: trOutage,
  reportExports: trReportExports,
  reports: trReports,
  sendLimits: trSendLimits,
  sending: trSending,
  settings: trSettings,
  spending: trSpending,
  team: trTeam,
  validation: trValidation,
  workspaces: trWorkspaces,
  yazsana: trYazsana,
};

export type AppMessages = typeof en;
export type Namespace = keyof AppMessages;

export const messages: Record<Locale, AppMessages> = { en, tr };
