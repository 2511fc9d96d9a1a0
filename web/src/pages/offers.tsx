/**
 * Tilbud (kommune): an offer from IMDi is opened with the case number of its notice — the case
 * page then shows the anonymised profile and, when the API allows it, the answer form. Below: the
 * offers this municipality has accepted and their expected week (GET /v1/cases?stage=agreed).
 */
import { Heading, Link, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { api } from '../api/client';
import { ProblemAlert } from '../components/problem';
import { formatDate } from '../format';
import { label, priorityGroupLabels } from '../labels';
import { useLoad } from '../load';
import { CaseSearch } from './cases';

export function OffersPage() {
  const accepted = useLoad(() => api.GET('/v1/cases', { params: { query: { stage: 'agreed', limit: 100 } } }), []);
  const items = accepted.data?.items ?? [];
  return (
    <>
      <Heading level={1} data-size="lg">
        Tilbud
      </Heading>
      <Paragraph>Et tilbud om bosetting fra IMDi viser husstanden uten navn, DUF-nummer, fødselsdato og mottak til kommunen har svart.</Paragraph>
      <CaseSearch label="Åpne tilbud med saksnummeret fra IMDis henvendelse" />
      <section className="stack" aria-labelledby="akseptert">
        <Heading level={2} data-size="md" id="akseptert">
          Aksepterte tilbud som venter på flytting
        </Heading>
        {accepted.problem && <ProblemAlert problem={accepted.problem} />}
        {accepted.loading && <Spinner aria-label="Laster tilbud …" />}
        {!accepted.loading && items.length === 0 && <Paragraph>Ingen aksepterte tilbud venter på flytting.</Paragraph>}
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
