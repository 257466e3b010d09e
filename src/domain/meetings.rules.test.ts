import { describe, expect, it } from 'vitest';
import { osloDay } from '../shared/clock.js';
import {
  checkMeetingPlan,
  meetingPlanApprovalBlocker,
  daysOverdue,
  invitationDueOn,
  isActionOverdue,
  isInvitationDue,
  nextMinutesAction,
  nextSequence,
} from './meetings.rules.js';

describe('meeting rules', () => {
  it('counts an action overdue from the day after its due date until it is done', () => {
    expect(isActionOverdue({ status: 'open', dueDate: '2026-06-15' }, '2026-06-15')).toBe(false);
    expect(isActionOverdue({ status: 'inProgress', dueDate: '2026-06-14' }, '2026-06-15')).toBe(true);
    expect(isActionOverdue({ status: 'done', dueDate: '2026-01-01' }, '2026-06-15')).toBe(false);
    expect(daysOverdue({ status: 'open', dueDate: '2026-06-05' }, '2026-06-15')).toBe(10);
  });

  it('sends the invitation the configured number of days before, once, never for a cancelled or past meeting', () => {
    expect(invitationDueOn('2026-09-15', 7)).toBe('2026-09-08');
    const meeting = { date: '2026-09-15', invitationDaysBefore: 7, invitationSentAt: null, cancelled: false };
    expect(isInvitationDue(meeting, '2026-09-07')).toBe(false);
    expect(isInvitationDue(meeting, '2026-09-08')).toBe(true);
    expect(isInvitationDue({ ...meeting, invitationSentAt: new Date() }, '2026-09-10')).toBe(false);
    expect(isInvitationDue({ ...meeting, cancelled: true }, '2026-09-10')).toBe(false);
    expect(isInvitationDue(meeting, '2026-09-16')).toBe(false);
  });

  it('checks a yearly plan', () => {
    const ok = { startsAt: '2026-03-01T09:00:00+01:00', endsAt: '2026-03-01T11:00:00+01:00' };
    expect(checkMeetingPlan(2026, [ok])).toEqual([]);
    expect(checkMeetingPlan(2026, [])).toHaveLength(1);
    expect(checkMeetingPlan(2027, [ok])[0]!.message).toContain('2027');
    expect(checkMeetingPlan(2026, [ok, ok])[0]!.message).toContain('samme tidspunkt');
    expect(checkMeetingPlan(2026, [{ ...ok, endsAt: ok.startsAt }])[0]!.message).toContain('slutte');
  });

  it('takes the Norwegian date of an instant, and locks approved minutes', () => {
    expect(osloDay(new Date('2026-06-14T22:30:00Z'))).toBe('2026-06-15');
    expect(nextMinutesAction(null)).toBe('create');
    expect(nextMinutesAction({ status: 'draft' })).toBe('edit');
    expect(nextMinutesAction({ status: 'approved' })).toBe('newVersion');
  });
});

describe('meetingPlanApprovalBlocker', () => {
  it('lets the group leader approve a plan the secretariat proposed', () => {
    expect(
      meetingPlanApprovalBlocker({
        isGroupLeader: true,
        approverUsername: 'kir-hmn',
        proposedBy: 'sekretariat',
      }),
    ).toBeNull();
  });

  it('refuses the proposer and anyone but the leader', () => {
    expect(
      meetingPlanApprovalBlocker({
        isGroupLeader: false,
        approverUsername: 'sekretariat',
        proposedBy: 'sekretariat',
      }),
    ).toContain('Den som foreslo møteplanen kan ikke godkjenne den');
    expect(
      meetingPlanApprovalBlocker({
        isGroupLeader: false,
        approverUsername: 'sekretariat2',
        proposedBy: 'sekretariat',
      }),
    ).toContain('registreres av gruppens leder');
  });
});

describe('nextSequence', () => {
  const base = {
    title: 'Styringsgruppemøte',
    startsAt: new Date('2027-03-04T09:00:00Z'),
    endsAt: new Date('2027-03-04T11:00:00Z'),
    location: 'Teams',
    cancelled: false,
    sequence: 2,
  };
  it('keeps the sequence when nothing a calendar shows changed', () => {
    expect(nextSequence(base, { ...base, startsAt: new Date(base.startsAt.getTime()) })).toBe(2);
  });
  it.each([
    ['time', { startsAt: new Date('2027-03-04T10:00:00Z') }],
    ['end', { endsAt: new Date('2027-03-04T12:00:00Z') }],
    ['place', { location: 'Oslo' }],
    ['no place', { location: null }],
    ['title', { title: 'Ekstraordinært møte' }],
    ['cancellation', { cancelled: true }],
  ])('counts one up for a change of %s', (_what, change) => {
    expect(nextSequence(base, { ...base, ...change })).toBe(3);
  });
});
