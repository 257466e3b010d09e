import { useState } from 'react';
import { ErrorBox } from '../../shared/error-box.js';
import { ActionsHeader, Badge, Loading, Notice, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { can } from '../auth/permissions.js';
import { useCurrentUser } from '../auth/session.js';
import { OrganisationForm } from './organisation-form.js';
import { listRhfs, organisationsPath, sortByName, type Organisation } from './organisations-api.js';

interface Section {
  id: string;
  title: string;
  lead?: string;
  organisations: Organisation[];
  parent?: Organisation;
}

/** Every organisation in exactly one section: RHFs with their HFs, Sykehusinnkjøp, jointly owned, others. */
function arrangeSections(organisations: readonly Organisation[]): Section[] {
  const placed = new Set<string>();
  const take = (items: Organisation[]) => {
    const fresh = items.filter((org) => !placed.has(org.id));
    fresh.forEach((org) => placed.add(org.id));
    return sortByName(fresh);
  };
  const sections: Section[] = [];
  for (const rhf of listRhfs(organisations)) {
    placed.add(rhf.id);
    sections.push({
      id: rhf.id,
      title: rhf.name,
      parent: rhf,
      organisations: take(
        organisations.filter(
          (org) => org.rhfId === rhf.id && org.kind === 'HF' && org.subtype !== 'jointlyOwned',
        ),
      ),
    });
  }
  for (const shi of organisations.filter((org) => org.kind === 'SHI' && !org.parentId)) {
    placed.add(shi.id);
    sections.push({
      id: shi.id,
      title: shi.name,
      parent: shi,
      lead: 'Divisjoner',
      organisations: take(
        organisations.filter(
          (org) => org.parentId === shi.id || (org.kind === 'SHI' && org.subtype === 'division'),
        ),
      ),
    });
  }
  sections.push({
    id: 'jointly-owned',
    title: 'Felleseide foretak',
    lead: 'Eid av de fire regionale helseforetakene i fellesskap; brukere av nasjonale avtaler.',
    organisations: take(organisations.filter((org) => org.subtype === 'jointlyOwned')),
  });
  sections.push({ id: 'others', title: 'Andre virksomheter', organisations: take([...organisations]) });
  return sections.filter((section) => section.parent || section.organisations.length > 0);
}

export function OrganisationsPage() {
  const user = useCurrentUser();
  const organisations = useApi<Organisation[]>(organisationsPath);
  const [editing, setEditing] = useState<{ organisation?: Organisation } | null>(null);
  const [message, setMessage] = useState('');
  const mayEdit = can.editReferenceData(user);

  return (
    <>
      <PageHeader
        title="Organisasjoner"
        lead="De regionale helseforetakene (RHF) med sine helseforetak (HF), Sykehusinnkjøp HF med divisjoner og de felleseide foretakene."
        actions={
          mayEdit && (
            <button type="button" className="button button-primary" onClick={() => setEditing({})}>
              Ny organisasjon
            </button>
          )
        }
      />
      {message && <Notice tone="success">{message}</Notice>}
      <ErrorBox problem={organisations.problem} />
      {organisations.isLoading && !organisations.data && <Loading />}
      <div className="org-sections">
        {arrangeSections(organisations.data ?? []).map((section) => (
          <section
            key={section.id}
            className="panel"
            aria-labelledby={`org-${section.id}`}
            data-testid="organisation-section"
          >
            <div className="panel-header">
              <h2 id={`org-${section.id}`}>
                {section.title}{' '}
                {section.parent && !section.parent.active && <Badge tone="neutral">Inaktiv</Badge>}
              </h2>
              {mayEdit && section.parent && (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => setEditing({ organisation: section.parent })}
                >
                  Endre
                </button>
              )}
            </div>
            {section.parent?.orgNumber && <p className="muted">Org.nr. {section.parent.orgNumber}</p>}
            {section.lead && <p className="muted">{section.lead}</p>}
            <OrganisationTable
              organisations={section.organisations}
              mayEdit={mayEdit}
              onEdit={(organisation) => setEditing({ organisation })}
            />
          </section>
        ))}
      </div>
      {editing && organisations.data && (
        <OrganisationForm
          organisation={editing.organisation}
          organisations={organisations.data}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setMessage(
              editing.organisation
                ? `${editing.organisation.name} er lagret.`
                : 'Organisasjonen er opprettet.',
            );
            setEditing(null);
            organisations.reload();
          }}
        />
      )}
    </>
  );
}

function OrganisationTable({
  organisations,
  mayEdit,
  onEdit,
}: {
  organisations: Organisation[];
  mayEdit: boolean;
  onEdit: (organisation: Organisation) => void;
}) {
  if (organisations.length === 0) return <p className="muted">Ingen registrert.</p>;
  return (
    <div className="table-wrap">
      <table className="table table-compact">
        <thead>
          <tr>
            <th scope="col">Navn</th>
            <th scope="col">Kode</th>
            <th scope="col">Org.nr.</th>
            <th scope="col">Status</th>
            {mayEdit && <ActionsHeader />}
          </tr>
        </thead>
        <tbody>
          {organisations.map((org) => (
            <tr key={org.id} className={org.active ? undefined : 'inactive'}>
              <th scope="row">{org.name}</th>
              <td className="code">{org.code}</td>
              <td>{org.orgNumber ?? ''}</td>
              <td>{org.active ? 'Aktiv' : 'Inaktiv'}</td>
              {mayEdit && (
                <td className="actions">
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => onEdit(org)}
                    aria-label={`Endre ${org.name}`}
                  >
                    Endre
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
