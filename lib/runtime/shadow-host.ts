/**
 * The one way Second Look puts anything in a page: an empty host element with a CLOSED shadow root
 * holding the card styles. Page scripts see the host and nothing inside it; keystrokes inside stop at
 * the host, so they never reach the site's shortcuts.
 */
import cardCss from '../../components/warning-card.css?inline';

const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'paste', 'copy', 'cut'];

export interface ShadowHost {
  host: HTMLElement;
  /** A `.layer` element in the shadow root: position: fixed children are placed from here. */
  layer: HTMLElement;
  /** The shadow root itself, for what sits beside the layer (a live region). */
  shadow: ShadowRoot;
}

export function createShadowHost(container: Element): ShadowHost {
  const host = document.createElement('div');
  host.style.cssText = 'all:initial;position:static;';
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = cardCss;
  const layer = document.createElement('div');
  layer.className = 'layer';
  shadow.append(style, layer);
  for (const type of ISOLATED_EVENTS) host.addEventListener(type, (e) => e.stopPropagation());
  container.append(host);
  return { host, layer, shadow };
}

/** A polite live region, visually hidden, for announcing to screen readers. */
export function createLiveRegion(): HTMLElement {
  const live = document.createElement('div');
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  live.style.cssText = 'position:fixed;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap;';
  return live;
}
