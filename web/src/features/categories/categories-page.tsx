import { Fragment, useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorBox } from '../../shared/error-box.js';
import { runByLabels } from '../../shared/labels.js';
import { ActionsHeader, Badge, EmptyRow, Loading, Notice, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { can } from '../auth/permissions.js';
import { useCurrentUser } from '../auth/session.js';
import { steeringGroupsPath, type SteeringGroup } from '../steering-groups/steering-groups-api.js';
import { buildCategoryTree, categoriesPath, type Category } from './categories-api.js';
import { CategoryForm } from './category-form.js';
import { CategoryImport } from './category-import.js';

export function CategoriesPage() {
  const user = useCurrentUser();
  const categories = useApi<Category[]>(categoriesPath);
  const groups = useApi<SteeringGroup[]>(steeringGroupsPath);
  const [editing, setEditing] = useState<{ category?: Category } | null>(null);
  const [message, setMessage] = useState('');
  const mayEdit = can.editReferenceData(user);
  const groupsById = new Map((groups.data ?? []).map((group) => [group.id, group]));
  const tree = buildCategoryTree(categories.data ?? []);
  const columns = mayEdit ? 7 : 6;

  function renderGroup(category: Category, inherited?: Category) {
    const own = category.steeringGroupId ? groupsById.get(category.steeringGroupId) : undefined;
    if (own) return <Link to={`/styringsgrupper/${own.id}`}>{own.name}</Link>;
    const parentGroup = inherited?.steeringGroupId ? groupsById.get(inherited.steeringGroupId) : undefined;
    if (parentGroup) return <span className="muted">Via kategorien: {parentGroup.name}</span>;
    if (category.runBy === 'RHF') return <span className="muted">Drives av RHF-ene</span>;
    return <span className="text-warning">Ingen styringsgruppe</span>;
  }

  return (
    <>
      <PageHeader
        title="Kategorier"
        lead="Den nasjonale kategoristrukturen: kategorier med sine innkjøpsgrupper, og styringsgruppen som dekker dem."
        actions={
          mayEdit && (
            <button type="button" className="button button-primary" onClick={() => setEditing({})}>
              Ny kategori / innkjøpsgruppe
            </button>
          )
        }
      />
      {message && <Notice tone="success">{message}</Notice>}
      <ErrorBox problem={categories.problem ?? groups.problem} />
      {categories.isLoading && !categories.data && <Loading />}
      <div className="table-wrap">
        <table className="table" data-testid="category-tree">
          <thead>
            <tr>
              <th scope="col">Kode</th>
              <th scope="col">Navn</th>
              <th scope="col">Medisinsk hovedområde</th>
              <th scope="col">Drives av</th>
              <th scope="col">Styringsgruppe</th>
              <th scope="col">Status</th>
              {mayEdit && <ActionsHeader />}
            </tr>
          </thead>
          <tbody>
            {categories.data && tree.length === 0 && (
              <EmptyRow colSpan={columns}>Ingen kategorier er registrert.</EmptyRow>
            )}
            {tree.map(({ category, purchaseGroups }) => (
              <Fragment key={category.id}>
                <tr
                  className={category.active ? 'category-row' : 'category-row inactive'}
                  data-testid="category-row"
                >
                  <td className="code">{category.code}</td>
                  <th scope="row">{category.name}</th>
                  <td>
                    {category.isMedicalMainArea ? <Badge tone="info">Medisinsk hovedområde</Badge> : ''}
                  </td>
                  <td>{runByLabels[category.runBy]}</td>
                  <td>{renderGroup(category)}</td>
                  <td>{category.active ? 'Aktiv' : 'Inaktiv'}</td>
                  {mayEdit && (
                    <td className="actions">
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => setEditing({ category })}
                        aria-label={`Endre ${category.name}`}
                      >
                        Endre
                      </button>
                    </td>
                  )}
                </tr>
                {purchaseGroups.map((purchaseGroup) => (
                  <tr
                    key={purchaseGroup.id}
                    className={purchaseGroup.active ? 'purchase-group-row' : 'purchase-group-row inactive'}
                  >
                    <td className="code indent">{purchaseGroup.code}</td>
                    <th scope="row" className="indent">
                      <span aria-hidden="true">↳ </span>
                      {purchaseGroup.name} <span className="muted">(innkjøpsgruppe)</span>
                    </th>
                    <td>
                      {purchaseGroup.isMedicalMainArea ? (
                        <Badge tone="info">Medisinsk hovedområde</Badge>
                      ) : (
                        ''
                      )}
                    </td>
                    <td>{runByLabels[purchaseGroup.runBy]}</td>
                    <td>{renderGroup(purchaseGroup, category)}</td>
                    <td>{purchaseGroup.active ? 'Aktiv' : 'Inaktiv'}</td>
                    {mayEdit && (
                      <td className="actions">
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => setEditing({ category: purchaseGroup })}
                          aria-label={`Endre ${purchaseGroup.name}`}
                        >
                          Endre
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      {mayEdit && <CategoryImport onImported={() => categories.reload()} />}
      {editing && (
        <CategoryForm
          category={editing.category}
          categories={categories.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setMessage(editing.category ? `${editing.category.name} er lagret.` : 'Kategorien er opprettet.');
            setEditing(null);
            categories.reload();
          }}
        />
      )}
    </>
  );
}
