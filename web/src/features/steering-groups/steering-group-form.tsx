import { useState, type FormEvent } from 'react';
import {
  createSteeringGroupSchema,
  updateSteeringGroupSchema,
} from '@server/features/steering-groups/steering-groups.schemas.js';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { Dialog } from '../../shared/dialog.js';
import { ErrorBox, FieldError } from '../../shared/error-box.js';
import { ActiveField, FormActions, Loading } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { validate } from '../../shared/validate.js';
import { buildCategoryTree, categoriesPath, type Category } from '../categories/categories-api.js';
import { createSteeringGroup, updateSteeringGroup, type SteeringGroup } from './steering-groups-api.js';

const fieldLabels = {
  code: 'Kode',
  name: 'Navn',
  phase: 'Fase',
  description: 'Beskrivelse',
  coverCodes: 'Dekker',
};

interface SteeringGroupFormProps {
  group?: SteeringGroup;
  onClose: () => void;
  onSaved: (group: SteeringGroup) => void;
}

/** Create a steering group, or edit its name, phase, description, coverage and whether it is active. */
export function SteeringGroupForm({ group, onClose, onSaved }: SteeringGroupFormProps) {
  const categories = useApi<Category[]>(categoriesPath);
  const [code, setCode] = useState(group?.code ?? '');
  const [name, setName] = useState(group?.name ?? '');
  const [phase, setPhase] = useState<1 | 2>(group?.phase === 1 ? 1 : 2);
  const [description, setDescription] = useState(group?.description ?? '');
  const [active, setActive] = useState(group?.active ?? true);
  const [coverCodes, setCoverCodes] = useState<string[]>(group?.covers.map((cover) => cover.code) ?? []);
  const [problem, setProblem] = useState<Problem>();
  const [isSaving, setIsSaving] = useState(false);

  function toggleCover(coverCode: string, isChecked: boolean) {
    setCoverCodes((codes) =>
      isChecked ? [...codes, coverCode] : codes.filter((existing) => existing !== coverCode),
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const common = { name, phase, description: description.trim() === '' ? null : description, coverCodes };
    const body = group ? { ...common, active } : { ...common, code };
    const invalid = validate(group ? updateSteeringGroupSchema : createSteeringGroupSchema, body);
    setProblem(invalid);
    if (invalid) return;
    setIsSaving(true);
    try {
      onSaved(group ? await updateSteeringGroup(group.id, body) : await createSteeringGroup(body));
    } catch (error) {
      setProblem(toDisplayProblem(error));
      setIsSaving(false);
    }
  }

  return (
    <Dialog
      title={group ? `Endre ${group.name}` : 'Ny styringsgruppe'}
      onClose={onClose}
      testId="steering-group-form"
      wide
    >
      <form onSubmit={submit} noValidate>
        <ErrorBox problem={problem} fieldLabels={fieldLabels} isFocusedOnShow />
        <div className="form-grid">
          {!group && (
            <div className="field">
              <label htmlFor="sg-code">Kode</label>
              <input
                id="sg-code"
                value={code}
                onChange={(event) => setCode(event.target.value.toUpperCase())}
                required
              />
              <FieldError problem={problem} path="code" id="sg-code-error" />
            </div>
          )}
          <div className="field">
            <label htmlFor="sg-name">Navn</label>
            <input id="sg-name" value={name} onChange={(event) => setName(event.target.value)} required />
            <FieldError problem={problem} path="name" id="sg-name-error" />
          </div>
          <fieldset className="field">
            <legend>Fase</legend>
            <div className="inline-options">
              {([1, 2] as const).map((value) => (
                <label key={value} className="check-label">
                  <input
                    type="radio"
                    name="sg-phase"
                    checked={phase === value}
                    onChange={() => setPhase(value)}
                  />{' '}
                  Fase {value}
                </label>
              ))}
            </div>
          </fieldset>
          {group && <ActiveField active={active} onChange={setActive} />}
        </div>
        <div className="field">
          <label htmlFor="sg-description">Beskrivelse</label>
          <textarea
            id="sg-description"
            rows={3}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        </div>
        <fieldset className="field">
          <legend>Dekker (kategorier og innkjøpsgrupper)</legend>
          <p className="hint">
            En styringsgruppe dekker én kategori, flere kategorier eller én innkjøpsgruppe. En gruppe for en
            innkjøpsgruppe går foran gruppen for kategorien.
          </p>
          {categories.isLoading && !categories.data && <Loading />}
          <ErrorBox problem={categories.problem} />
          <ul className="cover-picker">
            {buildCategoryTree(categories.data ?? []).map(({ category, purchaseGroups }) => (
              <li key={category.id}>
                <label className="check-label">
                  <input
                    type="checkbox"
                    checked={coverCodes.includes(category.code)}
                    onChange={(event) => toggleCover(category.code, event.target.checked)}
                  />{' '}
                  <span className="code">{category.code}</span> {category.name}
                </label>
                {purchaseGroups.length > 0 && (
                  <ul>
                    {purchaseGroups.map((purchaseGroup) => (
                      <li key={purchaseGroup.id}>
                        <label className="check-label">
                          <input
                            type="checkbox"
                            checked={coverCodes.includes(purchaseGroup.code)}
                            onChange={(event) => toggleCover(purchaseGroup.code, event.target.checked)}
                          />{' '}
                          <span className="code">{purchaseGroup.code}</span> {purchaseGroup.name}{' '}
                          <span className="muted">(innkjøpsgruppe)</span>
                        </label>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
          <FieldError problem={problem} path="coverCodes" id="sg-cover-error" />
        </fieldset>
        <FormActions isSaving={isSaving} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
