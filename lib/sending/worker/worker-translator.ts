import "server-only";
import { createTranslator } from "use-intl/core";
import type { AppTranslator } from "@/lib/i18n/translator";
import { messages } from "@/messages";

/**
 * The worker runs outside any request, under the react-server condition where
 * next-intl's entry point pulls in React client hooks; use-intl's core
 * translator is the same formatter without React. Chunk errors are worded in
 * English (the worker has no reader's language).
 */
export const workerTranslator = createTranslator({ locale: "en", messages: messages.en, namespace: "yazsana" }) as unknown as AppTranslator<"yazsana">;
