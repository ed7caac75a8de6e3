/**
 * After an update or a reload, Chrome leaves the old content scripts in open tabs cut off from the
 * extension and does not inject the new ones until the page is loaded again. Staff should not have to
 * reload Facebook halfway through a post: inject the new scripts into the tabs that match. The new
 * script's start tells the old one to take its card and listeners away (WXT's ContentScriptContext).
 *
 * Needs "scripting" and the content scripts' sites as host permissions (the same sites the content
 * scripts already run on, so no new install warning); wxt.config.ts adds both to Chrome's build.
 * Firefox injects manifest content scripts into open tabs by itself.
 */
interface ScriptingApi {
  runtime: { getManifest(): { content_scripts?: { matches?: string[]; js?: string[] }[] } };
  tabs: { query(q: { url: string[] }): Promise<{ id?: number; discarded?: boolean }[]> };
  scripting: { executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown> };
}

export async function injectIntoOpenTabs(api: ScriptingApi): Promise<number> {
  let injected = 0;
  for (const script of api.runtime.getManifest().content_scripts ?? []) {
    if (!script.matches?.length || !script.js?.length) continue;
    const tabs = await api.tabs.query({ url: script.matches });
    await Promise.all(
      tabs.map(async (tab) => {
        if (tab.id === undefined || tab.discarded) return;
        // A tab that is closing, or shows an error page, refuses: it gets the script when it loads.
        await api.scripting.executeScript({ target: { tabId: tab.id }, files: script.js! }).then(() => injected++, () => undefined);
      }),
    );
  }
  return injected;
}

/** The host permissions injecting needs: every site the content scripts match, once each. */
export function contentScriptHosts(manifest: { content_scripts?: { matches?: string[] }[] }): string[] {
  return [...new Set((manifest.content_scripts ?? []).flatMap((s) => s.matches ?? []))];
}
