import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';

import { Button, Field, Input, ProblemAlert, Select } from '@/components/ui';
import { toApiProblem, type ApiProblem } from '@/lib/api/problem';
import type { Schemas } from '@/lib/api/types';
import { applyFieldProblems } from '@/lib/forms';

import { createInvitationInputSchema, useCreateInvitation, type CreateInvitationInput } from '../api/create-invitation';
import { roleOptions } from '../model/roles';

const formFields = ['email', 'role'] as const;

export function InviteForm({ onIssued }: { onIssued: (issued: Schemas['InvitationIssued']) => void }) {
  const createInvitation = useCreateInvitation();
  const [problem, setProblem] = useState<{ error: ApiProblem; shown: string[] } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<CreateInvitationInput>({
    resolver: zodResolver(createInvitationInputSchema),
    defaultValues: { email: '', role: 'viewer' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      const issued = await createInvitation.mutateAsync(values);
      reset();
      onIssued(issued);
    } catch (error) {
      const failure = toApiProblem(error);
      setProblem({ error: failure, shown: applyFieldProblems(failure, setError, formFields) });
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4" aria-label="Invite">
      {problem && <ProblemAlert error={problem.error} shownFields={problem.shown} />}
      <div className="grid gap-4 md:grid-cols-[2fr_1fr_auto] md:items-start">
        <Field label="E-mail to invite" error={errors.email?.message}>
          {(control) => <Input type="email" autoComplete="off" {...control} {...register('email')} />}
        </Field>
        <Field label="Role for the invitee" error={errors.role?.message}>
          {(control) => (
            <Select {...control} {...register('role')}>
              {roleOptions.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Button type="submit" loading={isSubmitting} className="md:mt-6">
          Invite
        </Button>
      </div>
    </form>
  );
}
