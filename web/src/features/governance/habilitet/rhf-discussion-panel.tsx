// "Drøftes med RHF-ene" on a case page (seed 001 §2.1): mark a høy-significance case before the vote, and each
// participating RHF's acknowledgement; the vote opens after the last one (if the governance rules say so).
import { useState } from 'react';
import type { z } from 'zod';
import type { rhfDiscussionSchema } from '@server/features/governance/habilitet/habilitet.schemas.js';
import { api, toDisplayProblem, type Problem } from '../../../shared/api-client.js';
import { ErrorBox } from '../../../shared/error-box.js';
import { formatDate } from '../../../shared/format.js';
import { Notice } from '../../../shared/ui.js';
import { useApi } from '../../../shared/use-api.js';
import type { CaseDto } from '../governance-api.js';

type RhfDiscussion = z.infer<typeof rhfDiscussionSchema>;

export function RhfDiscussionSection({
  sak,
  onChanged,
}: {
  sak: CaseDto;
  onChanged: (message: string) => void;
}) {
  const path = `/api/cases/${sak.id}/rhf-discussion`;
  const loaded = useApi<RhfDiscussion>(path);
  const [problem, setProblem] = useState<Problem>();
  const [isSaving, setIsSaving] = useState(false);
  const discussion = loaded.data;
  if (!discussion || (!discussion.marked && !discussion.viewer.canMark)) return null;

  async function run(action: () => Promise<unknown>, message: string) {
    setIsSaving(true);
    setProblem(undefined);
    try {
      await action();
      loaded.reload();
      onChanged(message);
    } catch (error) {
      setProblem(toDisplayProblem(error));
    } finally {
      setIsSaving(false);
    }
  }
  const rhfName = (id: string) => discussion.awaitingRhfs.find((r) => r.id === id)?.name ?? id;

  return (
    <section className="panel" aria-labelledby="rhf-discussion-heading" data-testid="rhf-discussion">
      <h2 id="rhf-discussion-heading">Drøftes med RHF-ene</h2>
      {!discussion.marked ? (
        <>
          <p className="hint">
            Saker av stor strategisk betydning drøftes med RHF-ene. Merk saken før styringsgruppen stemmer; da
            åpner avstemningen når hvert deltakende RHF har bekreftet at saken er drøftet.
          </p>
          <button
            type="button"
            disabled={isSaving}
            onClick={() =>
              void run(
                () => api.post(path, { note: null }),
                'Saken er merket «drøftes med RHF-ene», og RHF-enes kontaktpersoner er varslet.',
              )
            }
          >
            Merk: drøftes med RHF-ene
          </button>
        </>
      ) : (
        <>
          <p>
            Merket av {discussion.markedByName} {formatDate(discussion.markedOn)}
            {discussion.note && <span className="subtle"> – {discussion.note}</span>}
          </p>
          {discussion.voteBlocker ? (
            <Notice tone="warning" testId="rhf-discussion-blocker">
              {discussion.voteBlocker}
            </Notice>
          ) : (
            <Notice tone="success">
              {discussion.acknowledgementRequired
                ? 'Alle deltakende RHF har bekreftet; avstemningen er åpen.'
                : 'Styringsmodellen krever ikke RHF-enes bekreftelse; avstemningen er åpen.'}
            </Notice>
          )}
          <ul className="plain-list">
            {discussion.acknowledgements.map((a) => (
              <li key={a.rhfId}>
                {a.rhfName}: bekreftet av {a.acknowledgedByName}
                {a.acknowledgedAs === 'secretariat' ? ' (sekretariatet på RHF-ets vegne)' : ''}{' '}
                {formatDate(a.acknowledgedOn)}
              </li>
            ))}
            {discussion.awaitingRhfs.map((r) => (
              <li key={r.id}>{r.name}: venter på bekreftelse</li>
            ))}
          </ul>
          {discussion.viewer.canAcknowledgeRhfIds.map((id) => (
            <button
              key={id}
              type="button"
              disabled={isSaving}
              onClick={() =>
                void run(
                  () => api.post(`${path}/acknowledgements`, { rhfId: id, note: null }),
                  `${rhfName(id)} har bekreftet at saken er drøftet.`,
                )
              }
            >
              Bekreft drøftet for {rhfName(id)}
            </button>
          ))}
        </>
      )}
      <ErrorBox problem={problem} testId="rhf-discussion-error" />
    </section>
  );
}
