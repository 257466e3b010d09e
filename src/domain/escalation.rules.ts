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

/**
 * Why the group cannot escalate the case to the RHFs, or null (V01 §7.3): a case with dissent, one recorded as
 * outside the mandate, or an open one the group cannot decide (no one left to vote, or not quorate). An open
 * case found to be outside the mandate is first recorded as such, then escalated. The case page offers the
 * step exactly when this rule allows it, and the API refuses it otherwise.
 */
export function escalationBlocker(caseStatus: string, tallyStatus: string | null): string | null {
  if (caseStatus === 'dissent' || caseStatus === 'outsideMandate') return null;
  if (caseStatus === 'open' && (tallyStatus === 'undecidable' || tallyStatus === 'notQuorate')) return null;
  if (caseStatus === 'open')
    return 'Saken kan ikke eskaleres ennå: den er under behandling. Er den utenfor mandatet, registrer det først.';
  return 'Bare saker med dissens, utenfor mandatet, eller som gruppen ikke kan avgjøre, kan eskaleres.';
}
