import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Problem } from '../api/client';

/** A failed request's reason, as the API gives it (bokmål detail where the API writes one). */
export function ProblemAlert({ problem, heading }: { problem: Problem; heading?: string }) {
  return (
    <Alert data-color={problem.status === 409 ? 'warning' : 'danger'} role="alert">
      <Heading level={2} data-size="xs">
        {heading ?? titleOf(problem)}
      </Heading>
      <Paragraph>{problem.detail}</Paragraph>
    </Alert>
  );
}

function titleOf(problem: Problem): string {
  switch (problem.status) {
    case 400:
      return 'Noe er ikke fylt ut riktig';
    case 401:
      return 'Du er ikke logget inn';
    case 403:
      return 'Du har ikke tilgang';
    case 404:
      return 'Fant ikke saken';
    case 409:
      return 'Steget er ikke tillatt nå';
    default:
      return 'Noe gikk galt';
  }
}
