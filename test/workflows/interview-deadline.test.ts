/** The interview stage's durable deadline, on the time-skipping test server. */
import { describe, expect, it } from 'vitest';
import { listCaseNotifications } from '../../store/notification-log';
import { caseStateQuery } from '../../workflows/messages';
import { startCase as startCaseOn, step } from '../fixtures/cases';
import { eventually, useTimeSkipping } from '../harness/workers';
import { validInterview } from '../fixtures/interview';

const t = useTimeSkipping();
const DAY = 24 * 60 * 60 * 1000;
const imdiCaseworker = { id: 'mottak-staff-1', role: 'mottak' as const, organisation: 'mottak-lillehammer' };
const startCase = () => startCaseOn(t);

describe('settlement interview deadline', () => {
  it('R-INT-1, R-INT-2: the centre is told at once; 14 days later an unheld interview is flagged overdue and escalated', async () => {
    const { handle, caseId } = await startCase();
    const started = await t.env.currentTimeMs();
    const wallStart = Date.now();

    // Day 12: past the reminder (3 days before the due date), before the deadline.
    await t.env.sleep('12 days');
    const reminded = await eventually(
      () => handle.query(caseStateQuery),
      (s) => s.deadlines.some((d) => d.rule === 'R-INT-2' && d.status === 'reminded'),
    );
    expect(reminded.deadlines.find((d) => d.rule === 'R-INT-2')!.status).toBe('reminded');

    // Day 15: the deadline has passed.
    await t.env.sleep('3 days');
    const state = await eventually(
      () => handle.query(caseStateQuery),
      (s) => s.timeline.some((e) => e.rule === 'R-INT-2' && e.text.startsWith('Fristen er passert')),
    );
    const deadline = state.deadlines.find((d) => d.rule === 'R-INT-2')!;
    expect(deadline.status).toBe('overdue');
    const escalation = state.timeline.find((e) => e.kind === 'timer' && e.rule === 'R-INT-2' && e.text.startsWith('Fristen er passert'))!;
    expect(escalation.text).toContain('varslet mottaksleder, UDI regionkontor');
    expect(Date.parse(escalation.at) - started).toBeGreaterThanOrEqual(14 * DAY);
    // The 14 days passed on the server's clock, not the test's.
    expect(Date.now() - wallStart).toBeLessThan(DAY);

    const all = await eventually(() => listCaseNotifications(t.tables, caseId), (ns) => ns.filter((n) => n.rule === 'R-INT-2' || n.rule === 'R-INT-1').length >= 4);
    const sent = all.filter((n) => n.rule === 'R-INT-2' || n.rule === 'R-INT-1');
    expect(sent.map((n) => n.type).sort()).toEqual(['interview-overdue', 'interview-overdue', 'interview-reminder', 'new-case']);
    expect(sent.filter((n) => n.type === 'interview-overdue').map((n) => n.recipient).sort()).toEqual([
      'reception_centre_leader:mottak-lillehammer',
      'udi_regional_office:3405',
    ]);
    expect(sent.find((n) => n.type === 'new-case')).toMatchObject({ rule: 'R-INT-1', recipient: 'reception_centre:mottak-lillehammer', status: 'manual' });
  });

  it('R-INT-2: an interview held on day 5 meets the deadline; nothing is escalated', async () => {
    const { handle, caseId } = await startCase();
    await t.env.sleep('5 days');
    const after = await step(handle, 'completeInterview', imdiCaseworker, validInterview(await t.calendar()));
    expect(after.stage).toBe('preparing');
    await t.env.sleep('20 days');

    const state = await handle.query(caseStateQuery);
    expect(state.deadlines.find((d) => d.rule === 'R-INT-2')).toMatchObject({ status: 'met' });
    expect(state.interview?.completedBy).toEqual(imdiCaseworker);
    const sent = await listCaseNotifications(t.tables, caseId);
    expect(sent.filter((n) => n.rule === 'R-INT-2').map((n) => n.type)).not.toContain('interview-overdue');
  });
});
