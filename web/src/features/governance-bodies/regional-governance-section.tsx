// The procurement page's section for a region's own model (seed 000 §6): a regional procurement's decisions in
// Strategisk innkjøpsforum and the body it names, a case to any body within its mandate, and — in a national
// or multi-regional procurement — the regional board that recommends and who represents the region.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { DecisionType } from '@server/domain/governance-bodies.rules.js';
import { submitBodyCaseSchema } from '@server/features/governance-bodies/governance-bodies.schemas.js';
import { caseStatusLabels } from '../../shared/labels.js';
import { SelectField } from '../../shared/fields.js';
import { Notice } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { validate } from '../../shared/validate.js';
import { ActionForm, useAction } from '../governance/case-actions.js';
import {
  regionalGovernancePath,
  submitBodyCase,
  type RegionalGovernance,
  type SubmitBodyCaseInput,
} from './governance-bodies-api.js';
import { CaseTextFields } from './case-text-fields.js';
import { ProjectGroupPanel } from './project-group-panel.js';

const gateStatusLabels = {
  decided: 'Besluttet',
  open: 'Til behandling',
  awaitingCase: 'Venter på sak',
  escalated: 'Eskalert',
  dissent: 'Uenighet',
  locked: 'Ikke åpnet',
} as const;

type Region = RegionalGovernance['regions'][number];

export function RegionalGovernanceSection({
  procurementId,
  onChanged,
}: {
  procurementId: string;
  onChanged: (message: string) => void;
}) {
  const view = useApi<RegionalGovernance>(regionalGovernancePath(procurementId));
  if (!view.data || view.data.regions.length === 0) return null;
  return (
    <>
      {view.data.regions.map((region) => (
        <RegionPanel
          key={region.region.id}
          procurementId={procurementId}
          region={region}
          isBusy={view.isLoading}
          onChanged={(message) => {
            view.reload();
            onChanged(message);
          }}
        />
      ))}
    </>
  );
}

