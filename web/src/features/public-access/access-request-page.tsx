// One access request: a decision per document (innsyn / delvis innsyn / avslag with legal basis and § 12,
// the § 11 merinnsyn consideration), redaction of a PDF into its public variant, the answer sent by mail;
// afterwards the appeals (klage): register, send to the appeal body, record the outcome.
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { legalBases } from '@server/domain/offentleglova.rules.js';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { formatDate, todayIso } from '../../shared/format.js';
import { Badge, Loading, Notice, PageHeader } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { accessStatusLabels, accessTone } from '../documents/access-labels.js';
import { urgencyLabels, urgencyTone } from './access-requests-page.js';
import { publicAccessApi, type AccessRequestDto } from './public-access-api.js';
import { TextAreaField, TextField } from '../../shared/fields.js';

type Basis = keyof typeof legalBases;
const bases = Object.keys(legalBases) as Basis[];
interface Draft {
  decision: 'grant' | 'partly' | 'refuse';
  legalBasis: Basis | '';
  section12: '' | 'a' | 'b' | 'c';
  merinnsynAssessment: string;
}

export function AccessRequestPage() {
  const { id } = useParams<{ id: string }>();
  const request = useApi<AccessRequestDto>(`/api/access-requests/${id}`);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [problem, setProblem] = useState<Problem>();
  const [isSending, setIsSending] = useState(false);
  const data = request.data;
  if (!data) return request.problem ? <ErrorBox problem={request.problem} /> : <Loading />;

  const draftOf = (itemId: string, basis: AccessRequestDto['items'][number]['legalBasis']): Draft =>
    drafts[itemId] ?? {
      decision: 'grant',
      legalBasis: basis && basis !== 'offl14' ? basis : '',
      section12: '',
      merinnsynAssessment: '',
    };
  const update = (itemId: string, current: Draft, change: Partial<Draft>) =>
    setDrafts((d) => ({ ...d, [itemId]: { ...current, ...change } }));

  async function send(event: FormEvent) {
    event.preventDefault();
    setIsSending(true);
    setProblem(undefined);
    try {
      await publicAccessApi.answer(data!.id, {
        items: data!.items.map((item) => {
          const d = draftOf(item.id, item.legalBasis);
          return {
            itemId: item.id,
            decision: d.decision,
            legalBasis: d.decision === 'grant' || !d.legalBasis ? null : d.legalBasis,
            section12: d.decision === 'refuse' && d.section12 ? d.section12 : null,
            merinnsynAssessment: d.merinnsynAssessment.trim() || null,
          };
        }),
      });
      request.reload();
    } catch (error) {
      setProblem(toDisplayProblem(error));
    } finally {
      setIsSending(false);
    }
  }

  const isOpen = data.status !== 'answered';
  return (
    <>
      <PageHeader
        title={`Innsynskrav ${data.reference}`}
        lead={
          <>
            Mottatt {formatDate(data.receivedOn)} ({data.channel}) fra {data.requesterName ?? 'anonym'}{' '}
            {data.requesterEmail ? `<${data.requesterEmail}>` : ''}. Frist {formatDate(data.dueOn)}; regnes
            som avslag etter {formatDate(data.deemedRefusedAfter)}.{' '}
            <Badge tone={urgencyTone[data.urgency]}>{urgencyLabels[data.urgency]}</Badge>
          </>
        }
        actions={
          <Link className="button" to="/innsynskrav">
            Tilbake til køen
          </Link>
        }
      />
      {data.message && <p>Melding: {data.message}</p>}
      {isOpen ? (
        <form onSubmit={send} data-testid="answer-form">
          <ErrorBox problem={problem} isFocusedOnShow />
          {data.items.map((item, index) => {
            const d = draftOf(item.id, item.legalBasis);
            return (
              <fieldset key={item.id} className="panel" data-testid="answer-item">
                <legend>
                  {index + 1}. {item.title ?? item.description}
                </legend>
                <p className="subtle">
                  Journalpost {item.journalNumber ?? '–'} · offentlig tittel: {item.publicTitle ?? '–'}{' '}
                  {item.accessStatus && (
                    <Badge tone={accessTone[item.accessStatus]}>
                      {accessStatusLabels[item.accessStatus]}
                    </Badge>
                  )}
                  {item.hasVariant && ' · sladdet versjon finnes'}
                </p>
                <div className="inline-options" role="radiogroup" aria-label="Avgjørelse">
                  {(
                    [
                      ['grant', 'Innsyn'],
                      ['partly', 'Delvis innsyn'],
                      ['refuse', 'Avslag'],
                    ] as const
                  ).map(([value, label]) => (
                    <label key={value} className="check-label">
                      <input
                        type="radio"
                        name={`decision-${item.id}`}
                        value={value}
                        checked={d.decision === value}
                        onChange={() => update(item.id, d, { decision: value })}
                      />{' '}
                      {label}
                    </label>
                  ))}
                </div>
                {d.decision !== 'grant' && (
                  <div className="field">
                    <label htmlFor={`basis-${item.id}`}>Hjemmel (paragraf og ledd)</label>
                    <select
                      id={`basis-${item.id}`}
                      value={d.legalBasis}
                      onChange={(e) => update(item.id, d, { legalBasis: e.target.value as Basis })}
                    >
                      <option value="">Velg</option>
                      {bases.map((b) => (
                        <option key={b} value={b}>
                          {legalBases[b].text}
                        </option>
                      ))}
                    </select>
                  </div>
                )}
                {d.decision === 'refuse' && (
                  <div className="field">
                    <label htmlFor={`s12-${item.id}`}>Hele dokumentet etter offl. § 12</label>
                    <select
                      id={`s12-${item.id}`}
                      value={d.section12}
                      onChange={(e) =>
                        update(item.id, d, { section12: e.target.value as Draft['section12'] })
                      }
                    >
                      <option value="">Ikke aktuelt</option>
                      <option value="a">Bokstav a</option>
                      <option value="b">Bokstav b</option>
                      <option value="c">Bokstav c</option>
                    </select>
                  </div>
                )}
                <div className="field">
                  <label htmlFor={`merinnsyn-${item.id}`}>Vurdering av merinnsyn (offl. § 11)</label>
                  <textarea
                    id={`merinnsyn-${item.id}`}
                    rows={2}
                    value={d.merinnsynAssessment}
                    onChange={(e) => update(item.id, d, { merinnsynAssessment: e.target.value })}
                  />
                </div>
                {d.decision === 'partly' && item.documentId && (
                  <RedactPanel documentId={item.documentId} basis={d.legalBasis} onDone={request.reload} />
                )}
              </fieldset>
            );
          })}
          <div className="form-actions">
            <button
              type="submit"
              className="button button-primary"
              disabled={isSending}
              data-testid="send-answer"
            >
              {isSending ? 'Sender …' : 'Send svar'}
            </button>
          </div>
        </form>
      ) : (
        <section className="panel" aria-labelledby="answer-heading">
          <h2 id="answer-heading">Svar sendt {formatDate(data.answeredOn)}</h2>
          <Notice tone="success" testId="answered">
            Besvart av {data.answeredBy}. Klagefrist {formatDate(data.appealDeadline)}.
          </Notice>
          <pre className="answer-text" data-testid="answer-text">
            {data.answerText}
          </pre>
        </section>
      )}
      {data.status !== 'received' && <Appeals request={data} onChange={request.reload} />}
    </>
  );
}

