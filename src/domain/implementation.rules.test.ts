import { describe, expect, it } from 'vitest';
import { isItemLate, summariseImplementation, summarisePlan } from './implementation.rules.js';

const today = '2026-06-15';

describe('implementation rules', () => {
  it('an item is late when not done and its due date has passed', () => {
    expect(isItemLate({ status: 'inProgress', dueDate: '2026-06-14' }, today)).toBe(true);
    expect(isItemLate({ status: 'inProgress', dueDate: today }, today)).toBe(false);
    expect(isItemLate({ status: 'done', dueDate: '2026-01-01' }, today)).toBe(false);
    expect(isItemLate({ status: 'notStarted', dueDate: null }, today)).toBe(false);
  });

  it('a plan is not started, in progress or done from its items', () => {
    expect(summarisePlan([{ status: 'notStarted', dueDate: '2026-01-01' }], today)).toEqual({
      items: 1,
      done: 0,
      late: 1,
      status: 'notStarted',
    });
    expect(
      summarisePlan(
        [
          { status: 'done', dueDate: null },
          { status: 'notStarted', dueDate: null },
        ],
        today,
      ).status,
    ).toBe('inProgress');
    expect(summarisePlan([{ status: 'done', dueDate: '2026-01-01' }], today)).toMatchObject({
      status: 'done',
      late: 0,
    });
    expect(summarisePlan([], today).status).toBe('notStarted');
  });

  it('counts agreements, plans, done plans and late items for the portfolio report', () => {
    const late = summarisePlan(
      [
        { status: 'inProgress', dueDate: '2026-01-01' },
        { status: 'notStarted', dueDate: '2026-02-01' },
      ],
      today,
    );
    const done = summarisePlan([{ status: 'done', dueDate: null }], today);
    expect(
      summariseImplementation([
        { agreementId: 'a', summary: late },
        { agreementId: 'a', summary: done },
        { agreementId: 'b', summary: done },
      ]),
    ).toEqual({ agreements: 2, plans: 3, plansDone: 2, plansWithLateItems: 1, lateItems: 2 });
  });
});
