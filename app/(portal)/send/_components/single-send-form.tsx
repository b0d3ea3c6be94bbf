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
import { CostEstimate, type ServiceOption } from "./cost-estimate";
import { MessageField } from "./message-field";
import { ServiceSelect } from "./service-select";

type Props = {
  workspaceId: string;
  idempotencyKey: string;
  services: ServiceOption[];
  defaultServiceId: string | undefined;
  credit: string | null;
  contextLabel: string;
};

export function SingleSendForm({ workspaceId, idempotencyKey, services, defaultServiceId, credit, contextLabel }: Props) {
  const t = useTranslations("sending.send");
  const [state, action] = useActionState(sendSmsAction, INITIAL_ACTION_STATE);
  const [message, setMessage] = useState("");
  const [serviceId, setServiceId] = useState(defaultServiceId ?? services[0]?.id ?? "");
  const service = services.find((candidate) => candidate.id === serviceId);
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
        hint={t("recipientHint")}
        errors={state.fieldErrors?.recipient}
      />
      <MessageField value={message} onChange={setMessage} errors={state.fieldErrors?.message} />
      <ServiceSelect services={services} value={serviceId} onChange={setServiceId} errors={state.fieldErrors?.serviceId} />
      {service && <CostEstimate service={service} recipients={1} credit={credit} contextLabel={contextLabel} />}
      <SubmitButton pendingLabel={t("sending")}>{t("submit")}</SubmitButton>
    </form>
  );
}
