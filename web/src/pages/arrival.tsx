/**
 * Ankomst (kommune): the households the municipality has received and each person's arrival
 * journey — checklists, school, kindergarten, plan, grants and their deadlines
 * (GET /v1/cases/{caseId}/household-journey); a checklist task is completed here
 * (POST …/persons/{dufNumber}/complete-task).
 */
import { Alert, Button, Heading, Paragraph, Select, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, asProblem, type Problem } from '../api/client';
import { ProblemAlert } from '../components/problem';
import { DaysLeft, DueTag } from '../components/status';
import { formatDate, formatNumber } from '../format';
import { arrivalTaskTitle, deadlineTitle, label, relationLabels } from '../labels';
import { useLoad } from '../load';

/** GET /v1/cases/{caseId}/household-journey (domain/journey.ts HouseholdJourneyView); the OpenAPI schema does not describe it yet. */
type Household = {
  caseId: string;
  members: { dufNumber: string; name: string; relation: string; settlementYear: number; openTasks: number; overdueTasks: number; interpreter?: { language: string } }[];
  openTasks: { taskId: string; title: string; rule: string; dueDate: string; overdue: boolean; dufNumber: string; name: string; interpreter?: { language: string } }[];
  deadlines: { id: string; rule: string; title: string; dueDate: string; status: string; dufNumber: string; name: string }[];
  grants: { bySettlementYear: { settlementYear: number; calendarYear: number; amount: number; estimated: boolean }[]; total: number };
};

const kroner = new Intl.NumberFormat('nb-NO', { style: 'currency', currency: 'NOK', maximumFractionDigits: 0 });

export function ArrivalPage() {
  const [params, setParams] = useSearchParams();
  const caseId = params.get('sak') ?? '';
  const settled = useLoad(() => api.GET('/v1/cases', { params: { query: { stage: 'settled', limit: 100 } } }), []);
  const cases = settled.data?.items ?? [];
  return (
    <>
      <Heading level={1} data-size="lg">
        Ankomst
      </Heading>
      <Paragraph>Husstander kommunen har tatt imot, og hver persons oppfølging etter ankomst.</Paragraph>
      {settled.problem && <ProblemAlert problem={settled.problem} />}
      {settled.loading && <Spinner aria-label="Laster husstander …" />}
      {!settled.loading && cases.length === 0 && <Paragraph>Ingen husstander er bosatt i kommunen ennå.</Paragraph>}
      {cases.length > 0 && (
        <div>
          <label className="ds-label" htmlFor="household">
            Husstand
          </label>
          <Select id="household" value={caseId} onChange={(e) => setParams(e.target.value ? { sak: e.target.value } : {})}>
            <Select.Option value="">Velg husstand</Select.Option>
            {cases.map((c) => (
              <Select.Option key={c.caseId} value={c.caseId}>
                {c.caseId} ({c.householdSize} personer, bosatt {formatDate(c.settledAt)})
              </Select.Option>
            ))}
          </Select>
        </div>
      )}
      {caseId && <HouseholdJourney caseId={caseId} />}
    </>
  );
}

