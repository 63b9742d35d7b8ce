import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';

import type { ApiProblem } from './api/problem';

/**
 * Put the server's per-field messages next to the form's fields. Returns the names of fields it set;
 * messages for fields the form does not have are left for the problem alert.
 */
export function applyFieldProblems<T extends FieldValues>(
  problem: ApiProblem,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): Path<T>[] {
  const known = new Set<string>(fields);
  const applied: Path<T>[] = [];
  for (const { field, message } of problem.errors) {
    if (!known.has(field)) continue;
    const name = field as Path<T>;
    setError(name, { type: 'server', message }, { shouldFocus: applied.length === 0 });
    applied.push(name);
  }
  return applied;
}
