import { useParams } from 'react-router';
import { HistoryPage } from '../../features/history/components/history-page';
import { RestoreDetailPage } from '../../features/history/components/restore-detail-page';

/** Restore History (its own lazy chunk). */
export function HistoryRoute() {
  return <HistoryPage />;
}

/** One restore of the history. */
export function RestoreDetailRoute() {
  const { restoreId = '' } = useParams();
  return <RestoreDetailPage key={restoreId} restoreId={restoreId} />;
}
