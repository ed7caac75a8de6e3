/**
 * Tell the content scripts in every open tab to check their editors again (messages.ts,
 * RecheckNotice). Tabs are listed without the "tabs" permission (ids only); a tab with no content
 * script of ours refuses the message, which is expected and ignored.
 */
import type { RecheckNotice } from '../messages';

interface TabsApi {
  tabs: {
    query(q: Record<string, never>): Promise<{ id?: number; discarded?: boolean }[]>;
    sendMessage(tabId: number, message: RecheckNotice): Promise<unknown>;
  };
}

export async function notifyPages(api: TabsApi, notice: RecheckNotice): Promise<number> {
  const tabs = await api.tabs.query({});
  let told = 0;
  await Promise.all(
    tabs.map((tab) => (tab.id === undefined || tab.discarded ? undefined : api.tabs.sendMessage(tab.id, notice).then(() => told++, () => undefined))),
  );
  return told;
}
