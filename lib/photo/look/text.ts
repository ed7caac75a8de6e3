/**
 * Reading text in a picture (a sign, a banner, a school jumper) with tesseract.js, its worker, its
 * WebAssembly core and the English LSTM data all served from the extension (each defaults to a CDN).
 * Runs in a document with Worker: Chrome's offscreen document, Firefox's background page.
 */
import Tesseract from 'tesseract.js/dist/tesseract.esm.min.js';
import { confidentLines } from './text-lines';

export class TextReader {
  private worker?: Promise<Tesseract.Worker>;

  constructor(private readonly base: string) {}

  private load(): Promise<Tesseract.Worker> {
    this.worker ??= Tesseract.createWorker('eng', Tesseract.OEM.LSTM_ONLY, {
      workerPath: `${this.base}worker.min.js`,
      corePath: `${this.base}tesseract-core-simd-lstm.js`,
      langPath: this.base.replace(/\/$/, ''),
      gzip: true,
      // Never keep the language data in IndexedDB; a blob: worker would break the extension's CSP.
      cacheMethod: 'none',
      workerBlobURL: false,
      logger: () => undefined,
      errorHandler: () => undefined,
    }).then(async (w) => {
      // Sparse text: signs and banners are a few words anywhere in a photo, not a page of text.
      await w.setParameters({ tessedit_pageseg_mode: Tesseract.PSM.SPARSE_TEXT });
      return w;
    });
    return this.worker;
  }

  async read(picture: HTMLCanvasElement): Promise<string> {
    const worker = await this.load();
    const { data } = await worker.recognize(picture, {}, { text: false, blocks: true });
    return confidentLines(data.blocks);
  }

  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await (await worker)?.terminate();
  }
}
