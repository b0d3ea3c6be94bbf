"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { WorkspaceFormGuard } from "@/components/forms/workspace-form-guard";
import { INITIAL_ACTION_STATE } from "@/lib/actions/action-state";
import { MAX_SMS_CHARACTERS } from "@/lib/sending/count-sms";
import { sendSmsAction } from "../actions";
import type { ServiceOption } from "./cost-estimate";
import { MessageField } from "./message-field";
import { ServiceSelect } from "./service-select";

type Props = {
  workspaceId: string;
  idempotencyKey: string;
  services: ServiceOption[];
  defaultServiceId: string | undefined;
  /** The cost estimate of one SMS with each service (by id), rendered on the server. */
  estimates: Record<string, React.ReactNode>;
  /** The member's remaining budget and cap (spend controls), shown by the cost estimate. */
  allowance?: React.ReactNode;
};

export function SingleSendForm({ workspaceId, idempotencyKey, services, defaultServiceId, estimates, allowance }: Props) {
  const t = useTranslations("sending.send");
  const [recipient, setRecipient] = useState("");
  // A failed or unknown send keeps the number typed (React resets uncontrolled fields after an
  // action): nothing the user entered is lost to an upstream fault. A sent one clears it.
  const [state, action] = useActionState(async (previous: Awaited<ReturnType<typeof sendSmsAction>>, formData: FormData) => {
    const next = await sendSmsAction(previous, formData);
    if (next.ok) setRecipient("");
    return next;
  }, INITIAL_ACTION_STATE);
  const [message, setMessage] = useState("");
  const [serviceId, setServiceId] = useState(defaultServiceId ?? services[0]?.id ?? "");
  const tooLong = message.length > MAX_SMS_CHARACTERS;

  return (
    <form
      action={action}
      // Over the API's limit the counter says why; the server refuses it too.
      onSubmit={(event) => tooLong && event.preventDefault()}
      className="space-y-5 rounded-lg border border-slate-200 bg-white p-6"
    >
      <WorkspaceFormGuard workspaceId={workspaceId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <FormMessage state={state} />
      {state.link && (
        <p>
          <Link href={state.link.href} className="text-sm font-medium text-brand-600 underline">
            {state.link.label}
          </Link>
        </p>
      )}
      <Field
        label={t("recipient")}
        name="recipient"
        type="tel"
        inputMode="tel"
        autoComplete="off"
        required
        placeholder="0555 123 45 67"
        value={recipient}
        onChange={(event) => setRecipient(event.target.value)}
        hint={t("recipientHint")}
        errors={state.fieldErrors?.recipient}
      />
      <MessageField value={message} onChange={setMessage} errors={state.fieldErrors?.message} />
      <ServiceSelect services={services} value={serviceId} onChange={setServiceId} errors={state.fieldErrors?.serviceId} />
      {estimates[serviceId]}
      {allowance}
      <SubmitButton pendingLabel={t("sending")}>{t("submit")}</SubmitButton>
    </form>
  );
}
