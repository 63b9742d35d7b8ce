import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type ReactNode } from 'react';
import { Controller, useController, useForm, type Control } from 'react-hook-form';

import { Alert, Button, Card, Field, Input, ProblemAlert, Select } from '@/components/ui';
import { toApiProblem, type ApiProblem } from '@/lib/api/problem';
import type { Schemas } from '@/lib/api/types';

import { useCarriers } from '../api/get-carriers';
import { useLocations } from '../api/get-locations';
import { usePartners } from '../api/get-partners';
import { useProductTypes } from '../api/get-product-types';
import {
  applyServerFieldErrors,
  shipmentFormSchema,
  toShipmentRequest,
  type ShipmentFormValues,
} from '../model/shipment-form';

import { ContainerRows } from './container-rows';
import { LocationPicker } from './location-picker';
import { ProductLineRows } from './product-line-rows';

type Partner = Schemas['Partner'];

export interface ShipmentFormProps {
  initialValues: ShipmentFormValues;
  submitLabel: string;
  /** Sends the request; rejects with an ApiProblem on failure. */
  onSubmit: (request: Schemas['ShipmentRequest']) => Promise<unknown>;
  /** Offered when the server answers 409 stale-version (edit only). */
  onReload?: () => void;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card title={title}>
      <div className="grid gap-4 md:grid-cols-2">{children}</div>
    </Card>
  );
}

