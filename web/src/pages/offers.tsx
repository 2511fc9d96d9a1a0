/**
 * Tilbud (kommune): the offers from IMDi awaiting this municipality's answer
 * (GET /v1/cases?offeredTo=<own number>, R-DIST-3), each with the anonymised profile — no name,
 * DUF number, birth date or centre — and the answer form the API offers (accept with the expected
 * week, or decline with a reason; R-DIST-2). Below: the accepted offers waiting for the move.
 */
import { Alert, Card, Heading, Link, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { api } from '../api/client';
import { asCaseView } from '../api/case';
import { ProblemAlert } from '../components/problem';
import { formatDate } from '../format';
import { label, priorityGroupLabels } from '../labels';
import { useLoad } from '../load';
import { useMe } from '../session';
import { CaseSteps, type StepOutcome } from '../steps/case-steps';
import { AnonymisedProfile } from './case';
import { CaseSearch } from './cases';

export function OffersPage() {
  const me = useMe();
  const municipality = me.organisation ?? '';
  const offered = useLoad(() => api.GET('/v1/cases', { params: { query: { offeredTo: municipality, limit: 50 } } }), [municipality]);
  const accepted = useLoad(() => api.GET('/v1/cases', { params: { query: { stage: 'agreed', limit: 100 } } }), []);
  const [answered, setAnswered] = useState<{ caseId: string; outcome: StepOutcome }>();
  // The list is the case index, written just after the answer: an offer answered here may still be
  // listed for a moment, and must not be offered for an answer again.
  const [answeredIds, setAnsweredIds] = useState<ReadonlySet<string>>(new Set());
  const waiting = (offered.data?.items ?? []).filter((c) => !answeredIds.has(c.caseId));
  const items = accepted.data?.items ?? [];
  const onAnswered = (caseId: string, outcome: StepOutcome) => {
    setAnswered({ caseId, outcome });
    setAnsweredIds((ids) => new Set(ids).add(caseId));
    offered.reload();
    accepted.reload();
  };
  return (
    <>
      <Heading level={1} data-size="lg">
        Tilbud
      </Heading>
      <Paragraph>Et tilbud om bosetting fra IMDi viser husstanden uten navn, DUF-nummer, fødselsdato og mottak til kommunen har svart.</Paragraph>

      <div role="status">
        {answered && (
          <Alert data-color="success">
            <Heading level={2} data-size="xs">
              Svar sendt i sak {answered.caseId}
            </Heading>
            <Paragraph>{answered.outcome.outcome}</Paragraph>
            <Paragraph>
              <Link asChild>
                <RouterLink to={`/saker/${encodeURIComponent(answered.caseId)}`}>Åpne sak {answered.caseId}</RouterLink>
              </Link>
            </Paragraph>
          </Alert>
        )}
      </div>

      <section className="stack" aria-labelledby="venter">
        <Heading level={2} data-size="md" id="venter">
          Tilbud som venter på svar
        </Heading>
        {offered.problem && <ProblemAlert problem={offered.problem} />}
        {offered.loading && !offered.data && <Spinner aria-label="Laster tilbud …" />}
        {offered.data && waiting.length === 0 && <Paragraph>Ingen tilbud venter på svar fra kommunen.</Paragraph>}
        {waiting.map((c) => (
          <Offer key={c.caseId} caseId={c.caseId} householdSize={c.householdSize} priorityGroup={c.priorityGroup} onAnswered={(outcome) => onAnswered(c.caseId, outcome)} />
        ))}
        {offered.data?.nextCursor && <Paragraph>Flere tilbud venter; svar på disse først.</Paragraph>}
      </section>

      <CaseSearch label="Åpne tilbud med saksnummeret fra IMDis henvendelse" />

      <section className="stack" aria-labelledby="akseptert">
        <Heading level={2} data-size="md" id="akseptert">
          Aksepterte tilbud som venter på flytting
        </Heading>
        {accepted.problem && <ProblemAlert problem={accepted.problem} />}
        {accepted.loading && !accepted.data && <Spinner aria-label="Laster aksepterte tilbud …" />}
        {accepted.data && items.length === 0 && <Paragraph>Ingen aksepterte tilbud venter på flytting.</Paragraph>}
        {items.length > 0 && (
          <Table zebra>
            <caption className="sr-only">Aksepterte tilbud</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>Sak</Table.HeaderCell>
                <Table.HeaderCell>Personer</Table.HeaderCell>
                <Table.HeaderCell>Prioritet</Table.HeaderCell>
                <Table.HeaderCell>Sist endret</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((c) => (
                <Table.Row key={c.caseId}>
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to={`/saker/${encodeURIComponent(c.caseId)}`}>{c.caseId}</RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{c.householdSize}</Table.Cell>
                  <Table.Cell>{label(priorityGroupLabels, c.priorityGroup)}</Table.Cell>
                  <Table.Cell>{formatDate(c.updatedAt)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </section>
    </>
  );
}

/** One offer: the anonymised profile as the API answers it for this municipality, and the answer form. */
function Offer({ caseId, householdSize, priorityGroup, onAnswered }: { caseId: string; householdSize: number; priorityGroup: string; onAnswered: (outcome: StepOutcome) => void }) {
  const { data, problem, reload } = useLoad(() => api.GET('/v1/cases/{caseId}', { params: { path: { caseId } } }), [caseId]);
  const view = asCaseView(data);
  const headingId = `tilbud-${caseId}`;
  return (
    <Card className="stack" aria-labelledby={headingId} role="region">
      <Heading level={3} data-size="sm" id={headingId}>
        Tilbud i sak {caseId}: {householdSize} personer, {label(priorityGroupLabels, priorityGroup).toLowerCase()}
      </Heading>
      {problem && <ProblemAlert problem={problem} />}
      {view?.view === 'anonymised' && <AnonymisedProfile view={view} level={4} />}
      {view && (
        <CaseSteps
          caseId={caseId}
          view={view}
          only={['respondToOffer']}
          level={4}
          onDone={(outcome) => {
            reload();
            onAnswered(outcome);
          }}
        />
      )}
    </Card>
  );
}
