/**
 * Statistikk (IMDi, supervisors): R-GOAL-1 — share settled within 6 months (3 for unaccompanied
 * minors), waiting time median and 90th percentile, per municipality or reception centre, for a
 * chosen period (GET /v1/statistics); as a chart, a table and a CSV download.
 */
import { Button, Heading, Paragraph, Select, Spinner, Table, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { api, type Schemas } from '../api/client';
import { ProblemAlert } from '../components/problem';
import { addDaysUtc, formatNumber, formatPercent, todayUtc } from '../format';
import { useLoad } from '../load';

type Group = { group: string; settled: number; settledWithinGoal: number; shareWithinGoal: number | null; waitingDays: { median: number | null; p90: number | null }; waitingPastGoal: number };

const groupByLabels = { municipality: 'Kommune', receptionCentre: 'Mottak' } as const;

export function StatisticsPage() {
  const today = todayUtc();
  const [from, setFrom] = useState(addDaysUtc(today, -365));
  const [to, setTo] = useState(today);
  const [groupBy, setGroupBy] = useState<'municipality' | 'receptionCentre'>('municipality');
  const valid = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d);
  const { data, problem, loading } = useLoad(
    () => api.GET('/v1/statistics', { params: { query: { from, to, groupBy } } }),
    [valid(from) ? from : '', valid(to) ? to : '', groupBy],
  );
  const groups = (data?.groups ?? []) as Group[];

  return (
    <>
      <Heading level={1} data-size="lg">
        Statistikk
      </Heading>
      <Paragraph>Bosatte husstander i perioden: andel bosatt innen målet (6 måneder, 3 for enslige mindreårige) og ventetid fra vedtak til bosetting.</Paragraph>
      <div className="row">
        <Textfield label="Fra og med" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <Textfield label="Til og med" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        <div>
          <label className="ds-label" htmlFor="group-by">
            Gruppert etter
          </label>
          <Select id="group-by" value={groupBy} onChange={(e) => setGroupBy(e.target.value as typeof groupBy)}>
            <Select.Option value="municipality">Kommune</Select.Option>
            <Select.Option value="receptionCentre">Mottak</Select.Option>
          </Select>
        </div>
        {data && (
          <Button variant="secondary" onClick={() => downloadCsv(data, groupBy)}>
            Last ned CSV
          </Button>
        )}
      </div>
      {problem && <ProblemAlert problem={problem} />}
      {loading && <Spinner aria-label="Laster statistikk …" />}
      {data && (
        <>
          <section className="stack" aria-labelledby="totalt">
            <Heading level={2} data-size="md" id="totalt">
              Totalt
            </Heading>
            <dl className="facts">
              <dt>Bosatte husstander</dt>
              <dd>{formatNumber(data.total.settled)}</dd>
              <dt>Bosatt innen målet</dt>
              <dd>
                {formatNumber(data.total.settledWithinGoal)} ({formatPercent(data.total.shareWithinGoal)})
              </dd>
              <dt>Ventetid, median</dt>
              <dd>{days(data.total.waitingDays.median)}</dd>
              <dt>Ventetid, 90. persentil</dt>
              <dd>{days(data.total.waitingDays.p90)}</dd>
              <dt>Venter forbi målet</dt>
              <dd>{formatNumber(data.total.waitingPastGoal)}</dd>
            </dl>
          </section>
          <ShareChart groups={groups} groupBy={groupBy} />
          <section className="stack" aria-labelledby="tabell">
            <Heading level={2} data-size="md" id="tabell">
              Per {groupByLabels[groupBy].toLowerCase()}
            </Heading>
            {groups.length === 0 ? (
              <Paragraph>Ingen husstander bosatt i perioden.</Paragraph>
            ) : (
              <Table zebra>
                <caption className="sr-only">Statistikk per {groupByLabels[groupBy].toLowerCase()}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{groupByLabels[groupBy]}</Table.HeaderCell>
                    <Table.HeaderCell>Bosatt</Table.HeaderCell>
                    <Table.HeaderCell>Innen målet</Table.HeaderCell>
                    <Table.HeaderCell>Andel innen målet</Table.HeaderCell>
                    <Table.HeaderCell>Ventetid, median</Table.HeaderCell>
                    <Table.HeaderCell>Ventetid, 90. persentil</Table.HeaderCell>
                    <Table.HeaderCell>Venter forbi målet</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {groups.map((g) => (
                    <Table.Row key={g.group}>
                      <Table.Cell>{groupName(g.group)}</Table.Cell>
                      <Table.Cell>{formatNumber(g.settled)}</Table.Cell>
                      <Table.Cell>{formatNumber(g.settledWithinGoal)}</Table.Cell>
                      <Table.Cell>{formatPercent(g.shareWithinGoal)}</Table.Cell>
                      <Table.Cell>{days(g.waitingDays.median)}</Table.Cell>
                      <Table.Cell>{days(g.waitingDays.p90)}</Table.Cell>
                      <Table.Cell>{formatNumber(g.waitingPastGoal)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            )}
          </section>
        </>
      )}
    </>
  );
}

function days(n: number | null): string {
  return n === null ? '–' : `${formatNumber(n)} dager`;
}

function groupName(group: string): string {
  return group === '(none)' ? 'Uten kommune' : group;
}

/** Bars with their value written beside them: the numbers are read, not only the lengths (WCAG 1.4.1). */
function ShareChart({ groups, groupBy }: { groups: Group[]; groupBy: keyof typeof groupByLabels }) {
  if (groups.length === 0) return null;
  return (
    <figure className="stack" aria-labelledby="diagram">
      <Heading level={2} data-size="md" id="diagram">
        Andel bosatt innen målet per {groupByLabels[groupBy].toLowerCase()}
      </Heading>
      <ul className="stack" style={{ listStyle: 'none', padding: 0 }}>
        {groups.map((g) => {
          const share = g.shareWithinGoal ?? 0;
          return (
            <li key={g.group} style={{ display: 'grid', gridTemplateColumns: '12rem 1fr 5rem', gap: '1rem', alignItems: 'center' }}>
              <span>{groupName(g.group)}</span>
              <span aria-hidden="true" style={{ background: 'var(--ds-color-neutral-surface-tinted)', display: 'block' }}>
                <span className="bar" style={{ width: `${Math.round(share * 100)}%` }} />
              </span>
              <span>{formatPercent(g.shareWithinGoal)}</span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}

type Statistics = { from: string; to: string; groupBy: string; total: Group; groups: Group[] } | Schemas['Problem'];

/** The same figures as the table, semicolon-separated as Norwegian spreadsheets expect. */
function downloadCsv(data: Statistics, groupBy: keyof typeof groupByLabels) {
  if (!('groups' in data)) return;
  const header = [groupByLabels[groupBy], 'Bosatt', 'Innen målet', 'Andel innen målet', 'Ventetid median (dager)', 'Ventetid 90. persentil (dager)', 'Venter forbi målet'];
  const row = (g: Group) => [groupName(g.group), g.settled, g.settledWithinGoal, g.shareWithinGoal === null ? '' : String(g.shareWithinGoal).replace('.', ','), g.waitingDays.median ?? '', g.waitingDays.p90 ?? '', g.waitingPastGoal];
  const lines = [header, ...data.groups.map(row), row({ ...data.total, group: 'Totalt' })].map((cells) => cells.map((c) => `"${String(c).replace(/"/g, '""')}"`).join(';'));
  const blob = new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `bosetting-statistikk-${data.from}-${data.to}.csv`;
  a.click();
  URL.revokeObjectURL(a.href);
}
