/**
 * Sak: one case as the caller may see it — in full, or the anonymised profile for a municipality
 * before it accepts (R-DIST-3) — with its deadlines, timeline, notifications and letters, and the
 * staff steps the API says the caller may take now (GET /v1/cases/{caseId}/steps; steps/case-steps.tsx).
 */
import { Card, Heading, Link, Paragraph, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { useParams } from 'react-router';
import { api } from '../api/client';
import { asCaseView, hasHousehold, type AnonymisedCase, type FullCase, type HostCase } from '../api/case';
import { LetterLink } from '../components/letter-link';
import { ProblemAlert } from '../components/problem';
import { DaysLeft, DueTag } from '../components/status';
import { formatDate, formatTime } from '../format';
import { answerLabels, deadlineStatusLabels, deadlineTitle, label, permitTypeLabels, priorityGroupLabels, relationLabels, roleLabels, sexLabels, stageLabels } from '../labels';
import { useLoad } from '../load';
import { useMe } from '../session';
import { readsNotifications } from '../access';
import { GoalTag } from './cases';
import { CaseSteps } from '../steps/case-steps';

const OPEN = new Set(['open', 'reminded', 'overdue']);

export function CasePage() {
  const { caseId = '' } = useParams();
  const { data, problem, loading, reload } = useLoad(() => api.GET('/v1/cases/{caseId}', { params: { path: { caseId } } }), [caseId]);
  const view = asCaseView(data);
  return (
    <>
      <Heading level={1} data-size="lg">
        Sak {caseId}
      </Heading>
      {problem && <ProblemAlert problem={problem} />}
      {loading && !view && <Spinner aria-label="Laster saken …" />}
      {view?.view === 'anonymised' && <AnonymisedProfile view={view} />}
      {view?.view === 'answered' && <Paragraph>Kommunen har svart på tilbudet i denne saken.</Paragraph>}
      {view?.view === 'host' && <HostView view={view} />}
      {hasHousehold(view) && <FullCaseView view={view} />}
      {view && <CaseSteps caseId={caseId} view={view} onDone={() => reload()} />}
      {hasHousehold(view) && <Timeline view={view} />}
      {hasHousehold(view) && <Notifications caseId={caseId} />}
    </>
  );
}

function StageLine({ stage }: { stage: string }) {
  return (
    <Paragraph>
      Fase: <Tag data-color="info">{label(stageLabels, stage)}</Tag>
    </Paragraph>
  );
}

export function AnonymisedProfile({ view, level = 2 }: { view: AnonymisedCase; level?: 2 | 3 | 4 }) {
  const { profile } = view;
  const id = `profil-${view.caseId}`;
  return (
    <section className="stack" aria-labelledby={id}>
      <StageLine stage={view.stage} />
      <Heading level={level} data-size="md" id={id}>
        Anonymisert profil
      </Heading>
      <Paragraph>Før kommunen har akseptert, vises husstanden uten navn, DUF-nummer, fødselsdato og mottak.</Paragraph>
      <dl className="facts">
        <dt>Tillatelse</dt>
        <dd>{label(permitTypeLabels, profile.permitType)}</dd>
        <dt>Prioritet</dt>
        <dd>{label(priorityGroupLabels, profile.priorityGroup)}</dd>
        <dt>Antall personer</dt>
        <dd>{profile.members.length}</dd>
        {profile.household?.pets && (
          <>
            <dt>Husdyr</dt>
            <dd>{label(answerLabels, profile.household.pets.answer)}</dd>
          </>
        )}
        {profile.household?.car && (
          <>
            <dt>Bil</dt>
            <dd>{label(answerLabels, profile.household.car.answer)}</dd>
          </>
        )}
        {profile.household?.familyRelations && (
          <>
            <dt>Familierelasjoner</dt>
            <dd>{profile.household.familyRelations}</dd>
          </>
        )}
      </dl>
      <Table zebra>
        <caption className="sr-only">Husstandens medlemmer, anonymisert</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>Relasjon</Table.HeaderCell>
            <Table.HeaderCell>Alder</Table.HeaderCell>
            <Table.HeaderCell>Kjønn</Table.HeaderCell>
            <Table.HeaderCell>Statsborgerskap</Table.HeaderCell>
            <Table.HeaderCell>Språk</Table.HeaderCell>
            <Table.HeaderCell>Enslig mindreårig</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {profile.members.map((m, i) => (
            <Table.Row key={i}>
              <Table.Cell>{label(relationLabels, m.relation)}</Table.Cell>
              <Table.Cell>{m.age} år</Table.Cell>
              <Table.Cell>{label(sexLabels, m.sex)}</Table.Cell>
              <Table.Cell>{m.citizenship}</Table.Cell>
              <Table.Cell>{m.languages.join(', ')}</Table.Cell>
              <Table.Cell>{m.unaccompaniedMinor ? 'Ja' : 'Nei'}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </section>
  );
}

/** The host municipality's part before settlement: the adults to map and its two duties' deadlines. */
function HostView({ view }: { view: HostCase }) {
  return (
    <>
      <Paragraph>
        Som vertskommune ({view.hostMunicipality.name}) ser kommunen det som trengs for kompetansekartlegging og norskopplæring.
      </Paragraph>
      <section className="stack" aria-labelledby="voksne">
        <Heading level={2} data-size="md" id="voksne">
          Voksne i husstanden
        </Heading>
        <ul>
          {view.adults.map((a) => (
            <li key={`${a.name} ${a.dateOfBirth}`}>
              {a.name}, født {formatDate(a.dateOfBirth)}
            </li>
          ))}
        </ul>
      </section>
      <Deadlines deadlines={view.deadlines ?? []} />
    </>
  );
}

function FullCaseView({ view }: { view: FullCase }) {
  const me = useMe();
  const { permit } = view;
  return (
    <>
      <section className="stack" aria-labelledby="oversikt">
        <Heading level={2} data-size="md" id="oversikt" className="sr-only">
          Oversikt
        </Heading>
        <StageLine stage={view.stage} />
        <div className="grid-2">
          <Card>
            <Heading level={3} data-size="xs">
              Tillatelse
            </Heading>
            <dl className="facts">
              <dt>Type</dt>
              <dd>{label(permitTypeLabels, permit.permitType)}</dd>
              <dt>Vedtaksdato</dt>
              <dd>{formatDate(permit.permitDate)}</dd>
              <dt>Mottak</dt>
              <dd>{permit.receptionCentre.name}</dd>
              <dt>Vertskommune</dt>
              <dd>
                {permit.hostMunicipality.name} ({permit.hostMunicipality.municipalityNumber})
              </dd>
              {view.goal && (
                <>
                  <dt>Bosettingsmål</dt>
                  <dd>
                    <GoalTag status={view.goal.status} /> {formatDate(view.goal.goalDate)}
                  </dd>
                </>
              )}
            </dl>
          </Card>
          <Card>
            <Heading level={3} data-size="xs">
              Bosetting
            </Heading>
            <dl className="facts">
              <dt>Kommune</dt>
              <dd>{view.agreement ? `${view.agreement.municipalityName} (${view.agreement.municipalityNumber})` : (view.distribution?.text ?? 'Ikke avtalt')}</dd>
              {view.agreement && (
                <>
                  <dt>Forventet uke</dt>
                  <dd>{view.agreement.expectedSettlementWeek.replace('-W', ', uke ')}</dd>
                </>
              )}
              <dt>Flyttedato</dt>
              <dd>{view.moving ? formatDate(view.moving.movingDate) : 'Ikke avtalt'}</dd>
              <dt>Ankomst</dt>
              <dd>{view.arrivals?.length ? view.arrivals.map((a) => `${formatDate(a.arrivedOn)} (${a.dufNumbers.length})`).join(', ') : 'Ikke bekreftet'}</dd>
              {view.outcome && (
                <>
                  <dt>Utfall</dt>
                  <dd>{view.outcome.reason}</dd>
                </>
              )}
            </dl>
            {me.role === 'supervisor' && view.links?.temporalUi && (
              <Paragraph>
                <Link href={view.links.temporalUi} target="_blank" rel="noreferrer">
                  Åpne saken i Temporal Web UI (nytt vindu)
                </Link>
              </Paragraph>
            )}
          </Card>
        </div>
      </section>

      <section className="stack" aria-labelledby="husstand">
        <Heading level={2} data-size="md" id="husstand">
          Husstand
        </Heading>
        <Table zebra>
          <caption className="sr-only">Husstandens medlemmer</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>Navn</Table.HeaderCell>
              <Table.HeaderCell>Relasjon</Table.HeaderCell>
              <Table.HeaderCell>DUF-nummer</Table.HeaderCell>
              <Table.HeaderCell>Fødselsdato</Table.HeaderCell>
              <Table.HeaderCell>Kjønn</Table.HeaderCell>
              <Table.HeaderCell>Statsborgerskap</Table.HeaderCell>
              <Table.HeaderCell>Språk</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {permit.persons.map((p) => (
              <Table.Row key={p.dufNumber}>
                <Table.Cell>
                  {p.givenName} {p.familyName}
                  {p.unaccompaniedMinor ? ' (enslig mindreårig)' : ''}
                </Table.Cell>
                <Table.Cell>{label(relationLabels, p.relation)}</Table.Cell>
                <Table.Cell>{p.dufNumber}</Table.Cell>
                <Table.Cell>{formatDate(p.dateOfBirth)}</Table.Cell>
                <Table.Cell>{label(sexLabels, p.sex)}</Table.Cell>
                <Table.Cell>{p.citizenship}</Table.Cell>
                <Table.Cell>{p.languages.join(', ')}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </section>

      <Deadlines deadlines={view.deadlines ?? []} />
    </>
  );
}

function Deadlines({ deadlines }: { deadlines: FullCase['deadlines'] & object }) {
  const open = deadlines.filter((d) => OPEN.has(d.status)).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return (
    <>
      <section className="stack" aria-labelledby="frister">
        <Heading level={2} data-size="md" id="frister">
          Åpne oppgaver og frister
        </Heading>
        {open.length === 0 ? (
          <Paragraph>Ingen åpne frister.</Paragraph>
        ) : (
          <Table zebra>
            <caption className="sr-only">Åpne frister, tidligste først</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>Oppgave</Table.HeaderCell>
                <Table.HeaderCell>Regel</Table.HeaderCell>
                <Table.HeaderCell>Frist</Table.HeaderCell>
                <Table.HeaderCell>Dager igjen</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {open.map((d) => (
                <Table.Row key={d.id}>
                  <Table.Cell>{deadlineTitle(d)}</Table.Cell>
                  <Table.Cell>{d.rule}</Table.Cell>
                  <Table.Cell>{formatDate(d.dueDate)}</Table.Cell>
                  <Table.Cell>
                    <DaysLeft dueDate={d.dueDate} />
                  </Table.Cell>
                  <Table.Cell>
                    <DueTag dueDate={d.dueDate} />
                    {d.status === 'reminded' ? ' påminnet' : ''}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
        {deadlines.some((d) => !OPEN.has(d.status)) && (
          <details>
            <summary>Lukkede frister</summary>
            <ul>
              {deadlines
                .filter((d) => !OPEN.has(d.status))
                .map((d) => (
                  <li key={d.id}>
                    {deadlineTitle(d)} ({d.rule}): {label(deadlineStatusLabels, d.status)}
                    {d.closedAt ? `, ${formatTime(d.closedAt)}` : ''}
                  </li>
                ))}
            </ul>
          </details>
        )}
      </section>
    </>
  );
}

function Timeline({ view }: { view: FullCase }) {
  const entries = [...(view.timeline ?? [])].reverse();
  return (
    <section className="stack" aria-labelledby="tidslinje">
      <Heading level={2} data-size="md" id="tidslinje">
        Tidslinje
      </Heading>
      {entries.length === 0 && <Paragraph>Ingen hendelser ennå.</Paragraph>}
      <ol className="stack" reversed>
        {entries.map((e, i) => (
          <li key={i}>
            <strong>{formatTime(e.at)}</strong>: {e.text}
            {e.rule ? ` (${e.rule})` : ''}
            {e.actor && e.actor.role !== 'system' ? ` – ${e.actor.id}, ${label(roleLabels, e.actor.role)}` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Notifications({ caseId }: { caseId: string }) {
  const me = useMe();
  if (!readsNotifications(me.role)) return null;
  return <NotificationList caseId={caseId} />;
}

const notificationStatusLabels: Record<string, string> = { pending: 'Under sending', delivered: 'Levert', failed: 'Feilet', manual: 'Sendes manuelt' };
const channelLabels: Record<string, string> = { webhook: 'Maskin-til-maskin', email: 'E-post', letter: 'Brev', none: 'Ingen kanal' };

function NotificationList({ caseId }: { caseId: string }) {
  const { data, problem } = useLoad(() => api.GET('/v1/cases/{caseId}/notifications', { params: { path: { caseId } } }), [caseId]);
  return (
    <section className="stack" aria-labelledby="varsler">
      <Heading level={2} data-size="md" id="varsler">
        Varsler og brev
      </Heading>
      {problem && <ProblemAlert problem={problem} />}
      {data && data.items.length === 0 && <Paragraph>Ingen varsler sendt.</Paragraph>}
      {data && data.items.length > 0 && (
        <Table zebra>
          <caption className="sr-only">Varsler sendt i saken</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>Tid</Table.HeaderCell>
              <Table.HeaderCell>Emne</Table.HeaderCell>
              <Table.HeaderCell>Mottaker</Table.HeaderCell>
              <Table.HeaderCell>Kanal</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell>Brev</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {data.items.map((n) => (
              <Table.Row key={n.notificationId}>
                <Table.Cell>{formatTime(n.createdAt)}</Table.Cell>
                <Table.Cell>{n.subject}</Table.Cell>
                <Table.Cell>{n.recipientName ?? n.recipient}</Table.Cell>
                <Table.Cell>{label(channelLabels, n.channel)}</Table.Cell>
                <Table.Cell>{label(notificationStatusLabels, n.status)}</Table.Cell>
                <Table.Cell>{n.links.letter ? <LetterLink href={n.links.letter} /> : '–'}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
