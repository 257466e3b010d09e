// My in-app notifications (varsler) and the unread badge; the cases waiting for my vote are in features/home.
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { formatTimestamp } from '../../shared/format.js';
import { Badge } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import {
  announceNotificationsChanged,
  markNotificationRead,
  notificationsChangedEvent,
  notificationsPath,
  type Notification,
} from './governance-api.js';

/** The notifications inbox, newest first, unread marked; a link opens the case and marks it read. */
export function NotificationsInbox() {
  const notifications = useApi<Notification[]>(notificationsPath(false));
  const [problem, setProblem] = useState<Problem>();
  const [isShowingAll, setIsShowingAll] = useState(false);
  const list = notifications.data ?? [];
  const unread = list.filter((item) => !item.readAt);
  const shown = isShowingAll ? list : list.slice(0, 10);

  async function markRead(item: Notification) {
    setProblem(undefined);
    try {
      await markNotificationRead(item.id);
      announceNotificationsChanged();
      notifications.reload();
    } catch (error) {
      setProblem(toDisplayProblem(error));
    }
  }

  return (
    <section className="panel" aria-labelledby="varsler" data-testid="notifications">
      <div className="panel-header">
        <h2 id="varsler">Varsler {unread.length > 0 && <Badge tone="info">{unread.length} uleste</Badge>}</h2>
      </div>
      <ErrorBox problem={problem ?? notifications.problem} />
      {notifications.data && list.length === 0 && <p className="muted">Du har ingen varsler.</p>}
      {list.length > 0 && (
        <ul className="notification-list">
          {shown.map((item) => (
            <li
              key={item.id}
              className={item.readAt ? 'notification' : 'notification notification-unread'}
              data-testid="notification"
              data-read={item.readAt ? 'true' : 'false'}
            >
              <div>
                {item.link ? (
                  <Link to={item.link} onClick={() => !item.readAt && void markRead(item)}>
                    {item.title}
                  </Link>
                ) : (
                  <strong>{item.title}</strong>
                )}
                {item.body && <span className="subtle">{item.body}</span>}
                <span className="subtle">{formatTimestamp(item.createdAt)}</span>
              </div>
              {!item.readAt && (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => void markRead(item)}
                  data-testid="mark-read"
                >
                  Marker som lest
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {list.length > 10 && (
        <button type="button" className="button-link" onClick={() => setIsShowingAll((value) => !value)}>
          {isShowingAll ? 'Vis færre' : `Vis alle ${list.length}`}
        </button>
      )}
    </section>
  );
}

/** The unread count beside "Oversikt" in the main menu; refreshed on navigation and after "marker som lest". */
export function UnreadBadge({ refreshKey }: { refreshKey: string }) {
  const unread = useApi<Notification[]>(notificationsPath(true));
  const { reload } = unread;
  useEffect(() => {
    window.addEventListener(notificationsChangedEvent, reload);
    return () => window.removeEventListener(notificationsChangedEvent, reload);
  }, [reload]);
  const [seenKey, setSeenKey] = useState(refreshKey);
  if (seenKey !== refreshKey) {
    setSeenKey(refreshKey);
    reload();
  }
  const count = unread.data?.length ?? 0;
  if (count === 0) return null;
  return (
    <span className="nav-count" data-testid="unread-count" title={`${count} uleste varsler`}>
      {count}
      <span className="visually-hidden"> uleste varsler</span>
    </span>
  );
}
