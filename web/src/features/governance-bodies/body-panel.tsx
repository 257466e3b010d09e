// A regional body on its page (seed 000): its kind, secretariat, mandate per decision type and escalation
// target, and — for its secretariat and leader — a matter that is no procurement (e.g. Innkjøpsforum's
// distribution of category responsibility). Its decided matters are the page's decision register.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  decisionTypeLabels,
  governanceBodyKindLabels,
  type DecisionType,
} from '@server/domain/governance-bodies.rules.js';
import { submitBodyMatterSchema } from '@server/features/governance-bodies/governance-bodies.schemas.js';
import { validate } from '../../shared/validate.js';
import { hasRole } from '../auth/permissions.js';
import { useCurrentUser } from '../auth/session.js';
import { ActionForm, useAction } from '../governance/case-actions.js';
import type { SteeringGroup } from '../steering-groups/steering-groups-api.js';
import { CaseTextFields } from './case-text-fields.js';
import { submitBodyMatter } from './governance-bodies-api.js';

export function BodyPanel({ body }: { body: SteeringGroup }) {
  const user = useCurrentUser();
  // The server decides (the body's secretariat or leader); this only hides what it would refuse.
  const mayPut =
    body.active &&
    body.mandates.length > 0 &&
    (hasRole(user, 'secretariat') ||
      user.organisationId === body.secretariat?.id ||
      body.members.some((m) => m.personId === user.personId && m.isLeader && m.isActive));
  return (
    <section className="panel" aria-labelledby="body-heading" data-testid="body-panel">
      <h2 id="body-heading">Organ i regional styringsmodell</h2>
      <dl className="facts">
        <dt>Type organ</dt>
        <dd data-testid="body-kind">{governanceBodyKindLabels[body.kind]}</dd>
        <dt>Sekretariat</dt>
        <dd data-testid="body-secretariat">{body.secretariat?.name ?? '–'}</dd>
        <dt>Eskaleres til</dt>
        <dd data-testid="body-escalation-target">
          {body.escalationTarget?.name ?? 'Ingen (organet avklarer selv)'}
        </dd>
      </dl>
      <h3>Mandat</h3>
      <ul data-testid="body-mandates">
        {body.mandates.map((mandate) => (
          <li key={mandate} data-mandate={mandate}>
            {decisionTypeLabels[mandate]}
          </li>
        ))}
      </ul>
      {mayPut && <BodyMatterForm body={body} />}
    </section>
  );
}

function BodyMatterForm({ body }: { body: SteeringGroup }) {
  const navigate = useNavigate();
  const [decisionType, setDecisionType] = useState('');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  // The new case's page opens once it is stored.
  const action = useAction(() => undefined);
  const input = { decisionType: decisionType as DecisionType, title, text };
  return (
    <ActionForm
      title="Ny sak uten anskaffelse"
      testId="body-matter-form"
      submitLabel="Fremme saken"
      problem={action.problem}
      isSaving={action.isSaving}
      onSubmit={() =>
        void action.run(
          validate(submitBodyMatterSchema, input),
          async () => {
            const { id } = await submitBodyMatter(body.id, input);
            void navigate(`/saker/${id}`);
          },
          'Saken er fremmet; medlemmene er varslet.',
        )
      }
    >
      <CaseTextFields
        idPrefix="body-matter"
        problem={action.problem}
        mandates={body.mandates}
        decisionType={{ value: decisionType, onChange: setDecisionType }}
        title={{ value: title, onChange: setTitle }}
        text={{ value: text, onChange: setText }}
      />
    </ActionForm>
  );
}
