/** Saker: the case list with the API's filters (GET /v1/cases), page by page; search by case id. */
import { Button, Checkbox, Heading, Link, Paragraph, Search, Select, Spinner, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { ProblemAlert } from '../components/problem';
import { formatDate } from '../format';
import { goalStatusLabels, label, priorityGroupLabels, stageLabels } from '../labels';
import { useLoad } from '../load';

const PAGE_SIZE = 25;
const FILTERS = ['stage', 'priorityGroup', 'goal', 'overdue', 'receptionCentre', 'municipality'] as const;
type Filter = (typeof FILTERS)[number];

export function CasesPage() {
  const [params, setParams] = useSearchParams();
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const value = (name: Filter) => params.get(name) ?? '';
  const query = {
    stage: value('stage') || undefined,
    priorityGroup: (value('priorityGroup') || undefined) as 'unaccompanied_minor' | undefined,
    goal: (value('goal') || undefined) as 'at_risk' | 'late' | undefined,
    overdue: value('overdue') === 'true' ? ('true' as const) : undefined,
    receptionCentre: value('receptionCentre') || undefined,
    municipality: value('municipality') || undefined,
    limit: PAGE_SIZE,
    cursor,
  };
  const { data, problem, loading } = useLoad(() => api.GET('/v1/cases', { params: { query } }), [params.toString(), cursor]);

  function setFilter(name: Filter, v: string) {
    const next = new URLSearchParams(params);
    if (v) next.set(name, v);
    else next.delete(name);
    setCursors([]);
    setParams(next, { replace: true });
  }

  return (
    <>
      <Heading level={1} data-size="lg">
        Saker
      </Heading>
      <CaseSearch />
      <section className="stack" aria-labelledby="filtre">
        <Heading level={2} data-size="sm" id="filtre">
          Filtre
        </Heading>
        <div className="row">
          <div>
            <label className="ds-label" htmlFor="filter-stage">
              Fase
            </label>
            <Select id="filter-stage" value={value('stage')} onChange={(e) => setFilter('stage', e.target.value)}>
              <Select.Option value="">Alle faser</Select.Option>
              {Object.entries(stageLabels).map(([code, text]) => (
                <Select.Option key={code} value={code}>
                  {text}
                </Select.Option>
              ))}
            </Select>
          </div>
          <div>
            <label className="ds-label" htmlFor="filter-priority">
              Prioritet
            </label>
            <Select id="filter-priority" value={value('priorityGroup')} onChange={(e) => setFilter('priorityGroup', e.target.value)}>
              <Select.Option value="">Alle</Select.Option>
              {Object.entries(priorityGroupLabels).map(([code, text]) => (
                <Select.Option key={code} value={code}>
                  {text}
                </Select.Option>
              ))}
            </Select>
          </div>
          <div>
            <label className="ds-label" htmlFor="filter-goal">
              Bosettingsmål
            </label>
            <Select id="filter-goal" value={value('goal')} onChange={(e) => setFilter('goal', e.target.value)}>
              <Select.Option value="">Alle</Select.Option>
              <Select.Option value="at_risk">I fare</Select.Option>
              <Select.Option value="late">Forsinket</Select.Option>
            </Select>
          </div>
          <Textfield label="Mottak (id)" value={value('receptionCentre')} onChange={(e) => setFilter('receptionCentre', e.target.value.trim())} />
          <Textfield label="Kommunenummer" value={value('municipality')} onChange={(e) => setFilter('municipality', e.target.value.trim())} />
          <Checkbox label="Med forfalte oppgaver" checked={value('overdue') === 'true'} onChange={(e) => setFilter('overdue', e.target.checked ? 'true' : '')} />
        </div>
      </section>
      {problem && <ProblemAlert problem={problem} />}
      {loading && <Spinner aria-label="Laster saker …" />}
      {data && data.items.length === 0 && <Paragraph>Ingen saker med disse filtrene.</Paragraph>}
      {data && data.items.length > 0 && (
        <Table zebra>
          <caption className="sr-only">Saker, sist endret først</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>Sak</Table.HeaderCell>
              <Table.HeaderCell>Fase</Table.HeaderCell>
              <Table.HeaderCell>Prioritet</Table.HeaderCell>
              <Table.HeaderCell>Personer</Table.HeaderCell>
              <Table.HeaderCell>Mottak</Table.HeaderCell>
              <Table.HeaderCell>Kommune</Table.HeaderCell>
              <Table.HeaderCell>Bosettingsmål</Table.HeaderCell>
              <Table.HeaderCell>Neste frist</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {data.items.map((c) => (
              <Table.Row key={c.caseId}>
                <Table.Cell>
                  <Link asChild>
                    <RouterLink to={`/saker/${encodeURIComponent(c.caseId)}`}>{c.caseId}</RouterLink>
                  </Link>
                </Table.Cell>
                <Table.Cell>{label(stageLabels, c.stage)}</Table.Cell>
                <Table.Cell>{label(priorityGroupLabels, c.priorityGroup)}</Table.Cell>
                <Table.Cell>{c.householdSize}</Table.Cell>
                <Table.Cell>{c.receptionCentreName}</Table.Cell>
                <Table.Cell>{c.municipalityNumber ?? '–'}</Table.Cell>
                <Table.Cell>
                  <GoalTag status={c.goalStatus} /> {formatDate(c.goalDate)}
                </Table.Cell>
                <Table.Cell>{formatDate(c.nextDueDate)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <nav className="row" aria-label="Sider">
        <Button variant="secondary" disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
          Forrige side
        </Button>
        <Button variant="secondary" disabled={!data?.nextCursor} onClick={() => data?.nextCursor && setCursors((c) => [...c, data.nextCursor!])}>
          Neste side
        </Button>
      </nav>
    </>
  );
}

export function GoalTag({ status }: { status: string }) {
  const color = status === 'late' || status === 'missed' ? 'danger' : status === 'at_risk' ? 'warning' : 'success';
  return <Tag data-color={color}>{label(goalStatusLabels, status)}</Tag>;
}

/** Opens one case by its id (what a letter, a notice or a colleague gives). */
export function CaseSearch({ label = 'Finn sak med saksnummer' }: { label?: string }) {
  const navigate = useNavigate();
  const [id, setId] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    if (id.trim()) navigate(`/saker/${encodeURIComponent(id.trim())}`);
  }
  return (
    <form role="search" onSubmit={submit} className="stack">
      <label className="ds-label" htmlFor="case-search">
        {label}
      </label>
      <Search>
        <Search.Input id="case-search" value={id} onChange={(e) => setId(e.target.value)} />
        <Search.Clear aria-label="Tøm" onClick={() => setId('')} />
        <Search.Button type="submit">Åpne sak</Search.Button>
      </Search>
    </form>
  );
}
