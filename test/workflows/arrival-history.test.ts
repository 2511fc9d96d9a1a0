/**
 * The history bound of the arrival journey: a run continues as new at HISTORY_EVENTS_GUARD events
 * even inside a settlement year, and the journey carries on unchanged in the next run.
 */
import { describe, expect, it } from 'vitest';
import { HISTORY_EVENTS_GUARD } from '../../workflows/arrival-journey';
import { journeyQuery, recordInterpreterNeedUpdate, runInfoQuery } from '../../workflows/arrival-messages';
import { family } from '../fixtures/arrival';
import { newCaseId, serverToday, staff, startJourneys } from '../harness/arrival';
import { useTimeSkipping } from '../harness/workers';

const t = useTimeSkipping();

/** HISTORY_EVENTS_GUARD plus one activation's worth of events (the one that crossed it, and the continue-as-new). */
const HARD_BOUND = HISTORY_EVENTS_GUARD + 50;

describe('history bound', () => {
  it('R-ARR (5 years in one workflow): a run that piles up staff steps continues as new before 1 050 events; the journey and its steps carry over', async () => {
    const settled = await serverToday(t);
    const f = family(settled);
    const caseId = newCaseId();
    const [main] = await startJourneys(t, [f.main], [f.main, f.spouse, f.schoolChild, f.toddler], settled, caseId);
    const before = await main!.query(journeyQuery);

    // Each accepted step adds about five events; re-recording the interpreter need is always allowed.
    let steps = 0;
    for (;;) {
      await main!.executeUpdate(recordInterpreterNeedUpdate, { args: [{ actor: staff, needed: true, language: steps % 2 === 0 ? 'Arabic' : 'Kurdish' }] });
      steps += 1;
      if (steps % 25 === 0 && (await main!.query(runInfoQuery)).runIndex > 1) break;
      expect(steps).toBeLessThan(400);
    }

    const info = await main!.query(runInfoQuery);
    expect(info.runIndex).toBe(2);
    const firstRun = info.previousRuns[0]!;
    expect(firstRun.historyLength).toBeGreaterThanOrEqual(HISTORY_EVENTS_GUARD);
    const events = (await t.client.workflow.getHandle(main!.workflowId, firstRun.runId).fetchHistory()).events!;
    console.log(`[arrival-history] ${steps} steps; the first run continued as new after ${events.length} events`);
    expect(events.length).toBeLessThan(HARD_BOUND);
    expect(events.at(-1)!.workflowExecutionContinuedAsNewEventAttributes).toBeTruthy();

    // Same journey in the new run: same year, same tasks and deadlines, the last interpreter need.
    const after = await main!.query(journeyQuery);
    expect(after.settlementYear).toBe(before.settlementYear);
    expect(after.deadlines.map((d) => [d.id, d.dueDate])).toEqual(before.deadlines.map((d) => [d.id, d.dueDate]));
    expect(after.interpreterNeed?.language).toBe(steps % 2 === 1 ? 'Arabic' : 'Kurdish');
  });
});
