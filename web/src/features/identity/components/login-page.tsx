import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Navigate, useSearchParams } from 'react-router';

import { Alert, Button, Field, Input, PublicLayout } from '@/components/ui';
import { returnToParam } from '@/config/paths';
import { refreshSession } from '@/lib/api/auth-fetch';
import { toApiProblem, type ApiProblem } from '@/lib/api/problem';
import { useSessionStatus } from '@/lib/api/session';
import { applyFieldProblems } from '@/lib/forms';
import { safeReturnPath } from '@/lib/safe-path';

import { loginInputSchema, useLogin, type LoginInput } from '../api/login';

const formFields = ['email', 'password'] as const;

export function LoginPage() {
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnPath(searchParams.get(returnToParam));
  const status = useSessionStatus();
  const login = useLogin();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    resetField,
    formState: { errors, isSubmitting },
  } = useForm<LoginInput>({ resolver: zodResolver(loginInputSchema), defaultValues: { email: '', password: '' } });

  // Opened with a still-valid refresh cookie (bookmark, new tab): restore quietly instead of asking again.
  useEffect(() => {
    if (status === 'unknown') void refreshSession();
  }, [status]);

  // Signing in (or a restored session) flips the session to authenticated, which lands here and moves on.
  if (status === 'authenticated') return <Navigate to={returnTo} replace />;

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      await login.mutateAsync(values);
    } catch (error) {
      const failure = toApiProblem(error);
      resetField('password');
      applyFieldProblems(failure, setError, formFields);
      setProblem(failure);
    }
  });

  return (
    <PublicLayout title="Sign in to TraceHub">
      <form method="post" noValidate onSubmit={onSubmit} className="space-y-4" aria-label="Sign in">
        {problem && <LoginProblem problem={problem} />}
        <Field label="E-mail" error={errors.email?.message}>
          {(control) => (
            <Input type="email" autoComplete="username" inputMode="email" {...control} {...register('email')} />
          )}
        </Field>
        <Field label="Password" error={errors.password?.message}>
          {(control) => (
            <Input type="password" autoComplete="current-password" {...control} {...register('password')} />
          )}
        </Field>
        <Button type="submit" loading={isSubmitting} className="w-full">
          {isSubmitting ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
    </PublicLayout>
  );
}

function LoginProblem({ problem }: { problem: ApiProblem }) {
  const tooMany = problem.status === 429;
  return (
    <Alert tone="error" title={tooMany ? 'Too many attempts' : 'Sign-in failed'}>
      <p>{problem.detail}</p>
      {tooMany && problem.retryAfterSeconds !== undefined && (
        <p className="mt-1 font-medium">
          Try again in {problem.retryAfterSeconds} {problem.retryAfterSeconds === 1 ? 'second' : 'seconds'}.
        </p>
      )}
    </Alert>
  );
}
