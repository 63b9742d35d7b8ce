import { toApiProblem } from '@/lib/api/problem';

import { Alert } from './alert';

export interface ProblemAlertProps {
  error: unknown;
  /** Field errors already shown next to their form fields; the rest are listed here. */
  shownFields?: readonly string[];
  /** Overrides the problem's own title. */
  title?: string;
  className?: string;
}

/** Shows an API problem the way users should see it: its `detail`, leftover field errors and a reference. */
export function ProblemAlert({ error, shownFields = [], title, className }: ProblemAlertProps) {
  const problem = toApiProblem(error);
  const otherErrors = problem.errors.filter(({ field }) => !shownFields.includes(field));
  return (
    <Alert tone="error" title={title ?? problem.title} className={className}>
      <p>{problem.detail}</p>
      {otherErrors.length > 0 && (
        <ul className="mt-2 list-disc pl-5">
          {otherErrors.map(({ field, message }) => (
            <li key={`${field}:${message}`}>
              {field}: {message}
            </li>
          ))}
        </ul>
      )}
      {problem.requestId && <p className="mt-2 text-xs text-red-800">Reference: {problem.requestId}</p>}
    </Alert>
  );
}
