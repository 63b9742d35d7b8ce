import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';

import { Button, Field, Input, ProblemAlert } from '@/components/ui';
import { toApiProblem, type ApiProblem } from '@/lib/api/problem';
import { applyFieldProblems } from '@/lib/forms';

import {
  acceptAsExistingUserSchema,
  acceptAsNewUserSchema,
  useAcceptInvitation,
  type AcceptAsExistingUserInput,
  type AcceptAsNewUserInput,
} from '../api/accept-invitation';
import { passwordPolicyHint } from '../model/password';

interface AcceptInvitationFormProps {
  token: string;
  email: string;
  existingUser: boolean;
  onAccepted: (email: string) => void;
}

export function AcceptInvitationForm({ existingUser, ...props }: AcceptInvitationFormProps) {
  return existingUser ? <ExistingUserForm {...props} /> : <NewUserForm {...props} />;
}

type FormProps = Omit<AcceptInvitationFormProps, 'existingUser'>;

function NewUserForm({ token, onAccepted }: FormProps) {
  const accept = useAcceptInvitation();
  const [problem, setProblem] = useState<{ error: ApiProblem; shown: string[] } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<AcceptAsNewUserInput>({
    resolver: zodResolver(acceptAsNewUserSchema),
    defaultValues: { fullName: '', password: '', confirmPassword: '' },
  });

  const onSubmit = handleSubmit(async ({ fullName, password }) => {
    setProblem(null);
    try {
      const result = await accept.mutateAsync({ token, body: { fullName, password } });
      onAccepted(result.email);
    } catch (error) {
      const failure = toApiProblem(error);
      const shown = applyFieldProblems(failure, setError, ['fullName', 'password']);
      setProblem({ error: failure, shown });
    }
  });

  return (
    <form method="post" noValidate onSubmit={onSubmit} className="space-y-4" aria-label="Create your account">
      <p className="text-sm text-slate-700">Create your account to accept the invitation.</p>
      {problem && <ProblemAlert error={problem.error} shownFields={problem.shown} />}
      <Field label="Full name" error={errors.fullName?.message}>
        {(control) => <Input autoComplete="name" {...control} {...register('fullName')} />}
      </Field>
      <Field label="Password" hint={passwordPolicyHint} error={errors.password?.message}>
        {(control) => <Input type="password" autoComplete="new-password" {...control} {...register('password')} />}
      </Field>
      <Field label="Confirm password" error={errors.confirmPassword?.message}>
        {(control) => (
          <Input type="password" autoComplete="new-password" {...control} {...register('confirmPassword')} />
        )}
      </Field>
      <Button type="submit" loading={isSubmitting} className="w-full">
        Accept invitation
      </Button>
    </form>
  );
}

function ExistingUserForm({ token, email, onAccepted }: FormProps) {
  const accept = useAcceptInvitation();
  const [problem, setProblem] = useState<{ error: ApiProblem; shown: string[] } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    resetField,
    formState: { errors, isSubmitting },
  } = useForm<AcceptAsExistingUserInput>({
    resolver: zodResolver(acceptAsExistingUserSchema),
    defaultValues: { password: '' },
  });

  const onSubmit = handleSubmit(async ({ password }) => {
    setProblem(null);
    try {
      const result = await accept.mutateAsync({ token, body: { password } });
      onAccepted(result.email);
    } catch (error) {
      const failure = toApiProblem(error);
      resetField('password');
      const shown = applyFieldProblems(failure, setError, ['password']);
      setProblem({ error: failure, shown });
    }
  });

  return (
    <form method="post" noValidate onSubmit={onSubmit} className="space-y-4" aria-label="Confirm your account">
      <p className="text-sm text-slate-700">
        You already have a TraceHub account as <strong className="break-all">{email}</strong>. Confirm it is you with
        your current password.
      </p>
      {problem && <ProblemAlert error={problem.error} shownFields={problem.shown} />}
      <Field label="Current password" error={errors.password?.message}>
        {(control) => (
          <Input type="password" autoComplete="current-password" {...control} {...register('password')} />
        )}
      </Field>
      <Button type="submit" loading={isSubmitting} className="w-full">
        Accept invitation
      </Button>
    </form>
  );
}