function RedactPanel({
  documentId,
  basis,
  onDone,
}: {
  documentId: string;
  basis: Basis | '';
  onDone: () => void;
}) {
  const [words, setWords] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [result, setResult] = useState<string>();
  async function redact() {
    setProblem(undefined);
    try {
      const variant = await publicAccessApi.redact(
        documentId,
        words
          .split(/\n|;/)
          .map((w) => w.trim())
          .filter(Boolean)
          .map((text) => ({ text, legalBasis: basis || 'offl13fvl13nr2' })),
      );
      setResult(
        `Sladdet versjon laget (${Object.entries(variant.matches ?? {})
          .map(([, n]) => `${n} treff`)
          .join(', ')}). Teksten er fjernet fra filen.`,
      );
      onDone();
    } catch (error) {
      setProblem(toDisplayProblem(error));
    }
  }
  return (
    <div className="subform" data-testid="redact-panel">
      <div className="field">
        <label htmlFor={`redact-${documentId}`}>Ord eller uttrykk som skal sladdes (ett per linje)</label>
        <textarea
          id={`redact-${documentId}`}
          rows={3}
          value={words}
          onChange={(e) => setWords(e.target.value)}
        />
      </div>
      <button type="button" className="button" onClick={() => void redact()} data-testid="redact">
        Lag sladdet versjon
      </button>
      <ErrorBox problem={problem} />
      {result && (
        <Notice tone="success" testId="redacted">
          {result}{' '}
          <a href={`/api/documents/${documentId}/public-variant/content`}>
            Kontroller den sladdede versjonen
          </a>
        </Notice>
      )}
    </div>
  );
}

