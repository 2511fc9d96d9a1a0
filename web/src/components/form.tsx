/**
 * Forms that show the API's field errors next to the field they name. A problem+json answer's
 * `errors[].path` (e.g. `persons.0.dufNumber`) is matched to the field registered under that path;
 * errors for fields the form does not have are listed in the summary at the top.
 */
import { ErrorSummary } from '@digdir/designsystemet-react';
import { useCallback, useState } from 'react';
import type { Problem } from '../api/client';
import { ProblemAlert } from './problem';

export type FieldErrors = Record<string, string>;

/** A field's id from its API path, for labels and the summary's links. */
export function fieldId(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

export function useProblem() {
  const [problem, setProblem] = useState<Problem>();
  const errors: FieldErrors = Object.fromEntries((problem?.errors ?? []).map((e) => [e.path.replace(/^body\./, ''), e.message]));
  const clear = useCallback(() => setProblem(undefined), []);
  return { problem, errors, setProblem, clear };
}

/** The summary of what to fix (WCAG 3.3.1), each linking to its field; the problem's reason otherwise. */
export function FormProblem({ problem, errors, prefix, known }: { problem?: Problem; errors: FieldErrors; prefix: string; known: (path: string) => boolean }) {
  if (!problem) return null;
  const entries = Object.entries(errors);
  if (entries.length === 0) return <ProblemAlert problem={problem} />;
  return (
    <ErrorSummary>
      <ErrorSummary.Heading>Rett opp dette før du sender inn</ErrorSummary.Heading>
      <ErrorSummary.List>
        {entries.map(([path, message]) => (
          <ErrorSummary.Item key={path}>
            {known(path) ? <ErrorSummary.Link href={`#${fieldId(prefix, path)}`}>{message}</ErrorSummary.Link> : `${path}: ${message}`}
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