function PartnerChecklist({
  control,
  name,
  legend,
  partners,
}: {
  control: Control<ShipmentFormValues>;
  name: 'supplierOrganizationIds' | 'logisticsOrganizationIds';
  legend: string;
  partners: Partner[];
}) {
  const { field } = useController({ control, name });
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {partners.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">None available.</p>
      ) : (
        <div className="mt-2 flex flex-col gap-2">
          {partners.map((partner) => (
            <label key={partner.id} className="inline-flex items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                className="size-4 accent-emerald-700"
                checked={field.value.includes(partner.id)}
                onChange={(event) =>
                  field.onChange(
                    event.target.checked ? [...field.value, partner.id] : field.value.filter((id) => id !== partner.id),
                  )
                }
              />
              {partner.name}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

export function ShipmentForm({ initialValues, submitLabel, onSubmit, onReload }: ShipmentFormProps) {
  const partners = usePartners();
  const productTypes = useProductTypes();
  const carriers = useCarriers();
  const locations = useLocations();
  const [problem, setProblem] = useState<{ error: ApiProblem; shown: string[] } | null>(null);
  const {
    control,
    register,
    handleSubmit,
    setError,
    setValue,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<ShipmentFormValues>({ resolver: zodResolver(shipmentFormSchema), defaultValues: initialValues });

  const ofType = (type: Partner['type']) => (partners.data ?? []).filter((partner) => partner.type === type);
  const knownLocations = locations.data ?? [];

  const submit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      await onSubmit(toShipmentRequest(values));
    } catch (error) {
      const failure = toApiProblem(error);
      setProblem({ error: failure, shown: applyServerFieldErrors(failure, setError, getValues()) });
    }
  });

  const stale = problem?.error.status === 409 && problem.error.is('stale-version');

  return (
    <form noValidate onSubmit={submit} aria-label="Shipment" className="space-y-6">
      {problem && !stale && <ProblemAlert error={problem.error} shownFields={problem.shown} />}
      {stale && (
        <Alert tone="warning" title="Someone else changed this shipment">
          <p>{problem.error.detail} Reload to see the latest version; your unsaved changes here will be lost.</p>
          {onReload && (
            <Button variant="secondary" size="sm" className="mt-2" onClick={onReload}>
              Reload the shipment
            </Button>
          )}
        </Alert>
      )}
      <Section title="Shipment">
        <Field label="Reference" hint="e.g. VIBO-2026-014" error={errors.reference?.message}>
          {(props) => <Input autoComplete="off" {...props} {...register('reference')} />}
        </Field>
        <Field label="Product type" error={errors.productType?.message}>
          {(props) => (
            <Select {...props} {...register('productType')}>
              <option value="">Choose…</option>
              {(productTypes.data ?? []).map((type) => (
                <option key={type.code} value={type.code}>
                  {type.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Buyer" error={errors.buyerOrganizationId?.message}>
          {(props) => (
            <Select {...props} {...register('buyerOrganizationId')}>
              <option value="">Not yet known</option>
              {ofType('buyer').map((buyer) => (
                <option key={buyer.id} value={buyer.id}>
                  {buyer.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Incoterms" hint="e.g. FOB, CIF" error={errors.incoterms?.message}>
          {(props) => <Input maxLength={3} className="uppercase" {...props} {...register('incoterms')} />}
        </Field>
        <PartnerChecklist control={control} name="supplierOrganizationIds" legend="Suppliers" partners={ofType('supplier')} />
        <PartnerChecklist
          control={control}
          name="logisticsOrganizationIds"
          legend="Forwarders and clearing agents"
          partners={ofType('logistics')}
        />
      </Section>

      <Section title="Parties as printed on documents">
        <Field label="Exporter name" error={errors.exporterName?.message}>
          {(props) => <Input {...props} {...register('exporterName')} />}
        </Field>
        <Field label="Exporter address" error={errors.exporterAddress?.message}>
          {(props) => <Input {...props} {...register('exporterAddress')} />}
        </Field>
        <Field label="Importer name" error={errors.importerName?.message}>
          {(props) => <Input {...props} {...register('importerName')} />}
        </Field>
        <Field label="Importer address" error={errors.importerAddress?.message}>
          {(props) => <Input {...props} {...register('importerAddress')} />}
        </Field>
      </Section>

      <Section title="Transport">
        <Field label="Bill of lading" error={errors.billOfLading?.message}>
          {(props) => <Input autoComplete="off" {...props} {...register('billOfLading')} />}
        </Field>
        <Field label="Booking reference" error={errors.bookingReference?.message}>
          {(props) => <Input autoComplete="off" {...props} {...register('bookingReference')} />}
        </Field>
        <Field label="Carrier" error={errors.carrierScac?.message}>
          {(props) => (
            <Controller
              control={control}
              name="carrierScac"
              render={({ field }) => (
                <Select
                  {...props}
                  name={field.name}
                  ref={field.ref}
                  value={field.value}
                  onBlur={field.onBlur}
                  onChange={(event) => {
                    const carrier = carriers.data?.find((c) => c.scac === event.target.value);
                    field.onChange(event.target.value);
                    setValue('carrierName', carrier?.name ?? '');
                  }}
                >
                  <option value="">Not yet known</option>
                  {field.value && !carriers.data?.some((c) => c.scac === field.value) && (
                    <option value={field.value}>{field.value}</option>
                  )}
                  {(carriers.data ?? []).map((carrier) => (
                    <option key={carrier.scac} value={carrier.scac}>
                      {carrier.name} ({carrier.scac})
                    </option>
                  ))}
                </Select>
              )}
            />
          )}
        </Field>
        <Field label="Vessel" error={errors.vesselName?.message}>
          {(props) => <Input {...props} {...register('vesselName')} />}
        </Field>
        <Field label="Voyage" error={errors.voyage?.message}>
          {(props) => <Input {...props} {...register('voyage')} />}
        </Field>
        <Controller
          control={control}
          name="portOfLoading"
          render={({ field, fieldState }) => (
            <LocationPicker
              label="Port of loading"
              name={field.name}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              locations={knownLocations}
              error={fieldState.error?.message}
            />
          )}
        />
        <Controller
          control={control}
          name="portOfDischarge"
          render={({ field, fieldState }) => (
            <LocationPicker
              label="Port of discharge"
              name={field.name}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              locations={knownLocations}
              error={fieldState.error?.message}
            />
          )}
        />
        <Field label="Final destination" error={errors.finalDestination?.message}>
          {(props) => <Input {...props} {...register('finalDestination')} />}
        </Field>
      </Section>

      <Section title="Dates">
        <Field label="ETD" hint="Estimated departure, your local time" error={errors.etd?.message}>
          {(props) => <Input type="datetime-local" {...props} {...register('etd')} />}
        </Field>
        <Field label="ETA" hint="Estimated arrival, your local time" error={errors.eta?.message}>
          {(props) => <Input type="datetime-local" {...props} {...register('eta')} />}
        </Field>
        <Field label="ATD" hint="Actual departure" error={errors.atd?.message}>
          {(props) => <Input type="datetime-local" {...props} {...register('atd')} />}
        </Field>
        <Field label="ATA" hint="Actual arrival" error={errors.ata?.message}>
          {(props) => <Input type="datetime-local" {...props} {...register('ata')} />}
        </Field>
      </Section>

      <Card>
        <ContainerRows control={control} register={register} errors={errors} />
      </Card>
      <Card>
        <ProductLineRows control={control} register={register} errors={errors} />
      </Card>

      <Card>
        <Field label="Notes" error={errors.notes?.message}>
          {(props) => (
            <textarea
              rows={4}
              className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs focus:border-emerald-700 focus:ring-2 focus:ring-emerald-700/30 focus:outline-none aria-invalid:border-red-600"
              {...props}
              {...register('notes')}
            />
          )}
        </Field>
      </Card>

      <Button type="submit" loading={isSubmitting}>
        {submitLabel}
      </Button>
    </form>
  );
}
