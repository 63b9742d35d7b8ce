import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';

import { Alert, Button, Card, Field, Input, ProblemAlert, Select } from '@/components/ui';
import { toApiProblem, type ApiProblem } from '@/lib/api/problem';
import { applyFieldProblems } from '@/lib/forms';

import { createUserInputSchema, useCreateUser, type CreateUserInput } from '../api/create-user';
import { passwordPolicyHint } from '../model/password';
import { roleOptions } from '../model/roles';

const formFields = ['email', 'fullName', 'role', 'password'] as const;

export function CreateUserSection() {
  const createUser = useCreateUser();
  const [problem, setProblem] = useState<{ error: ApiProblem; shown: string[] } | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<CreateUserInput>({
    resolver: zodResolver(createUserInputSchema),
    defaultValues: { email: '', fullName: '', role: 'viewer', password: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    setCreated(null);
    try {
      const user = await createUser.mutateAsync(values);
      reset();
      setCreated(`${user.fullName} (${user.email}) can now sign in with the initial password.`);
    } catch (error) {
      const failure = toApiProblem(error);
      setProblem({ error: failure, shown: applyFieldProblems(failure, setError, formFields) });
    }
  });

  return (
    <Card title="Create user">
      <form noValidate onSubmit={onSubmit} className="space-y-4" aria-label="Create user">
        {problem && <ProblemAlert error={problem.error} shownFields={problem.shown} />}
        {created && <Alert tone="success">{created}</Alert>}
        <div className="grid gap-4 md:grid-cols-2">
          <Field label="E-mail" error={errors.email?.message}>
            {(control) => <Input type="email" autoComplete="off" {...control} {...register('email')} />}
          </Field>
          <Field label="Full name" error={errors.fullName?.message}>
            {(control) => <Input autoComplete="off" {...control} {...register('fullName')} />}
          </Field>
          <Field label="Role" error={errors.role?.message}>
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
          <Field label="Initial password" hint={passwordPolicyHint} error={errors.password?.message}>
            {(control) => <Input type="password" autoComplete="new-password" {...control} {...register('password')} />}
          </Field>
        </div>
        <Button type="submit" loading={isSubmitting}>
          Create user
        </Button>
      </form>
    </Card>
  );
}
