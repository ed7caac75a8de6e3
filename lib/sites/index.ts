/** Every site adapter, by site id. */
import type { Site } from '../policy/rule-ids';
import { facebook } from './facebook';
import { instagram } from './instagram';
import { tiktok } from './tiktok';
import type { SiteAdapter } from './types';
import { x } from './x';

export const ADAPTERS: Record<Site, SiteAdapter> = { facebook, x, instagram, tiktok };
