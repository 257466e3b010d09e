// The filters above the procurement list; every choice goes to the URL (the page reads it back).
import { useState, type FormEvent } from 'react';
import { compareNb } from '../../shared/format.js';
import { level3Labels, level3Order, levelLabels, statusLabels, statusOrder } from '../../shared/labels.js';
import { useApi } from '../../shared/use-api.js';
import { buildCategoryTree, categoriesPath, type Category } from '../categories/categories-api.js';
import { steeringGroupsPath, type SteeringGroup } from '../steering-groups/steering-groups-api.js';
import type { FilterName } from './procurement-list-params.js';
import { SelectField } from '../../shared/fields.js';

const levelOrder = ['nasjonal', 'flerregional', 'regional', 'lokal'] as const;

function Select({
  id,
  label,
  value,
  onChange,
  all,
  options,
  testId,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  all: string;
  options: ReadonlyArray<readonly [string, string]>;
  testId: string;
}) {
  return (
    <SelectField
      id={id}
      label={label}
      value={value}
      onChange={onChange}
      data-testid={testId}
      empty={all}
      options={options}
    />
  );
}

export function ProcurementFilters({
  filters,
  setFilter,
  reset,
}: {
  filters: Record<FilterName, string>;
  setFilter: (name: FilterName, value: string) => void;
  reset: () => void;
}) {
  const groups = useApi<SteeringGroup[]>(steeringGroupsPath);
  const categories = useApi<Category[]>(categoriesPath);
  const [text, setText] = useState(filters.sok);
  const [textFor, setTextFor] = useState(filters.sok);
  // Keep the search box in step when the URL changes (back button, links).
  if (textFor !== filters.sok) {
    setTextFor(filters.sok);
    setText(filters.sok);
  }
  const hasFilters = Object.values(filters).some(Boolean);
  const sortedGroups = [...(groups.data ?? [])].sort((a, b) => compareNb(a.name, b.name));
  const level3Options = [
    ...level3Order.map((v) => [v, level3Labels[v]] as const),
    ['ukjent', 'Ikke satt'] as const,
  ];

  // The one-choice filters after the category: [id and test id suffix, URL name, label, «all», options].
  const choices: ReadonlyArray<
    readonly [string, FilterName, string, string, ReadonlyArray<readonly [string, string]>]
  > = [
    ['status', 'status', 'Status', 'Alle statuser', statusOrder.map((v) => [v, statusLabels[v]] as const)],
    ['level', 'nivaa', 'Nivå', 'Alle nivåer', levelOrder.map((v) => [v, levelLabels[v]] as const)],
    ['significance', 'betydning', 'Strategisk betydning', 'Alle', level3Options],
    ['risk', 'risiko', 'Risikoprofil', 'Alle', level3Options],
    [
      'schedule',
      'tidsplan',
      'Tidsplan',
      'Alle',
      [
        ['late', 'Forsinket'],
        ['onSchedule', 'I rute'],
      ],
    ],
  ];

  function submitText(event: FormEvent) {
    event.preventDefault();
    setFilter('sok', text.trim());
  }

  return (
    <form className="filters" onSubmit={submitText} role="search" aria-label="Filtrer anskaffelser">
      <Select
        id="filter-group"
        label="Styringsgruppe"
        value={filters.styringsgruppe}
        onChange={(value) => setFilter('styringsgruppe', value)}
        all="Alle styringsgrupper"
        options={sortedGroups.map((group) => [group.id, group.name] as const)}
        testId="filter-steering-group"
      />
      <SelectField
        id="filter-category"
        label="Kategori / innkjøpsgruppe"
        value={filters.kategori}
        onChange={(value) => setFilter('kategori', value)}
        data-testid="filter-category"
      >
        <option value="">Alle kategorier</option>
        {buildCategoryTree(categories.data ?? []).map(({ category, purchaseGroups }) => [
          <option key={category.id} value={category.code}>
            {category.code} – {category.name}
          </option>,
          ...purchaseGroups.map((purchaseGroup) => (
            <option key={purchaseGroup.id} value={purchaseGroup.code}>
              {'\u00a0\u00a0\u00a0'}↳ {purchaseGroup.name}
            </option>
          )),
        ])}
      </SelectField>
      {choices.map(([key, name, label, all, options]) => (
        <Select
          key={key}
          id={`filter-${key}`}
          label={label}
          value={filters[name]}
          onChange={(value) => setFilter(name, value)}
          all={all}
          options={options}
          testId={`filter-${key}`}
        />
      ))}
      <div className="field field-grow">
        <label htmlFor="filter-text">Fritekst</label>
        <div className="input-with-button">
          <input
            id="filter-text"
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder="Søk i navn og beskrivelse"
            data-testid="filter-text"
          />
          <button type="submit" className="button">
            Søk
          </button>
        </div>
      </div>
      {hasFilters && (
        <button type="button" className="button-link filters-reset" onClick={reset}>
          Nullstill filtre
        </button>
      )}
    </form>
  );
}
