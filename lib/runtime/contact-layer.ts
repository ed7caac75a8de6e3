/**
 * Where pupil-contact's badges, banner and prompt are drawn: hosts with CLOSED shadow roots outside
 * the site's own DOM (the page sees empty elements, never the names or what matched), placed with
 * position: fixed next to what they are about.
 */
import { h, render } from 'preact';
import { ContactBadge, ContactPrompt, ProfileBanner, type ContactPromptProps } from '../../components/ContactNotices';
import type { ContactMatch } from '../engine/contact';
import { createLiveRegion, createShadowHost, type ShadowHost } from './shadow-host';

const GAP = 6;

/** Where the text itself is (a name's element may be a full-width block): the union of its text's boxes. */
function textRect(el: Element): DOMRect {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  const range = document.createRange();
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(), i = 0; n && i < 50; n = walker.nextNode(), i++) {
    if (!n.nodeValue?.trim()) continue;
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) {
      left = Math.min(left, r.left);
      top = Math.min(top, r.top);
      right = Math.max(right, r.right);
      bottom = Math.max(bottom, r.bottom);
    }
  }
  return right > left ? new DOMRect(left, top, right - left, bottom - top) : el.getBoundingClientRect();
}

export interface BannerProps {
  match: ContactMatch;
  /** The profile's name: the banner goes beside it (below it when there is no room). */
  anchor: Element;
  /** The profile's buttons: the banner never covers them. */
  avoid: Element[];
  onDismiss(): void;
}

export class ContactLayer {
  private surface?: ShadowHost;
  private badges: { anchor: Element; match: ContactMatch; el?: HTMLElement }[] = [];
  private banner?: { anchor: Element; avoid: Element[]; el?: HTMLElement };
  private promptHost?: ShadowHost;
  private promptFor?: Element;
  private announced = new Set<string>();
  private live?: HTMLElement;

  private ensureSurface(): ShadowHost {
    if (!this.surface) {
      this.surface = createShadowHost(document.body);
      this.live = createLiveRegion();
      this.surface.shadow.append(this.live);
    }
    if (!this.surface.host.isConnected) document.body.append(this.surface.host);
    return this.surface;
  }

  show(badges: { anchor: Element; match: ContactMatch }[], banner?: BannerProps): void {
    if (!badges.length && !banner && !this.surface) return;
    const { layer: root } = this.ensureSurface();
    render(
      h(
        'div',
        null,
        badges.map((b, i) => h('div', { key: i, class: 'badge-slot' }, h(ContactBadge, { match: b.match }))),
        banner ? h(ProfileBanner, { match: banner.match, onDismiss: banner.onDismiss }) : null,
      ),
      root,
    );
    this.banner = banner && { anchor: banner.anchor, avoid: banner.avoid, el: root.querySelector<HTMLElement>('.banner') ?? undefined };
    const slots = root.querySelectorAll<HTMLElement>('.badge-slot');
    this.badges = badges.map((b, i) => ({ ...b, el: slots[i]?.firstElementChild as HTMLElement | undefined }));
    // Screen readers hear about each new match once; the badges themselves sit outside the list.
    const fresh = badges.filter((b) => !this.announced.has(b.match.message));
    for (const b of fresh) this.announced.add(b.match.message);
    if (fresh.length && this.live) this.live.textContent = `Second Look: ${fresh.map((b) => b.match.message).join(' ')}`;
    this.position();
  }

  position(): void {
    for (const b of this.badges) {
      if (!b.el) continue;
      const r = textRect(b.anchor);
      const visible = b.anchor.isConnected && r.width + r.height > 0;
      b.el.style.display = visible ? '' : 'none';
      if (!visible) continue;
      const w = b.el.offsetWidth;
      const left = Math.min(r.right + GAP, window.innerWidth - w - 4);
      b.el.style.left = `${Math.max(4, left)}px`;
      b.el.style.top = `${r.top + r.height / 2 - b.el.offsetHeight / 2}px`;
    }
    this.positionBanner();
    this.positionPrompt();
  }

  /** Beside the profile's name, else below it, else below its buttons: never over the buttons, always in the viewport. */
  private positionBanner(): void {
    const el = this.banner?.el;
    if (!el || !this.banner) return;
    const r = textRect(this.banner.anchor);
    const w = el.offsetWidth;
    const hgt = el.offsetHeight;
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const avoid = this.banner.avoid.filter((a) => a.isConnected).map((a) => a.getBoundingClientRect()).filter((a) => a.width > 0);
    const lowest = Math.max(r.bottom, ...avoid.map((a) => a.bottom));
    const candidates = [
      { left: r.right + GAP, top: r.top + r.height / 2 - Math.min(hgt, 34) / 2 },
      { left: r.left, top: r.bottom + GAP },
      { left: r.left, top: lowest + GAP },
    ];
    const fits = (c: { left: number; top: number }) =>
      c.left >= 4 && c.top >= 4 && c.left + w <= vw - 4 && c.top + hgt <= vh - 4 &&
      !avoid.some((a) => c.left < a.right && a.left < c.left + w && c.top < a.bottom && a.top < c.top + hgt);
    const place = candidates.find(fits) ?? candidates[2];
    el.style.left = `${Math.max(4, Math.min(place.left, vw - w - 4))}px`;
    el.style.top = `${Math.max(4, Math.min(place.top, vh - hgt - 4))}px`;
  }

  prompt(control: Element, props: ContactPromptProps): void {
    this.closePrompt();
    // Inside an open modal dialog so its focus trap lets people reach the buttons.
    const dialog = control.closest('[role="dialog"][aria-modal="true"], dialog');
    this.promptHost = createShadowHost(dialog ?? document.body);
    this.promptFor = control;
    this.promptHost.host.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') props.onCancel();
    });
    const anchor = document.createElement('div');
    anchor.className = 'anchor';
    this.promptHost.layer.append(anchor);
    render(h(ContactPrompt, props), anchor);
    this.positionPrompt();
  }

  private positionPrompt(): void {
    if (!this.promptHost || !this.promptFor) return;
    const anchor = this.promptHost.layer.firstElementChild as HTMLElement | null;
    if (!anchor) return;
    const r = this.promptFor.getBoundingClientRect();
    const w = anchor.offsetWidth;
    const hgt = anchor.offsetHeight;
    const below = r.bottom + GAP;
    const top = below + hgt <= window.innerHeight - 4 ? below : Math.max(4, r.top - GAP - hgt);
    anchor.style.top = `${top}px`;
    anchor.style.left = `${Math.max(4, Math.min(r.left, window.innerWidth - w - 4))}px`;
  }

  closePrompt(): void {
    if (!this.promptHost) return;
    const anchor = this.promptHost.layer.firstElementChild;
    if (anchor) render(null, anchor);
    this.promptHost.host.remove();
    this.promptHost = undefined;
    this.promptFor = undefined;
  }

  destroy(): void {
    this.closePrompt();
    if (this.surface) {
      render(null, this.surface.layer);
      this.surface.host.remove();
    }
    this.surface = undefined;
  }
}
