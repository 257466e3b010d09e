// Escalation to the RHFs (seed 001 V01 §7.3): the RHFs concerned settle the case among themselves. Pure.

/** The RHFs concerned that have not yet answered, in the order the escalation names them. */
export function rhfsAwaitingAnswer(
  rhfIds: readonly string[],
  answers: ReadonlyArray<{ rhfId: string }>,
): string[] {
  const answered = new Set(answers.map((answer) => answer.rhfId));
  return rhfIds.filter((rhfId) => !answered.has(rhfId));
}

/**
 * Why the joint settlement cannot be recorded yet, or null: one RHF cannot settle for the others, so every
 * RHF concerned must have answered first.
 */
export function settlementBlocker(
  rhfIds: readonly string[],
  answers: ReadonlyArray<{ rhfId: string }>,
  rhfName: (rhfId: string) => string,
): string | null {
  const awaiting = rhfsAwaitingAnswer(rhfIds, answers);
  if (awaiting.length === 0) return null;
  return `RHF-ene avklarer saken seg imellom: avklaringen kan registreres først når alle berørte RHF har svart (venter på ${awaiting.map(rhfName).join(', ')}).`;
}
