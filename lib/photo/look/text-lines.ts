/** tesseract's result as lines of the words it was sure enough of (the browser's reader and `check --image` alike). */
import type Tesseract from 'tesseract.js';

/** Words read with less confidence than this are left out: textures read as letters otherwise. */
export const MIN_CONFIDENCE = 60;

export function confidentLines(blocks: Tesseract.Block[] | null | undefined): string {
  const lines: string[] = [];
  for (const block of blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const words = line.words.filter((w) => w.confidence >= MIN_CONFIDENCE).map((w) => w.text);
        if (words.length) lines.push(words.join(' '));
      }
    }
  }
  return lines.join('\n');
}
