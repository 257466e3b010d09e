// The case page's part for an unresolved faggruppe matter (seed 001 Vedlegg 01 §7.3): the days the group has,
// each step up the line with who and the day, and the step the viewer may take now — the leder anskaffelse
// escalates it in the line to Sykehusinnkjøp, the line takes it on to the RHFs.
import { useState } from 'react';
import {
  lineEscalationSchema,
  rhfReferralSchema,
} from '@server/features/governance/cases/faggruppe-matter.schemas.js';
import { FieldError } from '../../shared/error-box.js';
import { formatDate } from '../../shared/format.js';
import { validate } from '../../shared/validate.js';
import { ActionForm, useAction } from './case-actions.js';
import { escalateToLine, referToRhfs, type CaseDto } from './governance-api.js';

type Matter = NonNullable<CaseDto['faggruppeMatter']>;

const leadAs = (as: Matter['raisedAs']) =>
  as === 'secretariat' ? 'porteføljesekretariatet på vegne av leder anskaffelse' : 'leder anskaffelse';
const lineAs = (as: 'shiLine' | 'secretariat') =>
  as === 'secretariat' ? 'porteføljesekretariatet på vegne av linjen' : 'linjen i Sykehusinnkjøp';

export function FaggruppeMatterSection({
  sak,
  onChanged,
}: {
  sak: CaseDto;
  onChanged: (message: string) => void;
}) {
  const matter = sak.faggruppeMatter;
  const [reason, setReason] = useState('');
  const [brief, setBrief] = useState('');
  const [recommendation, setRecommendation] = useState('');
  const escalate = useAction(onChanged);
  const refer = useAction(onChanged);
  if (!matter) return null;

  return (
    <section className="panel" aria-labelledby="faggruppe-matter-heading" data-testid="faggruppe-matter">
      <h2 id="faggruppe-matter-heading">Uavklart sak fra faggruppen</h2>
      <p className="hint">
        Styringsgruppen har {matter.escalationDays} dager på å behandle saken. Blir den ikke behandlet på en
        tilfredsstillende måte, eskalerer leder anskaffelse den i linjen til Sykehusinnkjøp, som tar den
        videre til RHF-ene.
      </p>
      <ol className="plain-list" data-testid="faggruppe-matter-steps">
        <li data-testid="faggruppe-step-raised">
          <strong>Fremmet for styringsgruppen</strong> {formatDate(matter.raisedOn)} av {matter.raisedByName}{' '}
          ({leadAs(matter.raisedAs)}). Kan eskaleres i linjen fra{' '}
          <span data-testid="faggruppe-line-from">{formatDate(matter.lineEscalationFrom)}</span> (regelversjon{' '}
          {matter.ruleVersion}).
        </li>
        {matter.lineEscalation && (
          <li data-testid="faggruppe-step-line">
            <strong>Eskalert i linjen til Sykehusinnkjøp</strong> {formatDate(matter.lineEscalation.on)} av{' '}
            {matter.lineEscalation.byName} ({leadAs(matter.lineEscalation.as)}): «
            {matter.lineEscalation.reason}»
          </li>
        )}
        {matter.rhfReferral && (
          <li data-testid="faggruppe-step-rhfs">
            <strong>Tatt videre til RHF-ene</strong> {formatDate(matter.rhfReferral.on)} av{' '}
            {matter.rhfReferral.byName} ({lineAs(matter.rhfReferral.as)}). Orienteringen og svarene står under
            «Eskalering til RHF-ene».
          </li>
        )}
      </ol>
      {sak.status === 'lineEscalated' && (
        <p className="muted" data-testid="faggruppe-waiting-line">
          Venter på {matter.lineHeldBy === 'shiLine' ? 'linjen i Sykehusinnkjøp' : 'porteføljesekretariatet'}{' '}
          {matter.lineHeldBy === 'secretariat' &&
            '(ingen har rollen «Linjeledelse Sykehusinnkjøp», så sekretariatet tar saken videre for linjen)'}
          .
        </p>
      )}
      {matter.lineEscalationBlockedReason && (
        <p className="muted" data-testid="faggruppe-line-blocked">
          {matter.lineEscalationBlockedReason}
        </p>
      )}
      {matter.canEscalateToLine && (
        <ActionForm
          title="Eskaler i linjen til Sykehusinnkjøp"
          testId="line-escalation-form"
          submitLabel="Eskaler i linjen"
          problem={escalate.problem}
          isSaving={escalate.isSaving}
          onSubmit={() =>
            void escalate.run(
              validate(lineEscalationSchema, { reason }),
              () => escalateToLine(sak.id, reason),
              'Saken er eskalert i linjen til Sykehusinnkjøp.',
            )
          }
        >
          <div className="field">
            <label htmlFor="line-escalation-reason">Hvorfor er saken ikke håndtert tilfredsstillende?</label>
            <textarea
              id="line-escalation-reason"
              rows={3}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              data-testid="line-escalation-reason"
            />
            <FieldError problem={escalate.problem} path="reason" id="line-escalation-reason-error" />
          </div>
        </ActionForm>
      )}
      {matter.canReferToRhfs && (
        <ActionForm
          title="Ta saken videre til RHF-ene"
          testId="rhf-referral-form"
          submitLabel="Send til RHF-ene"
          problem={refer.problem}
          isSaving={refer.isSaving}
          onSubmit={() =>
            void refer.run(
              validate(rhfReferralSchema, { brief, recommendation }),
              () => referToRhfs(sak.id, { brief, recommendation }),
              'Saken er sendt til RHF-ene; kontaktpersonene har fått beskjed.',
            )
          }
        >
          <p className="hint">
            RHF-ene i anskaffelsen får en orientering med anbefaling om håndtering, svarer hver for seg og
            avklarer saken seg imellom.
          </p>
          <div className="field">
            <label htmlFor="rhf-referral-brief">Orientering til RHF-ene</label>
            <textarea
              id="rhf-referral-brief"
              rows={5}
              value={brief}
              onChange={(event) => setBrief(event.target.value)}
              data-testid="rhf-referral-brief"
            />
            <FieldError problem={refer.problem} path="brief" id="rhf-referral-brief-error" />
          </div>
          <div className="field">
            <label htmlFor="rhf-referral-recommendation">Anbefaling</label>
            <textarea
              id="rhf-referral-recommendation"
              rows={3}
              value={recommendation}
              onChange={(event) => setRecommendation(event.target.value)}
              data-testid="rhf-referral-recommendation"
            />
            <FieldError
              problem={refer.problem}
              path="recommendation"
              id="rhf-referral-recommendation-error"
            />
          </div>
        </ActionForm>
      )}
    </section>
  );
}
