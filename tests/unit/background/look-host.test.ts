import { describe, expect, it } from 'vitest';
import { createLookHost, LOOK_PAGE } from '../../../lib/background/look-host';

function fakeChrome() {
  const calls: string[] = [];
  let open = false;
  const offscreen = {
    createDocument: async (p: { url: string; reasons: string[] }) => {
      calls.push(`create ${p.url} ${p.reasons.join(',')}`);
      open = true;
    },
    closeDocument: async () => {
      calls.push('close');
      open = false;
    },
  };
  const runtime = {
    getURL: (p: string) => `chrome-extension://id/${p}`,
    getContexts: async () => (open ? [{ contextType: 'OFFSCREEN_DOCUMENT' }] : []),
    sendMessage: async (m: { request: { faces: boolean } }) => {
      calls.push('look');
      return { faces: m.request.faces ? 2 : undefined, ms: { decode: 1 } };
    },
  };
  return { calls, offscreen, runtime };
}

describe('where pictures are looked at', () => {
  it('opens one offscreen document on the first photo (reason WORKERS) and reuses it', async () => {
    const c = fakeChrome();
    const host = createLookHost(c)!;
    expect(host.open).toBe(false);
    await Promise.all([host.look({ image: '', faces: true, text: false }), host.look({ image: '', faces: true, text: false })]);
    await host.look({ image: '', faces: false, text: true });
    expect(c.calls.filter((x) => x.startsWith('create'))).toEqual([`create ${LOOK_PAGE} WORKERS`]);
    expect(c.calls.filter((x) => x === 'look')).toHaveLength(3);
  });

  it('closes it when the document says it has been idle, and opens it again for the next photo', async () => {
    const c = fakeChrome();
    const host = createLookHost(c)!;
    await host.look({ image: '', faces: true, text: false });
    await new Promise((r) => setTimeout(r, 1100));
    host.onIdle({ type: 'second-look:look-idle' });
    expect(c.calls.at(-1)).toBe('close');
    expect(host.open).toBe(false);
    await host.look({ image: '', faces: true, text: false });
    expect(c.calls.filter((x) => x.startsWith('create'))).toHaveLength(2);
  });

  it('does not close it while a photo has just been looked at', async () => {
    const c = fakeChrome();
    const host = createLookHost(c)!;
    await host.look({ image: '', faces: true, text: false });
    host.onIdle({ type: 'second-look:look-idle' });
    expect(c.calls).not.toContain('close');
  });

  it('is there only where the browser can: no offscreen API and no document means metadata only', () => {
    expect(createLookHost({ runtime: fakeChrome().runtime })).toBeUndefined();
  });
});
