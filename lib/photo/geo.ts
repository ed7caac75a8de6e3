/**
 * Distances on the Earth, which school site a point is at, and the ~150 m areas that "This isn't at
 * school" remembers (as a salted hash, never the place). Pure.
 */
import { DEFAULT_RADIUS_METRES } from '../policy/photo-defaults';
import type { SchoolSite } from '../policy/photo-schema';
import type { Coordinates } from './metadata';

const EARTH_RADIUS_METRES = 6_371_000;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance (haversine), in metres. */
export function distanceMetres(a: Coordinates, b: Coordinates): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface SiteMatch {
  /** What the card calls the place: the site's name, or the school's. */
  name: string;
  distanceMetres: number;
}

/** The nearest school site whose radius the point is inside, if any. */
export function schoolSiteAt(point: Coordinates, sites: readonly SchoolSite[], schoolName: string | undefined): SiteMatch | undefined {
  let best: SiteMatch | undefined;
  for (const site of sites) {
    const d = distanceMetres(point, site);
    if (d > (site.radiusMetres ?? DEFAULT_RADIUS_METRES)) continue;
    if (!best || d < best.distanceMetres) best = { name: site.name?.trim() || schoolName?.trim() || 'the school', distanceMetres: d };
  }
  return best;
}

/** "about 80 m": rounded as a person would say it (GPS is not better than that anyway). */
export function roughDistance(metres: number): string {
  if (metres < 15) return 'within a few metres';
  if (metres < 100) return `about ${Math.round(metres / 10) * 10} m`;
  if (metres < 1000) return `about ${Math.round(metres / 50) * 50} m`;
  return `about ${(metres / 1000).toFixed(1)} km`;
}

/** Grid of cells about 150 m on a side: latitude in steps of 150 m, longitude scaled by the latitude. */
export const AREA_METRES = 150;
const LAT_STEP = (AREA_METRES / EARTH_RADIUS_METRES) * (180 / Math.PI);

function cellOf(point: Coordinates): string {
  const row = Math.floor(point.lat / LAT_STEP);
  // Longitude steps are fixed per row (from the row's own latitude), so every point of a cell agrees.
  const lonStep = LAT_STEP / Math.max(0.05, Math.cos(rad((row + 0.5) * LAT_STEP)));
  const col = Math.floor(point.lon / lonStep);
  return `${row}:${col}`;
}

/** The words "This isn't at school" remembers (hashed with a salt before they are kept) for this point. */
export function areaWords(point: Coordinates): string {
  return `area ${cellOf(point)}`;
}

/**
 * The remembered-area words to test for a point: its own cell and those of points half a cell away
 * in each direction, so that a photo taken a few metres from the one answered about, across a cell's
 * edge, is still recognised. A remembered area therefore covers its cell plus about 75 m around it.
 */
export function nearbyAreaWords(point: Coordinates): string[] {
  const half = LAT_STEP / 2;
  const lonHalf = half / Math.max(0.05, Math.cos(rad(point.lat)));
  const out = new Set<string>();
  for (const dLat of [-half, 0, half]) for (const dLon of [-lonHalf, 0, lonHalf]) out.add(areaWords({ lat: point.lat + dLat, lon: point.lon + dLon }));
  return [...out];
}
