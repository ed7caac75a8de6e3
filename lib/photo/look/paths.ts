/**
 * Where the face and text models live inside the built extension (copied there by wxt.config.ts from
 * their npm packages). Every path is the extension's own: nothing is fetched from anywhere else.
 */
export const LOOK_ASSETS = {
  /** @vladmandic/human's BlazeFace model, and tfjs-backend-wasm's WebAssembly for it. */
  faces: 'look/faces/',
  /** tesseract.js's worker, its WebAssembly core and the English (LSTM) language data. */
  ocr: 'look/ocr/',
} as const;

/** The files copied into the build: source in node_modules → path in the extension. */
export const LOOK_FILES: readonly { from: string; to: string }[] = [
  { from: '@vladmandic/human/models/blazeface.json', to: `${LOOK_ASSETS.faces}blazeface.json` },
  { from: '@vladmandic/human/models/blazeface.bin', to: `${LOOK_ASSETS.faces}blazeface.bin` },
  { from: '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm', to: `${LOOK_ASSETS.faces}tfjs-backend-wasm.wasm` },
  { from: '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm', to: `${LOOK_ASSETS.faces}tfjs-backend-wasm-simd.wasm` },
  { from: 'tesseract.js/dist/worker.min.js', to: `${LOOK_ASSETS.ocr}worker.min.js` },
  { from: 'tesseract.js-core/tesseract-core-simd-lstm.js', to: `${LOOK_ASSETS.ocr}tesseract-core-simd-lstm.js` },
  { from: 'tesseract.js-core/tesseract-core-simd-lstm.wasm', to: `${LOOK_ASSETS.ocr}tesseract-core-simd-lstm.wasm` },
  { from: '@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz', to: `${LOOK_ASSETS.ocr}eng.traineddata.gz` },
];
