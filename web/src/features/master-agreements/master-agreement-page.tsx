// One master agreement: the harmonisation KPIs per HF (share of master articles mapped, share of the
// supplier spend on mapped master articles), the HF's mapping import, the RHF's signature, each HF's «done»
// and the hand-over of maintenance to REFIL.
import { useState, type ChangeEvent } from 'react';
import { useParams } from 'react-router-dom';
import { canActForHf, canCoordinateRegion } from '@server/domain/regional-access.rules.js';
import { useCurrentUser } from '../auth/session.js';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { todayIso } from '../../shared/clock.js';
import { ErrorBox } from '../../shared/error-box.js';
import { formatDate, formatNok } from '../../shared/format.js';
import { Loading, Notice, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import {
  formatShare,
  masterAgreementPath,
  recordCompletion,
  recordSignature,
  transferMaintenance,
  uploadMappings,
  type Harmonisation,
} from './master-agreements-api.js';

export function MasterAgreementPage() {
  const { id = '' } = useParams();
  const view = useApi<Harmonisation>(masterAgreementPath(id));
  const user = useCurrentUser();
  const [problem, setProblem] = useState<Problem>();
  const [message, setMessage] = useState('');
  if (!view.data) return view.problem ? <ErrorBox problem={view.problem} /> : <Loading />;
  const { masterAgreement: ma, perHf, total, handOver } = view.data;
  const isRefil = canCoordinateRegion(user, ma.region.id);
  const isLocked = ma.maintenanceOwner === 'refil';
  const run = async (work: () => Promise<unknown>, done: string) => {
    setProblem(undefined);
    setMessage('');
    try {
      await work();
      setMessage(done);
      view.reload();
    } catch (error) {
      setProblem(toDisplayProblem(error));
    }
  };
  return (
    <div data-testid="master-agreement-page" data-busy={view.isLoading}>
      <PageHeader
        title={`Masteravtale ${ma.agreement.agreementNumber}`}
        lead={`${ma.agreement.name} · ${ma.agreement.supplierName} · ${ma.region.name} · ${ma.masterArticles} masterartikler · gyldig ${formatDate(ma.agreement.validFrom)}–${formatDate(ma.agreement.validTo)}`}
      />
      <ErrorBox problem={problem} />
      {message && (
        <Notice tone="success" testId="saved">
          {message}
        </Notice>
      )}
      <section className="panel">
        <h2>Signatur og vedlikehold</h2>
        <p data-testid="signature">
          {ma.isSignedByRhf
            ? `Signert av ${ma.region.name} på vegne av helseforetakene ${formatDate(ma.signedOn)} (${ma.signedByName}).`
            : 'Ikke registrert signert av RHF på vegne av helseforetakene.'}
        </p>
        <p data-testid="maintenance">
          {isLocked
            ? `REFIL har overtatt vedlikeholdet ${formatDate(ma.maintenanceTransferredOn)} (${ma.maintenanceTransferredByName}).`
            : `Helseforetakene vedlikeholder ennå. ${handOver.isReady ? 'Alle HF er ferdige.' : `Venter på ${handOver.waitingFor.length} HF.`}`}
        </p>
        {isRefil && (
          <div className="form-actions">
            {!ma.isSignedByRhf && (
              <button
                type="button"
                className="button"
                onClick={() =>
                  void run(() => recordSignature(ma.id, todayIso()), 'Signaturen er registrert.')
                }
              >
                Registrer signatur av RHF
              </button>
            )}
            {!isLocked && (
              <button
                type="button"
                className="button button-primary"
                disabled={!handOver.isReady}
                onClick={() =>
                  void run(() => transferMaintenance(ma.id), 'Vedlikeholdet er overført til REFIL.')
                }
              >
                Overfør vedlikehold til REFIL
              </button>
            )}
          </div>
        )}
      </section>
      <section className="panel">
        <h2>Harmonisering per helseforetak</h2>
        {!view.data.hasSpend && (
          <Notice tone="warning">Forbruksdata kunne ikke leses; forbruksandelen mangler.</Notice>
        )}
        <table className="table" data-testid="harmonisation-table">
          <thead>
            <tr>
              <th scope="col">Helseforetak</th>
              <th scope="col" className="numeric">
                Masterartikler mappet
              </th>
              <th scope="col" className="numeric">
                Andel artikler
              </th>
              <th scope="col" className="numeric">
                Forbruk hos leverandøren
              </th>
              <th scope="col" className="numeric">
                Andel forbruk på masterartikler
              </th>
              <th scope="col">Ferdig</th>
            </tr>
          </thead>
          <tbody>
            {perHf.map((hf) => (
              <tr key={hf.hfId} data-testid="hf-kpi" data-hf={hf.hfName}>
                <th scope="row">{hf.hfName}</th>
                <td className="numeric" data-testid="mapped">
                  {hf.mappedMasterArticles} av {hf.masterArticles}
                </td>
                <td className="numeric" data-testid="article-share">
                  {formatShare(hf.articleShare)}
                </td>
                <td className="numeric">{formatNok(hf.supplierSpend)}</td>
                <td className="numeric" data-testid="spend-share">
                  {formatShare(hf.spendShare)}
                </td>
                <td>
                  {hf.completedOn
                    ? formatDate(hf.completedOn)
                    : !isLocked &&
                      canActForHf(user, ma.region.id, hf.hfId) && (
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() =>
                            void run(() => recordCompletion(ma.id, hf.hfId), `${hf.hfName} er meldt ferdig.`)
                          }
                        >
                          Meld ferdig
                        </button>
                      )}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="total-kpi">
              <th scope="row">Hele avtalen</th>
              <td className="numeric">
                {total.mappedMasterArticles} av {total.masterArticles}
              </td>
              <td className="numeric">{formatShare(total.articleShare)}</td>
              <td className="numeric">{formatNok(total.supplierSpend)}</td>
              <td className="numeric">{formatShare(total.spendShare)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
        <p className="hint">
          Andel forbruk: EHF-linjer fra avtalens leverandør i avtaleperioden som gjelder masterartikler HF-et
          har mappet (leverandørens artikkelnummer eller GTIN), delt på HF-ets samlede forbruk hos
          leverandøren.
        </p>
      </section>
      {!isLocked && (
        <MappingImport
          masterAgreementId={ma.id}
          hfs={perHf
            .filter((hf) => canActForHf(user, ma.region.id, hf.hfId))
            .map((hf) => ({ id: hf.hfId, name: hf.hfName }))}
          onImported={view.reload}
        />
      )}
    </div>
  );
}

function MappingImport({
  masterAgreementId,
  hfs,
  onImported,
}: {
  masterAgreementId: string;
  hfs: Array<{ id: string; name: string }>;
  onImported: () => void;
}) {
  const [hfId, setHfId] = useState(hfs[0]?.id ?? '');
  const [problem, setProblem] = useState<Problem>();
  const [result, setResult] = useState('');
  if (hfs.length === 0) return null;
  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const input = event.target;
    const file = input.files?.[0];
    if (!file) return;
    setProblem(undefined);
    setResult('');
    try {
      const summary = await uploadMappings(masterAgreementId, hfId, file, false);
      setResult(
        `${summary.rows} artikkelnumre importert: ${summary.mappedMasterArticles} av ${summary.masterArticles} masterartikler mappet.`,
      );
      onImported();
    } catch (error) {
      setProblem(toDisplayProblem(error));
    }
    input.value = ''; // the same file can be chosen again after fixing it
  }
  return (
    <section className="panel" aria-labelledby="mapping-import" data-testid="mapping-import">
      <h2 id="mapping-import">Importer artikkelmapping (CSV eller XLSX)</h2>
      <p className="hint">
        Kolonner: <code>lokalt_artikkelnummer;masterartikkelnummer</code>. Filen erstatter HF-ets mapping for
        denne masteravtalen; har én rad feil, importeres ingenting.
      </p>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="mapping-hf">Helseforetak</label>
          <select id="mapping-hf" value={hfId} onChange={(event) => setHfId(event.target.value)}>
            {hfs.map((hf) => (
              <option key={hf.id} value={hf.id}>
                {hf.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="mapping-file">Fil</label>
          <input
            id="mapping-file"
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => void choose(event)}
          />
        </div>
      </div>
      <ErrorBox problem={problem} testId="mapping-error" />
      {result && (
        <Notice tone="success" testId="mapping-result">
          {result}
        </Notice>
      )}
    </section>
  );
}
