import { useState } from 'react';
import { routes } from '@kaimen/shared';
import { errorMessage } from '../../../api/error';
import { download, saveBlob } from '../../../api/files';
import { filterQuery, type InboxFilter } from './useInbox';

/** Downloads the inbox, as filtered, as an XLSX workbook. */
export function useExport(campaignId: string, filter: InboxFilter) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const exportXlsx = async () => {
    setBusy(true);
    setError(null);
    try {
      const blob = await download(routes.exportSuggestions, { params: { campaignId }, query: filterQuery(filter) });
      saveBlob(blob, `意见建议-${campaignId}.xlsx`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, exportXlsx };
}
