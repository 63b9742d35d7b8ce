import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';

import { Alert, Button, Card, Field, Input, PageSpinner, ProblemAlert, Select, Table, TBody, Td, Th, THead, Tr } from '@/components/ui';
import { toApiProblem, type ApiProblem } from '@/lib/api/problem';
import type { Schemas } from '@/lib/api/types';
import { applyFieldProblems } from '@/lib/forms';
import { organizationTypeLabels } from '@/lib/labels';

import {
  createPartnerInputSchema,
  partnerTypeOptions,
  useCreatePartner,
  usePartners,
  type CreatePartnerForm,
  type CreatePartnerInput,
} from '../api/partners';

import { InvitationLink } from './invitation-link';

const formFields = ['name', 'type', 'countryCode', 'adminEmail'] as const;

/** Trading partners of the organisation, and a form to add one (optionally inviting its first administrator). */
export function PartnersSection() {
  const partners = usePartners();
  const createPartner = useCreatePartner();
  const [created, setCreated] = useState<Schemas['PartnerCreated'] | null>(null);
  const [problem, setProblem] = useState<{ error: ApiProblem; shown: string[] } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<CreatePartnerForm, unknown, CreatePartnerInput>({
    resolver: zodResolver(createPartnerInputSchema),
    defaultValues: { name: '', type: 'buyer', countryCode: '', adminEmail: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    setCreated(null);
    try {
      const result = await createPartner.mutateAsync(values);
      reset();
      setCreated(result);
    } catch (error) {
      const failure = toApiProblem(error);
      setProblem({ error: failure, shown: applyFieldProblems(failure, setError, formFields) });
    }
  });

  return (
    <Card title="Partners">
      <div className="space-y-6">
        <form noValidate onSubmit={onSubmit} className="space-y-4" aria-label="Add partner">
          {problem && <ProblemAlert error={problem.error} shownFields={problem.shown} />}
          <div className="grid gap-4 md:grid-cols-2">
            <Field label="Partner name" error={errors.name?.message}>
              {(control) => <Input autoComplete="off" {...control} {...register('name')} />}
            </Field>
            <Field label="Partner type" error={errors.type?.message}>
              {(control) => (
                <Select {...control} {...register('type')}>
                  {partnerTypeOptions.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label="Country code (optional)" error={errors.countryCode?.message}>
              {(control) => <Input autoComplete="off" maxLength={2} {...control} {...register('countryCode')} />}
            </Field>
            <Field label="Administrator e-mail (optional)" error={errors.adminEmail?.message}>
              {(control) => <Input type="email" autoComplete="off" {...control} {...register('adminEmail')} />}
            </Field>
          </div>
          <Button type="submit" loading={isSubmitting}>
            Add partner
          </Button>
        </form>
        {created && !created.adminInvitation && (
          <Alert tone="success">{created.partner.name} was added.</Alert>
        )}
        {created?.adminInvitation && (
          <InvitationLink issued={created.adminInvitation} onDone={() => setCreated(null)} />
        )}
        {partners.isPending && <PageSpinner label="Loading partners…" />}
        {partners.isError && <ProblemAlert error={partners.error} title="Partners could not be loaded" />}
        {partners.data && partners.data.length === 0 && <p className="text-sm text-slate-700">No partners yet.</p>}
        {partners.data && partners.data.length > 0 && (
          <Table caption="Trading partners">
            <THead>
              <Tr>
                <Th>Name</Th>
                <Th>Type</Th>
              </Tr>
            </THead>
            <TBody>
              {partners.data.map((partner) => (
                <Tr key={partner.id}>
                  <Td>{partner.name}</Td>
                  <Td>{organizationTypeLabels[partner.type]}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </div>
    </Card>
  );
}
