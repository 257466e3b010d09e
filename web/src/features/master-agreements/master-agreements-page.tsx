// Masteravtaler: REFIL's master agreements with their harmonisation status, and the form that creates one for
// an agreement (the agreement's articles become the master article list).
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { canCoordinateRegion } from '@server/domain/regional-access.rules.js';
import { useCurrentUser } from '../auth/session.js';
import type { Agreement } from '../agreements/agreements-api.js';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { formatDate } from '../../shared/format.js';
import { Badge, EmptyRow, Loading, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import {
  createMasterAgreement,
  masterAgreementsPath,
  type MasterAgreement,
} from './master-agreements-api.js';

interface Region {
  id: string;
  name: string;
}

export function MasterAgreementsPage() {
  const user = useCurrentUser();
  const list = useApi<MasterAgreement[]>(masterAgreementsPath);
  const regions = useApi<Region[]>('/api/category-responsibility');
  const mayCreate = (regions.data ?? []).some((region) => canCoordinateRegion(user, region.id));
  return (
    <>
      <PageHeader
        title="Masteravtaler og harmonisering"
        lead="REFIL oppretter masteravtale med masterartikler; hvert HF mapper sine lokale artikkelnumre til masternumrene. Når alle HF er ferdige, overtar REFIL vedlikeholdet."
      />
      <ErrorBox problem={list.problem} />
      {list.isLoading && !list.data && <Loading />}
      <section className="panel">
        <table className="table" data-testid="master-agreement-list">
          <thead>
            <tr>
              <th scope="col">Avtale</th>
              <th scope="col">Leverandør</th>
              <th scope="col">Region</th>
              <th scope="col" className="numeric">
                Masterartikler
              </th>
              <th scope="col">Signert av RHF</th>
              <th scope="col">Vedlikehold</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.length === 0 && <EmptyRow colSpan={6}>Ingen masteravtaler ennå.</EmptyRow>}
            {list.data?.map((item) => (
              <tr key={item.id} data-testid="master-agreement-row">
                <th scope="row">
                  <Link to={`/masteravtaler/${item.id}`}>
                    {item.agreement.agreementNumber} {item.agreement.name}
                  </Link>
                </th>
                <td>{item.agreement.supplierName}</td>
                <td>{item.region.name}</td>
                <td className="numeric">{item.masterArticles}</td>
                <td>
                  {item.isSignedByRhf ? (
                    formatDate(item.signedOn)
                  ) : (
                    <Badge tone="warning">Ikke signert</Badge>
                  )}
                </td>
                <td>{item.maintenanceOwner === 'refil' ? 'REFIL' : 'Helseforetakene'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {mayCreate && <CreateForm regions={regions.data!.filter((r) => canCoordinateRegion(user, r.id))} />}
    </>
  );
}

function CreateForm({ regions }: { regions: Region[] }) {
  const navigate = useNavigate();
  const agreements = useApi<{ items: Agreement[] }>('/api/agreements?status=active&limit=500');
  const [agreementId, setAgreementId] = useState('');
  const [regionId, setRegionId] = useState(
    regions.find((r) => r.name.startsWith('Helse Nord'))?.id ?? regions[0]!.id,
  );
  const [reference, setReference] = useState('');
  const [problem, setProblem] = useState<Problem>();
  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(undefined);
    try {
      const { id } = await createMasterAgreement({
        agreementId,
        regionId,
        decisionReference: reference || null,
      });
      void navigate(`/masteravtaler/${id}`);
    } catch (error) {
      setProblem(toDisplayProblem(error));
    }
  }
  return (
    <section className="panel" aria-labelledby="ma-new">
      <h2 id="ma-new">Ny masteravtale</h2>
      <p className="hint">Avtalens artikler blir masterartiklene, nummerert «avtalenummer-0001» osv.</p>
      <ErrorBox problem={problem} fieldLabels={{ agreementId: 'Avtale', regionId: 'Region' }} />
      <form onSubmit={(event) => void submit(event)} className="form-grid">
        <div className="field">
          <label htmlFor="ma-agreement">Avtale</label>
          <select
            id="ma-agreement"
            value={agreementId}
            onChange={(event) => setAgreementId(event.target.value)}
          >
            <option value="">– velg avtale –</option>
            {agreements.data?.items.map((agreement) => (
              <option key={agreement.id} value={agreement.id}>
                {agreement.agreementNumber} {agreement.name} ({agreement.supplierName})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ma-region">Region</label>
          <select id="ma-region" value={regionId} onChange={(event) => setRegionId(event.target.value)}>
            {regions.map((region) => (
              <option key={region.id} value={region.id}>
                {region.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="ma-reference">Saksreferanse (valgfritt)</label>
          <input id="ma-reference" value={reference} onChange={(event) => setReference(event.target.value)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            Opprett masteravtale
          </button>
        </div>
      </form>
    </section>
  );
}