function RegionPanel({
  procurementId,
  region,
  isBusy,
  onChanged,
}: {
  procurementId: string;
  region: Region;
  isBusy: boolean;
  onChanged: (message: string) => void;
}) {
  return (
    <section
      className="panel"
      aria-labelledby={`regional-${region.region.code}`}
      data-testid="regional-governance"
      data-busy={isBusy ? 'true' : 'false'}
    >
      <h2 id={`regional-${region.region.code}`}>
        Styringsmodell i {region.region.name}{' '}
        <Link to={`/regional-modell/${region.region.code}`} className="small">
          (se modellen)
        </Link>
      </h2>
      {region.message && <Notice tone="info">{region.message}</Notice>}
      {region.governed && (
        <table className="table" data-testid="regional-gates">
          <thead>
            <tr>
              <th scope="col">Beslutning</th>
              <th scope="col">Organ</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {region.gates.map((gate) => (
              <tr key={gate.gate} data-testid={`regional-gate-${gate.gate}`}>
                <td>{gate.label}</td>
                <td>{gate.bodyName ?? '–'}</td>
                <td>
                  {gate.caseId ? (
                    <Link to={`/saker/${gate.caseId}`}>{gateStatusLabels[gate.status]}</Link>
                  ) : (
                    gateStatusLabels[gate.status]
                  )}
                  {gate.blockingReason && <div className="muted small">{gate.blockingReason}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {region.governed && region.projectGroup && (
        <ProjectGroupPanel procurementId={procurementId} group={region.projectGroup} onChanged={onChanged} />
      )}
      {region.recommendingBody && (
        <p data-testid="regional-recommendation">
          {region.recommendingBody.name} avgir innstilling til prosjektplan, konkurransedokumenter og valg av
          leverandør; endelig beslutning fattes i den nasjonale styringsgruppen.
        </p>
      )}
      {region.representatives.length > 0 && (
        <p data-testid="regional-representatives">
          {region.region.name} representeres i {region.representatives[0]!.steeringGroupName} av{' '}
          {region.representatives.map((r) => `${r.personName}${r.isLeader ? ' (leder)' : ''}`).join(', ')}.
        </p>
      )}
      {region.cases.length > 0 && (
        <>
          <h3 className="h-small">Saker i regionens organer</h3>
          <ul className="plain-list" data-testid="regional-cases">
            {region.cases.map((c) => (
              <li key={c.id}>
                <Link to={`/saker/${c.id}`}>{c.title}</Link> – {c.bodyName} ·{' '}
                {caseStatusLabels[c.status as keyof typeof caseStatusLabels] ?? c.status}
                {c.decisionNumber ? ` · ${c.decisionNumber}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      <BodyCaseForm procurementId={procurementId} region={region} onChanged={onChanged} />
    </section>
  );
}

function BodyCaseForm({
  procurementId,
  region,
  onChanged,
}: {
  procurementId: string;
  region: Region;
  onChanged: (message: string) => void;
}) {
  const gateOption = region.gates.find((gate) => gate.canSubmit);
  // The project group's composition is a case for the board beside the gates (seed 000 §6).
  const composition = region.projectGroup?.canSubmitCase ? region.projectGroup : null;
  const openGate =
    gateOption ??
    (composition
      ? {
          gate: 'projectGroup' as const,
          label: 'Godkjenne sammensetningen av prosjektgruppen',
          bodyName: composition.approvingBody?.name ?? null,
        }
      : undefined);
  const bodies = region.bodies.filter((b) => b.canSubmit && b.mandates.length > 0);
  const [choice, setChoice] = useState<string>('');
  const [decisionType, setDecisionType] = useState('');
  const [proposedBodyId, setProposedBodyId] = useState('');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const action = useAction(onChanged);
  if (!openGate && bodies.length === 0) return null;
  // The first option is the open gate (if any); the others a matter to a body within its mandate.
  const selected = choice || (openGate ? `gate:${openGate.gate}` : `body:${bodies[0]!.id}`);
  const bodyId = selected.startsWith('body:') ? selected.slice(5) : null;
  const body = bodies.find((b) => b.id === bodyId);
  const subject = selected === 'gate:projectGroup' ? 'projectGroup' : openGate?.gate;
  const input: SubmitBodyCaseInput =
    bodyId === null
      ? {
          subject: subject!,
          title,
          text,
          ...(subject === 'decisionLevel' ? { proposedBodyId } : {}),
        }
      : { subject: 'bodyMatter', bodyId, decisionType: decisionType as DecisionType, title, text };
  return (
    <ActionForm
      title="Fremme sak"
      testId="body-case-form"
      submitLabel="Fremme saken"
      problem={action.problem}
      isSaving={action.isSaving}
      onSubmit={() =>
        void action.run(
          validate(submitBodyCaseSchema, input),
          () => submitBodyCase(procurementId, input),
          'Saken er fremmet; medlemmene er varslet.',
        )
      }
    >
      <SelectField id="body-case-subject" label="Sak" value={selected} onChange={setChoice}>
        {openGate && (
          <option value={`gate:${openGate.gate}`}>
            {openGate.label} – {openGate.bodyName}
          </option>
        )}
        {gateOption && composition && (
          <option value="gate:projectGroup">
            Godkjenne sammensetningen av prosjektgruppen – {composition.approvingBody?.name}
          </option>
        )}
        {bodies.map((b) => (
          <option key={b.id} value={`body:${b.id}`}>
            Sak til {b.name}
          </option>
        ))}
      </SelectField>
      {bodyId === null && subject === 'decisionLevel' && (
        <SelectField
          id="body-case-proposed"
          label="Hvem skal fatte beslutningene i anskaffelsen?"
          value={proposedBodyId}
          onChange={setProposedBodyId}
          problem={action.problem}
          path="proposedBodyId"
        >
          <option value="">Velg organ</option>
          {region.levelOptions.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </SelectField>
      )}
      <CaseTextFields
        idPrefix="body-case"
        problem={action.problem}
        mandates={body?.mandates}
        decisionType={{ value: decisionType, onChange: setDecisionType }}
        title={{ value: title, onChange: setTitle }}
        text={{ value: text, onChange: setText }}
      />
    </ActionForm>
  );
}
