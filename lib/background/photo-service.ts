/**
 * Photos attached in a page, in the background worker: step 1 reads the metadata the page sent
 * (EXIF/XMP in the file's first bytes, or a video's boxes the page read) against the school's sites
 * and day; step 2 has a shrunk copy looked at (faces, text) where the browser can, and runs the text
 * through the same engine as posts. Nothing is kept: no photo, no place, no text.
 */
import type { Engine } from '../engine/check';
import { RULES } from '../engine/rules/catalogue';
import { bytesFromBase64 } from '../photo/base64';
import { HEAD_BYTES } from '../photo/page-reader';
import { metadataSignals, PHOTO_RULE, photoChecksOf, textSignals, type IsException } from '../photo/assess';
import { isDrawable } from '../photo/file-kind';
import type { PhotoLookRequest, PhotoLookResponse, PhotoRequest, PhotoResponse } from '../photo/messages';
import { readPhotoMetadata, type PhotoMetadata } from '../photo/metadata';
import type { AttachmentKind, PhotoRuleInfo } from '../photo/signals';
import type { Policy } from '../policy/schema';
import type { LookHost } from './look-host';

export interface PhotoContext {
  engine: Engine;
  isException: IsException;
}


export function photoRuleInfo(policy: Policy): PhotoRuleInfo {
  const settings = policy.rules?.[PHOTO_RULE];
  const url = policy.policyUrl;
  return {
    enabled: settings?.enabled !== false,
    ...(settings?.severity ? { severity: settings.severity } : {}),
    clause: { text: settings?.clause ?? RULES[PHOTO_RULE].clause, bySchool: Boolean(settings?.clause), ...(url ? { url } : {}) },
    advice: RULES[PHOTO_RULE].advice,
  };
}

function attachmentKind(kind: PhotoRequest['kind']): AttachmentKind {
  if (kind === 'heic') return 'heic';
  if (kind === 'video') return 'video';
  return isDrawable(kind) ? 'photo' : 'other';
}

export class PhotoService {
  constructor(
    private readonly context: () => Promise<PhotoContext>,
    private readonly host: LookHost | undefined,
  ) {}

  async metadata(request: PhotoRequest): Promise<PhotoResponse> {
    const { engine, isException } = await this.context();
    const policy = engine.compiled.policy;
    const rule = photoRuleInfo(policy);
    const mode = policy.mode ?? 'warn';
    const kind = attachmentKind(request.kind);
    const siteOn = policy.sites?.[request.site]?.enabled !== false;
    if (!rule.enabled || !siteOn || kind === 'other') return { rule, mode, signals: { kind, look: 'skipped' }, look: null };
    let meta: PhotoMetadata = {};
    if (kind === 'video') meta = request.video ?? {};
    else if (typeof request.head === 'string') meta = await readPhotoMetadata(bytesFromBase64(request.head.slice(0, Math.ceil((HEAD_BYTES * 4) / 3) + 4)));
    const checks = photoChecksOf(policy);
    const look = kind === 'photo' && this.host && (checks.faces || checks.text) ? { faces: checks.faces, text: checks.text } : null;
    return { rule, mode, signals: { kind, ...metadataSignals(meta, policy, isException), look: look ? 'pending' : 'skipped' }, look };
  }

  async look(request: PhotoLookRequest): Promise<PhotoLookResponse> {
    const started = performance.now();
    if (!this.host || typeof request.image !== 'string') return { failed: true };
    const { engine, isException } = await this.context();
    const checks = photoChecksOf(engine.compiled.policy);
    const result = await this.host.look({ image: request.image, faces: Boolean(request.faces && checks.faces), text: Boolean(request.text && checks.text) });
    if (result.error) {
      console.warn('Second Look: could not look at a photo', result.error);
      return { failed: true };
    }
    return {
      ...(result.faces !== undefined ? { faces: result.faces } : {}),
      ...(result.text !== undefined ? { text: textSignals(result.text, engine, request.site, isException) } : {}),
      ms: { ...result.ms, total: performance.now() - started },
    };
  }
}
