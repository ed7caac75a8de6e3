/**
 * Reads some keys of the extension's storage.local and follows their changes, so the popup and the
 * options page show what the background has just decided (policy in force, exceptions, counts).
 */
import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';

export type LocalValues = Record<string, unknown>;

/** `undefined` until the first read answers. */
export function useLocalStorage(keys: readonly string[]): LocalValues | undefined {
  const [values, setValues] = useState<LocalValues | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void browser.storage.local.get([...keys]).then((got) => {
      if (live) setValues((prev) => ({ ...got, ...prev }));
    });
    const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      if (area !== 'local') return;
      const mine = keys.filter((k) => k in changes);
      if (!mine.length) return;
      setValues((prev) => {
        const next = { ...prev };
        for (const k of mine) next[k] = changes[k].newValue;
        return next;
      });
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [keys.join('|')]);
  return values;
}
