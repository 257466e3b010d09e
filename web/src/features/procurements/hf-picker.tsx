import { useEffect, useRef } from 'react';
import { groupHfsByRhf, type Organisation } from '../organisations/organisations-api.js';

interface HfPickerProps {
  organisations: readonly Organisation[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  isDisabled?: boolean;
}

/** Participating HFs as checkboxes grouped by RHF, each region with "velg alle i regionen"; then the trusts. */
export function HfPicker({ organisations, selected, onChange, isDisabled = false }: HfPickerProps) {
  const regions = groupHfsByRhf(organisations.filter((org) => org.active || selected.includes(org.id)));
  // Jointly owned trusts use the national agreements (Vedlegg 03); they belong to no region.
  const trusts = organisations
    .filter((org) => org.kind === 'other' && org.subtype === 'jointlyOwned')
    .filter((org) => org.active || selected.includes(org.id))
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  const selectedSet = new Set(selected);
  const regionCount = regions.filter(
    (region) => region.rhf && region.hfs.some((hf) => selectedSet.has(hf.id)),
  ).length;

  function setMany(ids: string[], isChecked: boolean) {
    const next = new Set(selected);
    ids.forEach((id) => (isChecked ? next.add(id) : next.delete(id)));
    onChange([...next]);
  }

  return (
    <div className="hf-picker" data-testid="hf-picker">
      <p className="hint" aria-live="polite">
        {selected.length === 0
          ? 'Ingen helseforetak valgt.'
          : `${selected.length} helseforetak valgt, fra ${regionCount} ${regionCount === 1 ? 'region' : 'regioner'}.`}
      </p>
      <div className="hf-regions">
        {regions.map((region) => {
          const ids = region.hfs.map((hf) => hf.id);
          const checkedCount = ids.filter((id) => selectedSet.has(id)).length;
          const regionName = region.rhf?.name ?? 'Andre helseforetak';
          return (
            <fieldset key={region.rhf?.id ?? 'other'} className="hf-region">
              <legend>{regionName}</legend>
              {ids.length > 0 && (
                <SelectAll
                  label="Velg alle i regionen"
                  regionName={regionName}
                  checkedCount={checkedCount}
                  total={ids.length}
                  isDisabled={isDisabled}
                  onChange={(isChecked) => setMany(ids, isChecked)}
                />
              )}
              <ul>
                {region.hfs.map((hf) => (
                  <li key={hf.id}>
                    <label className="check-label">
                      <input
                        type="checkbox"
                        checked={selectedSet.has(hf.id)}
                        disabled={isDisabled}
                        onChange={(event) => setMany([hf.id], event.target.checked)}
                      />{' '}
                      {hf.name}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          );
        })}
        {trusts.length > 0 && (
          <fieldset className="hf-region" data-testid="jointly-owned">
            <legend>Felleseide foretak</legend>
            <p className="hint">Teller ikke for nivået (nasjonal krever ett HF fra hvert RHF).</p>
            <ul>
              {trusts.map((trust) => (
                <li key={trust.id}>
                  <label className="check-label">
                    <input
                      type="checkbox"
                      checked={selectedSet.has(trust.id)}
                      disabled={isDisabled}
                      onChange={(event) => setMany([trust.id], event.target.checked)}
                    />{' '}
                    {trust.name}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
      </div>
    </div>
  );
}

interface SelectAllProps {
  label: string;
  regionName: string;
  checkedCount: number;
  total: number;
  isDisabled: boolean;
  onChange: (isChecked: boolean) => void;
}

function SelectAll({ label, regionName, checkedCount, total, isDisabled, onChange }: SelectAllProps) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // "Some selected" has no HTML attribute; only the DOM property shows it.
    if (ref.current) ref.current.indeterminate = checkedCount > 0 && checkedCount < total;
  }, [checkedCount, total]);
  return (
    <label className="check-label select-all">
      <input
        ref={ref}
        type="checkbox"
        checked={checkedCount === total}
        disabled={isDisabled}
        onChange={(event) => onChange(event.target.checked)}
        aria-label={`${label}: ${regionName}`}
      />{' '}
      {label}
    </label>
  );
}
