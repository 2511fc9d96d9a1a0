/**
 * Innboks: the open tasks and deadlines of my organisation, soonest first (GET /v1/deadlines, which
 * the API scopes to the caller), and for UDI, IMDi and supervisors the messages to send by hand
 * (GET /v1/notifications?status=manual).
 */
import { Checkbox, Heading, Link, Paragraph, Spinner, Table, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { Link as RouterLink, useLocation } from 'react-router';
import { readsDeadlines, readsNotifications } from '../access';
import { api } from '../api/client';
import { LetterLink } from '../components/letter-link';
import { ProblemAlert } from '../components/problem';
import { DaysLeft, DueTag } from '../components/status';
import { addDaysUtc, daysUntil, formatDate, formatTime, todayUtc } from '../format';
import { deadlineTitle, label, stageLabels } from '../labels';
import { useLoad } from '../load';
import { useMe } from '../session';

const DEFAULT_HORIZON_DAYS = 14;

/** The menu's count: the tasks in my inbox with the default filters, read again on every navigation. */
export function useInboxCount(): number | undefined {
  const me = useMe();
  const { pathname } = useLocation();
  const [count, setCount] = useState<number>();
  useEffect(() => {
    let live = true;
    void (async () => {
      let n = 0;
      if (readsDeadlines(me.role)) n += (await api.GET('/v1/deadlines', { params: { query: { limit: 200 } } })).data?.items.length ?? 0;
      if (readsNotifications(me.role)) n += (await api.GET('/v1/notifications', { params: { query: { status: 'manual', limit: 200 } } })).data?.items.length ?? 0;
      if (live) setCount(n);
    })();
    return () => {
      live = false;
    };
  }, [me.role, pathname]);
  return count;
}

export function InboxPage() {
  const me = useMe();
  return (
    <>
      <Heading level={1} data-size="lg">
        Innboks
      </Heading>
      {readsDeadlines(me.role) && <Deadlines />}
      {readsNotifications(me.role) && <ManualMessages />}
    </>
  );
}

function Deadlines() {
  const [before, setBefore] = useState(addDaysUtc(todayUtc(), DEFAULT_HORIZON_DAYS));
  const [overdueOnly, setOverdueOnly] = useState(false);
  const validBefore = /^\d{4}-\d{2}-\d{2}$/.test(before) ? before : undefined;
  const { data, problem, loading } = useLoad(() => api.GET('/v1/deadlines', { params: { query: { before: validBefore, limit: 200 } } }), [validBefore]);
  const items = (data?.items ?? []).filter((task) => !overdueOnly || task.overdue);

  return (
    <section className="stack" aria-labelledby="frister">
      <Heading level={2} data-size="md" id="frister">
        Oppgaver og frister
      </Heading>
      <div className="row">
        <Textfield label="Frister før" type="date" value={before} onChange={(e) => setBefore(e.target.value)} />
        <Checkbox label="Bare forfalte" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />
      </div>
      {problem && <ProblemAlert problem={problem} />}
      {loading && <Spinner aria-label="Laster oppgaver …" />}
      {!loading && !problem && items.length === 0 && <Paragraph>Ingen åpne oppgaver med frist før {formatDate(validBefore)}.</Paragraph>}
      {items.length > 0 && (
        <Table zebra>
          <caption className="sr-only">Åpne oppgaver, tidligste frist først</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>Frist</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell>Oppgave</Table.HeaderCell>
              <Table.HeaderCell>Sak</Table.HeaderCell>
              <Table.HeaderCell>Fase</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {items.map((task) => (
              <Table.Row key={`${task.caseId}-${task.id}`}>
                <Table.Cell>
                  {formatDate(task.dueDate)}
                  <br />
                  <small>
                    <DaysLeft dueDate={task.dueDate} />
                  </small>
                </Table.Cell>
                <Table.Cell>
                  <DueTag dueDate={task.dueDate} />
                </Table.Cell>
                <Table.Cell>
                  {deadlineTitle(task)} <small>({task.rule})</small>
                </Table.Cell>
                <Table.Cell>
                  <Link asChild>
                    <RouterLink to={`/saker/${encodeURIComponent(task.caseId)}`}>{task.caseId}</RouterLink>
                  </Link>
                </Table.Cell>
                <Table.Cell>{label(stageLabels, task.stage)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {data && <Paragraph data-size="sm">{data.items.filter((t) => daysUntil(t.dueDate) < 0).length} forfalt.</Paragraph>}
    </section>
  );
}

function ManualMessages() {
  const { data, problem, loading } = useLoad(() => api.GET('/v1/notifications', { params: { query: { status: 'manual', limit: 200 } } }), []);
  const items = data?.items ?? [];
  return (
    <section className="stack" aria-labelledby="manuelle">
      <Heading level={2} data-size="md" id="manuelle">
        Meldinger som må sendes manuelt
      </Heading>
      {problem && <ProblemAlert problem={problem} />}
      {loading && <Spinner aria-label="Laster meldinger …" />}
      {!loading && !problem && items.length === 0 && <Paragraph>Ingen meldinger venter på manuell sending.</Paragraph>}
      {items.length > 0 && (
        <Table zebra>
          <caption className="sr-only">Meldinger til manuell sending, eldste først</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>Opprettet</Table.HeaderCell>
              <Table.HeaderCell>Emne</Table.HeaderCell>
              <Table.HeaderCell>Mottaker</Table.HeaderCell>
              <Table.HeaderCell>Sak</Table.HeaderCell>
              <Table.HeaderCell>Brev</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {items.map((n) => (
              <Table.Row key={n.notificationId}>
                <Table.Cell>{formatTime(n.createdAt)}</Table.Cell>
                <Table.Cell>{n.subject}</Table.Cell>
                <Table.Cell>{n.recipientName ?? n.recipient}</Table.Cell>
                <Table.Cell>
                  <Link asChild>
                    <RouterLink to={`/saker/${encodeURIComponent(n.caseId)}`}>{n.caseId}</RouterLink>
                  </Link>
                </Table.Cell>
                <Table.Cell>{n.links.letter ? <LetterLink href={n.links.letter} /> : '–'}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