function HouseholdJourney({ caseId }: { caseId: string }) {
  const { data, problem, loading, reload } = useLoad(() => api.GET('/v1/cases/{caseId}/household-journey', { params: { path: { caseId } } }), [caseId]);
  const [stepProblem, setStepProblem] = useState<Problem>();
  const [done, setDone] = useState<string>();
  const household = data as Household | undefined;

  async function complete(dufNumber: string, taskId: string, title: string) {
    setStepProblem(undefined);
    setDone(undefined);
    const { error, response } = await api.POST('/v1/cases/{caseId}/persons/{dufNumber}/complete-task', { params: { path: { caseId, dufNumber } }, body: { taskId } });
    if (response.ok) {
      setDone(`Fullført: ${title}`);
      reload();
    } else setStepProblem(asProblem(error, response.status));
  }

  if (problem) return <ProblemAlert problem={problem} />;
  if (loading && !household) return <Spinner aria-label="Laster oppfølgingen …" />;
  if (!household) return null;
  return (
    <>
      <section className="stack" aria-labelledby="medlemmer">
        <Heading level={2} data-size="md" id="medlemmer">
          Husstanden
        </Heading>
        <Table zebra>
          <caption className="sr-only">Husstandens medlemmer og deres oppfølging</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>Navn</Table.HeaderCell>
              <Table.HeaderCell>Relasjon</Table.HeaderCell>
              <Table.HeaderCell>Bosettingsår</Table.HeaderCell>
              <Table.HeaderCell>Åpne oppgaver</Table.HeaderCell>
              <Table.HeaderCell>Forfalte</Table.HeaderCell>
              <Table.HeaderCell>Tolk</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {household.members.map((m) => (
              <Table.Row key={m.dufNumber}>
                <Table.Cell>{m.name}</Table.Cell>
                <Table.Cell>{label(relationLabels, m.relation)}</Table.Cell>
                <Table.Cell>År {m.settlementYear}</Table.Cell>
                <Table.Cell>{m.openTasks}</Table.Cell>
                <Table.Cell>{m.overdueTasks}</Table.Cell>
                <Table.Cell>{m.interpreter ? `Trenger tolk (${m.interpreter.language})` : 'Nei'}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </section>
      <section className="stack" aria-labelledby="oppgaver">
        <Heading level={2} data-size="md" id="oppgaver">
          Oppgaver etter ankomst
        </Heading>
        {stepProblem && <ProblemAlert problem={stepProblem} />}
        {done && (
          <Alert data-color="success" role="status">
            {done}
          </Alert>
        )}
        <Table zebra>
          <caption className="sr-only">Åpne oppgaver, tidligste frist først</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>Person</Table.HeaderCell>
              <Table.HeaderCell>Oppgave</Table.HeaderCell>
              <Table.HeaderCell>Frist</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell>Handling</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {household.openTasks.map((t) => {
              const title = arrivalTaskTitle(t);
              return (
                <Table.Row key={`${t.dufNumber}-${t.taskId}`}>
                  <Table.Cell>{t.name}</Table.Cell>
                  <Table.Cell>
                    {title} <small>({t.rule})</small>
                    {t.interpreter && (
                      <>
                        {' '}
                        <Tag data-color="info">Tolk: {t.interpreter.language}</Tag>
                      </>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    {formatDate(t.dueDate)} (<DaysLeft dueDate={t.dueDate} />)
                  </Table.Cell>
                  <Table.Cell>
                    <DueTag dueDate={t.dueDate} />
                  </Table.Cell>
                  <Table.Cell>
                    <Button data-size="sm" variant="secondary" onClick={() => void complete(t.dufNumber, t.taskId, title)} aria-label={`Fullfør «${title}» for ${t.name}`}>
                      Fullfør
                    </Button>
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </section>
      <section className="stack" aria-labelledby="frister-ankomst">
        <Heading level={2} data-size="md" id="frister-ankomst">
          Frister
        </Heading>
        <ul>
          {household.deadlines.map((d) => (
            <li key={`${d.dufNumber}-${d.id}`}>
              {formatDate(d.dueDate)}: {deadlineTitle(d)} – {d.name} ({d.rule})
            </li>
          ))}
        </ul>
      </section>
      <section className="stack" aria-labelledby="tilskudd">
        <Heading level={2} data-size="md" id="tilskudd">
          Tilskudd
        </Heading>
        <Table zebra>
          <caption className="sr-only">Integreringstilskudd per bosettingsår for hele husstanden</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>Bosettingsår</Table.HeaderCell>
              <Table.HeaderCell>Kalenderår</Table.HeaderCell>
              <Table.HeaderCell>Beløp</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {household.grants.bySettlementYear.map((y) => (
              <Table.Row key={y.settlementYear}>
                <Table.Cell>År {y.settlementYear}</Table.Cell>
                <Table.Cell>{y.calendarYear}</Table.Cell>
                <Table.Cell>
                  {kroner.format(y.amount)}
                  {y.estimated ? ' (anslag)' : ''}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        <Paragraph>Totalt: {kroner.format(household.grants.total)} ({formatNumber(household.grants.bySettlementYear.length)} år)</Paragraph>
      </section>
    </>
  );
}
