"use client";

import { useTranslations } from "next-intl";
import type { ServiceOption } from "./cost-estimate";

export function ServiceSelect({ services, value, onChange, errors }: { services: ServiceOption[]; value: string; onChange: (id: string) => void; errors?: string[] }) {
  const t = useTranslations("sending.form");
  return (
    <div>
      <label htmlFor="field-serviceId" className="block text-sm font-medium text-slate-700">
        {t("service")}
      </label>
      <select
        id="field-serviceId"
        name="serviceId"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? "field-serviceId-error" : undefined}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
      >
        {services.map((service) => (
          <option key={service.id} value={service.id}>
            {t("serviceOption", { name: service.name, price: service.unitPrice, currency: service.currency })}
          </option>
        ))}
      </select>
      {errors?.length ? (
        <p id="field-serviceId-error" className="mt-1 text-sm text-red-700" aria-live="polite">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
