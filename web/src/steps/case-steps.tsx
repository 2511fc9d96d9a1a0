/**
 * The staff steps of one case, as GET /v1/cases/{caseId}/steps lists them for the caller: the open
 * ones as forms, the others with the case's reason why not (both from the workflow's own STEPS
 * table). A form posts to POST /v1/cases/{caseId}/<path> with an Idempotency-Key that is kept
 * until the API has answered (a retry after a lost answer is applied once), shows the API's
 * field errors next to their fields, a refusal's reason, and the step's outcome; then the page's
 * data is read again.
 */
import { Alert, Button, Card, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import { api, asProblem, type Problem } from '../api/client';
import type { CaseView } from '../api/case';
import { FormProblem, useProblem } from '../components/form';
import { ProblemAlert } from '../components/problem';
import { useLoad } from '../load';
import { stepForms } from './forms';

export type StepOutcome = { step: string; outcome: string; version: number; repeated?: boolean };

/** A UUID for an Idempotency-Key (crypto.randomUUID needs a secure context; getRandomValues does not). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The step's title in bokmål, also for steps without a form here. */
export function stepTitle(step: string): string {
  return stepForms[step]?.title ?? step;
}

type Props = {
  caseId: string;
  view: CaseView;
  /** Called after a step was applied: the page reads its data again. */
  onDone: (outcome: StepOutcome) => void;
  /** Only these steps (e.g. the Tilbud page: respondToOffer); all of the caller's otherwise. */
  only?: readonly string[];
  /** The heading level of the section (2 on the case page). */
  level?: 2 | 3 | 4;
};

export function CaseSteps({ caseId, view, onDone, only, level = 2 }: Props) {
  const [generation, setGeneration] = useState(0);
  const [outcome, setOutcome] = useState<StepOutcome>();
  const list = useLoad(() => api.GET('/v1/cases/{caseId}/steps', { params: { path: { caseId } } }), [caseId, generation]);
  const steps = (list.data?.steps ?? []).filter((s) => !only || only.includes(s.step));
  const open = steps.filter((s) => s.open);
  const closed = steps.filter((s) => !s.open);
  const headingId = `steg-${caseId}`;
  const sub = (level + 1) as 3 | 4 | 5;
  const done = (result: StepOutcome) => {
    setOutcome(result);
    setGeneration((g) => g + 1);
    onDone(result);
  };
  if (list.data && steps.length === 0 && !outcome) return null;
  return (
    <section className="stack" aria-labelledby={headingId}>
      <Heading level={level} data-size="md" id={headingId}>
        {only ? 'Svar' : 'Steg i saken'}
      </Heading>
      <div role="status">
        {outcome && (
          <Alert data-color="success">
            <Heading level={sub} data-size="xs">
              {outcome.repeated ? 'Allerede utført' : 'Utført'}: {stepTitle(outcome.step)}
            </Heading>
            <Paragraph>{outcome.outcome}</Paragraph>
          </Alert>
        )}
      </div>
      {list.problem && <ProblemAlert problem={list.problem} />}
      {list.loading && !list.data && <Spinner aria-label="Laster stegene …" />}
      {list.data && open.length === 0 && <Paragraph>Du har ingen steg å ta i saken nå.</Paragraph>}
      {open.map((s) => (
        <Card key={`${s.step}-${list.data?.version}`} className="stack">
          <Heading level={sub} data-size="sm" id={`${headingId}-${s.step}`}>
            {stepTitle(s.step)}
          </Heading>
          <Paragraph data-size="sm">Regel: {s.rule}</Paragraph>
          <StepFormCard caseId={caseId} view={view} step={s.step} path={s.path} labelledBy={`${headingId}-${s.step}`} onDone={done} />
        </Card>
      ))}
      {closed.length > 0 && (
        <div className="stack">
          <Heading level={sub} data-size="xs">
            Steg du ikke kan ta nå
          </Heading>
          <ul className="stack" aria-label="Steg du ikke kan ta nå">
            {closed.map((s) => (
              <li key={s.step}>
                <strong>{stepTitle(s.step)}</strong> ({s.rule}): {s.reason ?? 'Ikke mulig nå.'}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function StepFormCard({ caseId, view, step, path, labelledBy, onDone }: { caseId: string; view: CaseView; step: string; path: string; labelledBy: string; onDone: (r: StepOutcome) => void }) {
  const entry = stepForms[step];
  const { problem, errors, setProblem, clear } = useProblem();
  const [busy, setBusy] = useState(false);
  // One key per submission, kept until the API has answered it (a retry after a lost answer reuses it).
  const key = useRef<string | undefined>(undefined);
  const prefix = `${caseId}-${step}`;
  if (!entry) return <Paragraph>Steget kan ikke tas i arbeidsbenken ennå.</Paragraph>;
  const { Form, button } = entry;

  async function submit(body: unknown) {
    setBusy(true);
    clear();
    key.current ??= newIdempotencyKey();
    try {
      const { data, error, response } = await api.POST(`/v1/cases/{caseId}/${path}` as '/v1/cases/{caseId}/interview', {
        params: { path: { caseId }, header: { 'idempotency-key': key.current } },
        body: body as never,
      });
      if (response.status >= 500) {
        // The step may or may not have been applied: the same key goes with the retry.
        setProblem(asProblem(error, response.status));
        return;
      }
      key.current = undefined;
      if (error !== undefined || !data) {
        setProblem(asProblem(error, response.status));
        return;
      }
      onDone((data as unknown as { step: StepOutcome }).step);
    } catch (e) {
      setProblem(asProblem(e) as Problem);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <FormProblem problem={problem} errors={errors} prefix={prefix} known={(p) => document.getElementById(`${prefix}-${p.replace(/[^a-zA-Z0-9_-]/g, '-')}`) !== null} />
      <Form
        form={prefix}
        labelledBy={labelledBy}
        view={view}
        errors={errors}
        submit={(body) => void submit(body)}
        button={
          <div>
            <Button type="submit" disabled={busy} aria-disabled={busy || undefined}>
              {busy ? 'Sender …' : button}
            </Button>
          </div>
        }
      />
    </>
  );
}
