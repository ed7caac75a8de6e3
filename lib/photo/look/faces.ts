/**
 * Counting faces in a picture (never who they are) with @vladmandic/human's BlazeFace detector on
 * tfjs's WebAssembly backend (WebGL on software rendering takes seconds). Model and WebAssembly come
 * from the extension's own files. Runs in a document: Chrome's offscreen document, Firefox's
 * background page.
 */
import { Human, type Config } from '@vladmandic/human';

const config = (base: string): Partial<Config> => ({
  backend: 'wasm',
  wasmPath: base,
  wasmPlatformFetch: false,
  modelBasePath: base,
  // Never keep models in IndexedDB, never run the bundled warm-up pictures, no WebGL filters.
  cacheModels: false,
  warmup: 'none',
  debug: false,
  async: true,
  cacheSensitivity: 0,
  skipAllowed: false,
  filter: { enabled: false },
  face: {
    enabled: true,
    detector: { enabled: true, modelPath: 'blazeface.json', rotation: false, maxDetected: 50, minConfidence: 0.5, minSize: 0, return: false, skipFrames: 0, skipTime: 0 },
    mesh: { enabled: false },
    attention: { enabled: false },
    iris: { enabled: false },
    description: { enabled: false },
    emotion: { enabled: false },
    antispoof: { enabled: false },
    liveness: { enabled: false },
    gear: { enabled: false },
  },
  body: { enabled: false },
  hand: { enabled: false },
  object: { enabled: false },
  gesture: { enabled: false },
  segmentation: { enabled: false },
});

export class FaceCounter {
  private human?: Human;
  private ready?: Promise<Human>;

  constructor(private readonly base: string) {}

  private load(): Promise<Human> {
    this.ready ??= (async () => {
      const human = new Human(config(this.base));
      // One thread: the threaded build needs a worker script of its own, and the page is cross-origin
      // isolated only by chance. Set before the backend starts, which reads it once.
      human.tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      await human.load();
      await human.init();
      // Never fall back to WebGL: on software rendering it takes seconds a photo.
      if (human.tf.getBackend() !== 'wasm') throw new Error(`faces: the WebAssembly backend did not start (got ${human.tf.getBackend()})`);
      this.human = human;
      return human;
    })();
    return this.ready;
  }

  async count(picture: HTMLCanvasElement | ImageBitmap): Promise<number> {
    const human = await this.load();
    const result = await human.detect(picture as never);
    return result.face.length;
  }

  dispose(): void {
    this.human?.tf.engine().reset();
    this.human = undefined;
    this.ready = undefined;
  }
}
