import { useState, type FormEvent } from 'react';
import { ActiveField, FormActions } from '../../shared/ui.js';
import {
  createCategorySchema,
  updateCategorySchema,
} from '@server/features/categories/categories.schemas.js';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { Dialog } from '../../shared/dialog.js';
import { ErrorBox, FieldError } from '../../shared/error-box.js';
import { runByLabels } from '../../shared/labels.js';
import { validate } from '../../shared/validate.js';
import { buildCategoryTree, createCategory, updateCategory, type Category } from './categories-api.js';
import { SelectField, TextField } from '../../shared/fields.js';

const fieldLabels = {
  code: 'Kode',
  name: 'Navn',
  parentCode: 'Kategori',
  isMedicalMainArea: 'Medisinsk hovedområde',
  runBy: 'Drives av',
};

interface CategoryFormProps {
  category?: Category;
  categories: readonly Category[];
  onClose: () => void;
  onSaved: () => void;
}

/** A category, or a purchase group (innkjøpsgruppe) when it has a parent category. */
export function CategoryForm({ category, categories, onClose, onSaved }: CategoryFormProps) {
  const [code, setCode] = useState('');
  const [name, setName] = useState(category?.name ?? '');
  const [parentCode, setParentCode] = useState('');
  const [isMedicalMainArea, setIsMedicalMainArea] = useState(category?.isMedicalMainArea ?? false);
  const [runBy, setRunBy] = useState<'SHI' | 'RHF'>(category?.runBy ?? 'SHI');
  const [active, setActive] = useState(category?.active ?? true);
  const [problem, setProblem] = useState<Problem>();
  const [isSaving, setIsSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const update = { name, isMedicalMainArea, runBy, active };
    const create = { code, name, parentCode: parentCode || null, isMedicalMainArea, runBy };
    const invalid = category
      ? validate(updateCategorySchema, update)
      : validate(createCategorySchema, create);
    setProblem(invalid);
    if (invalid) return;
    setIsSaving(true);
    try {
      if (category) await updateCategory(category.id, update);
      else await createCategory(create);
      onSaved();
    } catch (error) {
      setProblem(toDisplayProblem(error));
      setIsSaving(false);
    }
  }

  const title = category
    ? `Endre ${category.kind === 'purchaseGroup' ? 'innkjøpsgruppe' : 'kategori'} ${category.code}`
    : 'Ny kategori eller innkjøpsgruppe';

  return (
    <Dialog title={title} onClose={onClose} testId="category-form">
      <form onSubmit={submit} noValidate>
        <ErrorBox problem={problem} fieldLabels={fieldLabels} isFocusedOnShow />
        {!category && (
          <div className="form-grid">
            <TextField
              id="cat-code"
              label="Kode"
              value={code}
              onChange={(value) => setCode(value.toUpperCase())}
              problem={problem}
              path="code"
            />
            <div className="field">
              <label htmlFor="cat-parent">Hører til kategori</label>
              <select
                id="cat-parent"
                value={parentCode}
                onChange={(event) => setParentCode(event.target.value)}
                aria-describedby="cat-parent-hint"
              >
                <option value="">Ingen – dette er en kategori</option>
                {buildCategoryTree(categories).map(({ category: parent }) => (
                  <option key={parent.id} value={parent.code}>
                    {parent.code} – {parent.name}
                  </option>
                ))}
              </select>
              <p className="hint" id="cat-parent-hint">
                Velg en kategori for å opprette en innkjøpsgruppe under den.
              </p>
              <FieldError problem={problem} path="parentCode" id="cat-parent-error" />
            </div>
          </div>
        )}
        <TextField id="cat-name" label="Navn" value={name} onChange={setName} problem={problem} path="name" />
        <div className="form-grid">
          <div className="field">
            <span className="label">Medisinsk hovedområde</span>
            <label className="check-label">
              <input
                type="checkbox"
                checked={isMedicalMainArea}
                onChange={(event) => setIsMedicalMainArea(event.target.checked)}
              />{' '}
              Ja
              <span className="muted"> (trekker strategisk betydning opp)</span>
            </label>
          </div>
          <SelectField
            id="cat-run-by"
            label="Drives av"
            value={runBy}
            onChange={(value) => setRunBy(value as 'SHI' | 'RHF')}
          >
            {(['SHI', 'RHF'] as const).map((value) => (
              <option key={value} value={value}>
                {runByLabels[value]}
              </option>
            ))}
          </SelectField>
          {category && <ActiveField active={active} onChange={setActive} />}
        </div>
        <FormActions isSaving={isSaving} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
