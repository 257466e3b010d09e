// One agreement (/avtaler/:id): its facts, editing (secretariat), and the article browser with filters and
// adding / editing articles. /avtaler/ny creates one.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ErrorBox } from '../../shared/error-box.js';
import { formatDate } from '../../shared/format.js';
import { Loading, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import type { Organisation } from '../organisations/organisations-api.js';
import { organisationsPath } from '../organisations/organisations-api.js';
import { can } from '../auth/permissions.js';
import { useCurrentUser } from '../auth/session.js';
import { AgreementForm } from './agreement-form.js';
import { ArticleBrowser } from './article-browser.js';
import { agreementPath, scopeLabels, statusLabels, type AgreementDetail } from './agreements-api.js';

export function NewAgreementPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  if (!can.editAgreements(user))
    return <PageHeader title="Ingen tilgang" lead="Bare sekretariatet kan registrere avtaler." />;
  return (
    <div data-testid="new-agreement-page">
      <PageHeader title="Ny avtale" lead={<Link to="/avtaler">Tilbake til avtaleregisteret</Link>} />
      <AgreementForm
        onSaved={(agreement) => void navigate(`/avtaler/${agreement.id}`)}
        onCancel={() => void navigate('/avtaler')}
      />
    </div>
  );
}

export function AgreementPage() {
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const agreement = useApi<AgreementDetail>(agreementPath(id));
  const organisations = useApi<Organisation[]>(organisationsPath);
  const [isEditing, setIsEditing] = useState(false);
  const canEdit = can.editAgreements(user);
  const data = agreement.data;
  const orgName = (orgId: string) => organisations.data?.find((org) => org.id === orgId)?.name ?? orgId;

  if (!data) {
    return (
      <div data-testid="agreement-page">
        <PageHeader title="Avtale" lead={<Link to="/avtaler">Tilbake til avtaleregisteret</Link>} />
        <ErrorBox problem={agreement.problem} />
        {!agreement.problem && <Loading />}
      </div>
    );
  }

  return (
    <div data-testid="agreement-page">
      <PageHeader
        title={`${data.agreementNumber} ${data.name}`}
        lead={<Link to="/avtaler">Tilbake til avtaleregisteret</Link>}
        actions={
          canEdit &&
          !isEditing && (
            <button
              type="button"
              className="button"
              onClick={() => setIsEditing(true)}
              data-testid="agreement-edit"
            >
              Rediger avtalen
            </button>
          )
        }
      />
      {isEditing ? (
        <AgreementForm
          agreement={data}
          onSaved={() => {
            setIsEditing(false);
            agreement.reload();
          }}
          onCancel={() => setIsEditing(false)}
        />
      ) : (
        <section className="panel" data-testid="agreement-facts">
          <dl className="facts">
            <dt>Leverandør</dt>
            <dd>
              {data.supplierName} <span className="muted">(org.nr. {data.supplierOrgNumber})</span>
            </dd>
            <dt>Omfang</dt>
            <dd>
              {scopeLabels[data.scope]}
              {data.scope === 'regional' && data.rhfId && `: ${orgName(data.rhfId)}`}
              {data.scope === 'local' && `: ${data.hfIds.map(orgName).join(', ')}`}
            </dd>
            <dt>Kategorier</dt>
            <dd>{data.categoryCodes.join(', ')}</dd>
            <dt>Gyldig</dt>
            <dd>
              {formatDate(data.validFrom)}–{formatDate(data.validTo)}
            </dd>
            <dt>Opsjoner</dt>
            <dd>{data.extensionOptions ?? '–'}</dd>
            <dt>Status</dt>
            <dd>{statusLabels[data.status]}</dd>
            <dt>Anskaffelse</dt>
            <dd>
              {data.procurementId ? (
                <Link to={`/anskaffelser/${data.procurementId}`}>Se anskaffelsen</Link>
              ) : (
                '–'
              )}
            </dd>
            <dt>Artikler</dt>
            <dd>{data.articles.length}</dd>
          </dl>
        </section>
      )}
      <ArticleBrowser agreement={data} canEdit={canEdit} onChanged={agreement.reload} />
    </div>
  );
}
