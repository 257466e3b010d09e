import { describe, expect, it } from 'vitest';
import {
  completionDateProblem,
  needsOnboarding,
  trainingModules,
  trainingProgress,
} from './training.rules.js';

describe('training (Vedlegg 06)', () => {
  it('has the six modules of the course', () => {
    expect(trainingModules.map((m) => m.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(trainingModules[5].title).toBe('Personvern og informasjonssikkerhet i prosjektarbeid');
  });

  it('is complete on the day the last of the six modules is done', () => {
    const five = [1, 2, 3, 4, 5].map((module) => ({ module, completedOn: `2026-05-0${module}` }));
    expect(trainingProgress(five)).toMatchObject({
      isComplete: false,
      completedOn: null,
      completed: [1, 2, 3, 4, 5],
    });
    expect(trainingProgress([...five, { module: 6, completedOn: '2026-05-20' }])).toMatchObject({
      isComplete: true,
      completedOn: '2026-05-20',
    });
  });

  it('onboards active members who have not completed it', () => {
    expect(
      needsOnboarding({ termStart: '2026-06-01', endedOn: null, trainingCompletedOn: null }, '2026-06-15'),
    ).toBe(true);
    expect(
      needsOnboarding(
        { termStart: '2026-06-01', endedOn: null, trainingCompletedOn: '2026-06-10' },
        '2026-06-15',
      ),
    ).toBe(false);
    expect(
      needsOnboarding(
        { termStart: '2026-06-01', endedOn: '2026-06-10', trainingCompletedOn: null },
        '2026-06-15',
      ),
    ).toBe(false);
  });
});

describe('the day a module is completed', () => {
  it('may be today or earlier, never later (the one clock)', () => {
    expect(completionDateProblem('2026-06-15', '2026-06-15')).toBeNull();
    expect(completionDateProblem('2025-01-31', '2026-06-15')).toBeNull();
    expect(completionDateProblem('2026-06-16', '2026-06-15')).toContain('fram i tid');
  });
});
