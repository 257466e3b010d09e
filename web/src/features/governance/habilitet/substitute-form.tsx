// On a case that is "ikke beslutningsdyktig": the RHF lacking a deciding member appoints a substitute for this
// case only (seed 001 §5.2). The server checks that the RHF lacks a member and who may appoint.
import { useState } from 'react';
import { organisationsForRole } from '@server/features/auth/access.rules.js';
import { api, toDisplayProblem, type Problem } from '../../../shared/api-client.js';
import { ErrorBox } from '../../../shared/error-box.js';
import { useApi } from '../../../shared/use-api.js';
import { hasRole } from '../../auth/permissions.js';
import { useCurrentUser } from '../../auth/session.js';
import { peoplePath, type Person } from '../../people/people-api.js';
import type { CaseDto } from '../governance-api.js';

export function SubstituteForm({ sak, onChanged }: { sak: CaseDto; onChanged: (message: string) => void }) {
  const user = useCurrentUser();
  const isSecretariat = hasRole(user, 'secretariat');
  const mayAppoint =
    sak.status === 'open' && !sak.habilitet.quorate && hasRole(user, 'rhfContact', 'secretariat');
  const people = useApi<Person[]>(mayAppoint ? peoplePath : null);
  const [rhfId, setRhfId] = useState('');
  const [personId, setPersonId] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [isSaving, setIsSaving] = useState(false);
  if (!mayAppoint) return null;
  const mine = organisationsForRole(user, 'rhfContact');
  const rhfs = [...new Map(sak.habilitet.members.map((m) => [m.rhfId, m.rhfName])).entries()].filter(
    ([id]) => isSecretariat || mine.includes(id),
  );
  if (rhfs.length === 0) return null;
  const candidates = (people.data ?? []).filter(
    (p) => p.roles.some((r) => r.role === 'steeringGroupMember') && !sak.eligibleMemberIds.includes(p.id),
  );

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setIsSaving(true);
    setProblem(undefined);
    try {
      await api.post(`/api/cases/${sak.id}/substitutes`, { rhfId: rhfId || rhfs[0]![0], personId, reason });
      onChanged('Stedfortreder er oppnevnt for saken.');
    } catch (error) {
      setProblem(toDisplayProblem(error));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} data-testid="substitute-form" className="stack">
      <h3>Oppnevn stedfortreder for denne saken</h3>
      <label>
        RHF
        <select value={rhfId || rhfs[0]![0]} onChange={(event) => setRhfId(event.target.value)}>
          {rhfs.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Stedfortreder
        <select value={personId} onChange={(event) => setPersonId(event.target.value)} required>
          <option value="">Velg person …</option>
          {candidates.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.organisationName})
            </option>
          ))}
        </select>
      </label>
      <label>
        Begrunnelse
        <textarea value={reason} onChange={(event) => setReason(event.target.value)} required minLength={3} />
      </label>
      <ErrorBox problem={problem} fieldLabels={{ personId: 'Stedfortreder', reason: 'Begrunnelse' }} />
      <button type="submit" disabled={isSaving}>
        Oppnevn stedfortreder
      </button>
    </form>
  );
}