function Appeals({ request, onChange }: { request: AccessRequestDto; onChange: () => void }) {
  const [reason, setReason] = useState('');
  const [receivedOn, setReceivedOn] = useState(todayIso());
  const [problem, setProblem] = useState<Problem>();
  const run = async (work: () => Promise<unknown>) => {
    setProblem(undefined);
    try {
      await work();
      onChange();
    } catch (error) {
      setProblem(toDisplayProblem(error));
    }
  };
  return (
    <section className="panel" aria-labelledby="appeals-heading">
      <h2 id="appeals-heading">Klager</h2>
      <ErrorBox problem={problem} />
      <ul>
        {request.appeals.map((a) => (
          <li key={a.id}>
            Mottatt {formatDate(a.receivedOn)}: {a.reason} —{' '}
            {a.forwardedOn
              ? `sendt ${a.appealBody} ${formatDate(a.forwardedOn)}`
              : 'ikke sendt klageinstansen'}
            {a.outcome !== 'pending' ? ` · utfall: ${a.outcome}` : ''}{' '}
            {!a.forwardedOn && (
              <button
                type="button"
                className="button button-small"
                onClick={() => void run(() => publicAccessApi.forwardAppeal(a.id))}
              >
                Send til klageinstansen
              </button>
            )}
            {a.forwardedOn && a.outcome === 'pending' && (
              <>
                {(
                  [
                    ['upheld', 'Avslaget opprettholdt'],
                    ['partlyReversed', 'Delvis omgjort'],
                    ['reversed', 'Omgjort'],
                  ] as const
                ).map(([value, label]) => (
                  <button
                    key={value}
                    type="button"
                    className="button button-small"
                    onClick={() =>
                      void run(() => publicAccessApi.appealOutcome(a.id, { outcome: value, note: null }))
                    }
                  >
                    {label}
                  </button>
                ))}
              </>
            )}
          </li>
        ))}
      </ul>
      <form
        className="form-grid"
        onSubmit={(event) => {
          event.preventDefault();
          void run(() => publicAccessApi.registerAppeal(request.id, { receivedOn, reason }));
        }}
      >
        <TextField
          id="appeal-date"
          label="Klage mottatt"
          type="date"
          value={receivedOn}
          onChange={setReceivedOn}
        />
        <TextAreaField
          id="appeal-reason"
          label="Hva klagen gjelder"
          rows={2}
          value={reason}
          onChange={setReason}
        />
        <div className="form-actions">
          <button type="submit" className="button">
            Registrer klage
          </button>
        </div>
      </form>
    </section>
  );
}
