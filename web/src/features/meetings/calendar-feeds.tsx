// Kalenderabonnement (.ics) for Outlook/Teams: en hemmelig lenke per styringsgruppe eller for alle mine møter.
// Serveren viser lenken bare én gang (den lagrer bare et hash); en lenke kan trekkes tilbake.
import { useState } from 'react';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { formatTimestamp } from '../../shared/format.js';
import { Badge, Loading } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import { feedsPath, meetingsApi, type Feed } from './meetings-api.js';

/** How to subscribe in Outlook, in short. */
export function OutlookHelp() {
  return (
    <details className="hint" data-testid="outlook-help">
      <summary>Slik abonnerer du i Outlook</summary>
      <ol>
        <li>Kopier lenken.</li>
        <li>
          Outlook på nett: <em>Kalender</em> → <em>Legg til kalender</em> → <em>Abonner fra nettet</em>, lim
          inn lenken og gi kalenderen et navn. I Outlook for Windows: <em>Legg til kalender</em> →{' '}
          <em>Fra Internett</em>.
        </li>
        <li>
          Outlook henter endringer selv (flyttede og avlyste møter), vanligvis i løpet av noen timer. Teams
          viser den samme kalenderen.
        </li>
      </ol>
      <p>
        Lenken er personlig og gir innsyn i møtene uten innlogging: ikke del den. Trekk den tilbake hvis den
        kommer på avveie, og lag en ny. Mister du tilgangen til gruppen, slutter lenken å virke.
      </p>
    </details>
  );
}

/**
 * My calendar links for one group (`steeringGroupId`) or for all my meetings (`null`); with `showAll`, every
 * link I have, with the group named by `groupName`.
 */
export function CalendarFeeds({
  steeringGroupId,
  showAll = false,
  groupName = () => 'Styringsgruppe',
}: {
  steeringGroupId: string | null;
  showAll?: boolean;
  groupName?: (id: string) => string;
}) {
  const feeds = useApi<Feed[]>(feedsPath);
  const [created, setCreated] = useState<{ id: string; url: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [problem, setProblem] = useState<Problem>();

  const run = async (action: () => Promise<void>) => {
    setProblem(undefined);
    try {
      await action();
      feeds.reload();
    } catch (error) {
      setProblem(toDisplayProblem(error));
    }
  };
  const create = () =>
    run(async () => {
      const feed = await meetingsApi.createFeed(steeringGroupId);
      setCreated({ id: feed.id, url: feed.url });
      setCopied(false);
    });
  const revoke = (id: string) =>
    run(async () => {
      await meetingsApi.revokeFeed(id);
      if (created?.id === id) setCreated(null);
    });
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setProblem(
        toDisplayProblem(new Error('Nettleseren tillot ikke kopiering. Merk lenken og kopier den selv.')),
      );
    }
  };

  const live = (feeds.data ?? []).filter(
    (f) => !f.revokedAt && (showAll || f.steeringGroupId === steeringGroupId),
  );
  const scope = (f: Feed) => (f.steeringGroupId ? groupName(f.steeringGroupId) : 'Alle mine møter');

  return (
    <div data-testid="calendar-feeds">
      <ErrorBox problem={problem ?? feeds.problem} testId="feed-error" />
      <p className="muted">
        {steeringGroupId
          ? 'Abonner på gruppens møter i Outlook eller Teams med en personlig kalenderlenke (.ics).'
          : 'Abonner på alle møtene i gruppene dine i Outlook eller Teams med en personlig kalenderlenke (.ics).'}
      </p>
      {created && (
        <div className="alert alert-info" role="status" data-testid="feed-created">
          <p className="alert-title">Kalenderlenken er laget – den vises bare nå</p>
          <div className="input-with-button">
            <label className="visually-hidden" htmlFor={`feed-url-${created.id}`}>
              Kalenderlenke
            </label>
            <input
              id={`feed-url-${created.id}`}
              readOnly
              value={created.url}
              onFocus={(e) => e.target.select()}
              data-testid="feed-url"
            />
            <button
              type="button"
              className="button button-small"
              onClick={() => void copy(created.url)}
              data-testid="copy-feed-url"
            >
              {copied ? 'Kopiert' : 'Kopier'}
            </button>
          </div>
        </div>
      )}
      <OutlookHelp />
      {feeds.isLoading && !feeds.data && <Loading />}
      {live.length > 0 && (
        <ul className="plain-list" data-testid="feed-list">
          {live.map((feed) => (
            <li key={feed.id} data-testid="feed-row">
              {showAll && <strong>{scope(feed)}: </strong>}
              Lenke laget {formatTimestamp(feed.createdAt)} <Badge tone="ok">Aktiv</Badge>{' '}
              <button
                type="button"
                className="button-link"
                onClick={() => void revoke(feed.id)}
                data-testid="revoke-feed"
              >
                Trekk tilbake
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void create()} data-testid="make-feed">
          {live.length > 0 ? 'Lag en ny kalenderlenke' : 'Lag kalenderlenke'}
        </button>
      </div>
    </div>
  );
}

/** /kalender: my links, for all my meetings and per group. */
