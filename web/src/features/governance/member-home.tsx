// My in-app notifications (varsler) and the unread badge; the cases waiting for my vote are in features/home.
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { toDisplayProblem, type Problem } from '../../shared/api-client.js';
import { ErrorBox } from '../../shared/error-box.js';
import { formatTimestamp } from '../../shared/format.js';
import { pageCountOf, pageOffset, Pager } from '../../shared/pager.js';
import { Badge } from '../../shared/ui.js';
import { useApi } from '../../shared/use-api.js';
import {
  announceNotificationsChanged,
  markNotificationRead,
  notificationsChangedEvent,
  notificationsPath,
  type Notification,
} from './governance-api.js';

interface NotificationPage {
  items: Notification[];
  total: number;
}
const PAGE_SIZE = 10;

/** The notifications inbox, newest first, unread marked, paged on the server; a link opens the case and marks it read. */
export function NotificationsInbox() {
  const [page, setPage] = useState(1);
  const notifications = useApi<NotificationPage>(
    notificationsPath(false, { limit: PAGE_SIZE, offset: pageOffset(page, PAGE_SIZE) }),
  );
  const unreadCount = useApi<NotificationPage>(notificationsPath(true, { limit: 1, offset: 0 }));
  const [problem, setProblem] = useState<Problem>();
  const shown = notifications.data?.items ?? [];
  const unread = unreadCount.data?.total ?? 0;

  async function markRead(item: Notification) {
    setProblem(undefined);
    try {
      await markNotificationRead(item.id);
      announceNotificationsChanged();
      notifications.reload();
      unreadCount.reload();
    } catch (error) {
      setProblem(toDisplayProblem(error));
    }
  }

  return (
    <section className="panel" aria-labelledby="varsler" data-testid="notifications">
      <div className="panel-header">
        <h2 id="varsler">Varsler {unread > 0 && <Badge tone="info">{unread} uleste</Badge>}</h2>
      </div>
      <ErrorBox problem={problem ?? notifications.problem} />
      {notifications.data && notifications.data.total === 0 && <p className="muted">Du har ingen varsler.</p>}
      {shown.length > 0 && (
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
      <Pager
        page={page}
        pageCount={pageCountOf(notifications.data?.total ?? 0, PAGE_SIZE)}
        onPage={setPage}
        testId="notifications-pager"
      />
    </section>
  );
}

/** The unread count beside "Oversikt" in the main menu; refreshed on navigation and after "marker som lest". */
export function UnreadBadge({ refreshKey }: { refreshKey: string }) {
  const unread = useApi<NotificationPage>(notificationsPath(true, { limit: 1, offset: 0 }));
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
  const count = unread.data?.total ?? 0;
  if (count === 0) return null;
  return (
    <span className="nav-count" data-testid="unread-count" title={`${count} uleste varsler`}>
      {count}
      <span className="visually-hidden"> uleste varsler</span>
    </span>
  );
}
