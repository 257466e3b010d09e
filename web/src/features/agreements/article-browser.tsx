// The articles of one agreement: filter by text, criticality and production country; the secretariat adds and
// edits articles (the API takes the whole list back, so a change sends every article).
import { useState, type FormEvent } from 'react';
import { articleInputSchema, criticalityLevels } from '@server/features/agreements/agreements.schemas.js';
import { Dialog } from '../../shared/dialog.js';
import { ErrorBox } from '../../shared/error-box.js';
import { ActionsHeader, EmptyRow } from '../../shared/ui.js';
import {
  criticalityLabels,
  toArticleInput,
  updateAgreement,
  type AgreementDetail,
  type Article,
} from './agreements-api.js';
import { useForm } from '../../shared/form.js';
import { SelectField, TextField, labelled } from '../../shared/fields.js';

const priceFormat = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 4 });
const formatPrice = (price: string | null) => (price === null ? '–' : priceFormat.format(Number(price)));

type Criticality = NonNullable<Article['criticality']>;

interface ArticleBrowserProps {
  agreement: AgreementDetail;
  canEdit: boolean;
  onChanged: () => void;
}

export function ArticleBrowser({ agreement, canEdit, onChanged }: ArticleBrowserProps) {
  const [text, setText] = useState('');
  const [criticality, setCriticality] = useState<Criticality | ''>('');
  const [country, setCountry] = useState('');
  /** null = closed, 'new' = add, otherwise the article being edited. */
  const [editing, setEditing] = useState<Article | 'new' | null>(null);

  const needle = text.trim().toLowerCase();
  const countries = [...new Set(agreement.articles.map((article) => article.productionCountry ?? ''))]
    .filter(Boolean)
    .sort();
  const shown = agreement.articles.filter(
    (article) =>
      (!needle ||
        [article.supplierArticleNumber, article.gtin, article.description].some((value) =>
          value?.toLowerCase().includes(needle),
        )) &&
      (!criticality || article.criticality === criticality) &&
      (!country || article.productionCountry === country),
  );

  return (
    <section className="panel" data-testid="article-browser">
      <div className="page-header">
        <h2>Artikler ({agreement.articles.length})</h2>
        {canEdit && (
          <button
            type="button"
            className="button"
            onClick={() => setEditing('new')}
            data-testid="article-add"
          >
            Legg til artikkel
          </button>
        )}
      </div>
      <form
        className="filters"
        role="search"
        aria-label="Filtrer artikler"
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field field-grow">
          <label htmlFor="article-search">Søk</label>
          <input
            id="article-search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder="Artikkelnummer, GTIN eller beskrivelse"
            data-testid="article-search"
          />
        </div>
        <SelectField
          id="article-criticality"
          label="Kritikalitet"
          value={criticality}
          onChange={(value) => setCriticality(value as Criticality | '')}
          empty="Alle"
          options={labelled(criticalityLevels, criticalityLabels)}
        />
        <SelectField
          id="article-country"
          label="Produksjonsland"
          value={country}
          onChange={setCountry}
          empty="Alle"
          options={countries.map((code) => [code, code] as const)}
        />
      </form>
      <p className="hint" aria-live="polite">
        Viser {shown.length} av {agreement.articles.length} artikler.
      </p>
      <div className="table-wrap">
        <table className="table" data-testid="article-list">
          <thead>
            <tr>
              <th scope="col">Artikkelnr.</th>
              <th scope="col">GTIN</th>
              <th scope="col">Beskrivelse</th>
              <th scope="col">Enhet</th>
              <th scope="col" className="numeric">
                Pris (NOK)
              </th>
              <th scope="col">Produksjonsland</th>
              <th scope="col">Kritikalitet</th>
              {canEdit && <ActionsHeader />}
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 && (
              <EmptyRow colSpan={canEdit ? 8 : 7}>
                {agreement.articles.length === 0
                  ? 'Avtalen har ingen artikler.'
                  : 'Ingen artikler passer filteret.'}
              </EmptyRow>
            )}
            {shown.map((article) => (
              <tr key={article.id} data-testid="article-row">
                <td>{article.supplierArticleNumber ?? '–'}</td>
                <td className="nowrap">{article.gtin ?? '–'}</td>
                <th scope="row">{article.description}</th>
                <td>{article.unit ?? '–'}</td>
                <td className="numeric">{formatPrice(article.price)}</td>
                <td>{article.productionCountry ?? '–'}</td>
                <td>{article.criticality ? criticalityLabels[article.criticality] : '–'}</td>
                {canEdit && (
                  <td>
                    <button
                      type="button"
                      className="button-link"
                      onClick={() => setEditing(article)}
                      aria-label={`Rediger ${article.description}`}
                    >
                      Rediger
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing && (
        <ArticleDialog
          agreement={agreement}
          article={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      )}
    </section>
  );
}

interface ArticleDialogProps {
  agreement: AgreementDetail;
  article: Article | null;
  onClose: () => void;
  onSaved: () => void;
}

function ArticleDialog({ agreement, article, onClose, onSaved }: ArticleDialogProps) {
  const form = useForm(
    {
      supplierArticleNumber: article?.supplierArticleNumber ?? '',
      gtin: article?.gtin ?? '',
      description: article?.description ?? '',
      unit: article?.unit ?? '',
      price: article?.price ?? '',
      productionCountry: article?.productionCountry ?? '',
      criticality: article?.criticality ?? '',
    },
    'art',
  );
  const { field, problem, isSaving } = form;

  async function save(event: FormEvent, isRemoving = false) {
    event.preventDefault();
    const orNull = (value: string) => value.trim() || null;
    const { values } = form;
    const input = {
      supplierArticleNumber: orNull(values.supplierArticleNumber),
      gtin: orNull(values.gtin),
      description: values.description,
      unit: orNull(values.unit),
      price: orNull(values.price),
      productionCountry: orNull(values.productionCountry),
      criticality: (values.criticality || null) as Criticality | null,
    };
    const others = agreement.articles.filter((item) => item.id !== article?.id).map(toArticleInput);
    const articles = isRemoving
      ? others
      : article
        ? agreement.articles.map((item) => (item.id === article.id ? input : toArticleInput(item)))
        : [...others, input];
    const sent = await form.submit(
      () => updateAgreement(agreement.id, { articles }),
      isRemoving ? undefined : { schema: articleInputSchema, body: input },
    );
    if (sent) onSaved();
  }

  return (
    <Dialog title={article ? 'Rediger artikkel' : 'Ny artikkel'} onClose={onClose} testId="article-dialog">
      <form onSubmit={(event) => void save(event)} noValidate>
        <fieldset disabled={isSaving} className="plain">
          <ErrorBox problem={problem} isFocusedOnShow testId="article-error" />
          <div className="form-grid">
            <TextField
              {...field('supplierArticleNumber')}
              id="art-number"
              label="Leverandørens artikkelnummer"
            />
            <TextField {...field('gtin')} label="GTIN" inputMode="numeric" />
          </div>
          <TextField {...field('description')} label="Beskrivelse" />
          <div className="form-grid">
            <TextField {...field('unit')} label="Enhet" />
            <TextField {...field('price')} label="Pris (NOK)" inputMode="decimal" />
          </div>
          <div className="form-grid">
            <TextField
              {...field('productionCountry')}
              id="art-country"
              label="Produksjonsland (landkode)"
              maxLength={2}
            />
            <SelectField
              {...field('criticality')}
              label="Kritikalitet"
              empty="Ikke vurdert"
              options={labelled(criticalityLevels, criticalityLabels)}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary" data-testid="article-save">
              Lagre artikkel
            </button>
            {article && (
              <button
                type="button"
                className="button button-danger"
                onClick={(event) => void save(event, true)}
              >
                Fjern artikkelen
              </button>
            )}
            <button type="button" className="button" onClick={onClose}>
              Avbryt
            </button>
          </div>
        </fieldset>
      </form>
    </Dialog>
  );
}
