/** The little of `ws` (a pinned devDependency, also what puppeteer-core uses) that the bench's worker CDP client uses. */
declare module 'ws' {
  export default class WebSocket {
    constructor(url: string);
    on(event: 'message', listener: (data: unknown) => void): this;
    once(event: 'open' | 'error', listener: (e?: unknown) => void): this;
    send(data: string): void;
    close(): void;
  }
}
