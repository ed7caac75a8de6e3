/**
 * The benchmark's rosters and posts, shared by `npm run bench` and the profiling tools beside it
 * (tests/bench/profile-engine.ts): rosters of any size made deterministically from the name
 * fixtures, each a prefix of the largest, and ~2,000-character posts that name people from the first
 * entries, so the same posts find the same people whatever the roster's size.
 */
import { mulberry32, readNameFixture, weightedPicker } from '../support/name-samples';
import type { Policy } from '../../lib/policy/schema';

export const POST_CHARS = 2000;
const STAFF_SHARE = 150 / 2150;
export type Rng = () => number;
export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];

function readCsv<T>(file: string): T[] {
  return readNameFixture<T>(file);
}

// ---------------------------------------------------------------------------------------------
// Rosters

interface GivenRow { name: string; sex: string; count: number }
interface SurnameRow { surname: string; count: number }

export const given = readCsv<GivenRow>('given-names.csv').filter((r) => r.name);
export const surnames = readCsv<SurnameRow>('surnames.csv').filter((r) => r.surname);

interface Person { name: string; aliases?: string[] }
interface Staff extends Person { role: string }

const ROLES = ['Headteacher', 'Deputy Headteacher', 'SENCO', 'Year 6 teacher', 'Year 2 teacher', 'Reception teacher', 'Teaching assistant', 'School business manager', 'Midday supervisor', 'Site manager', 'Governor'];
const NICK_ENDINGS = ['o', 'y', 'ie', 'zy', 's'];

/** The full pupil and staff lists; each roster is a prefix of these. */
function makePeople(pupilCount: number, staffCount: number): { pupils: Person[]; staff: Staff[] } {
  const rng = mulberry32(20240917);
  const givenPick = weightedPicker(given, (r) => Math.sqrt(r.count));
  const surnamePick = weightedPicker(surnames, (r) => Math.sqrt(r.count));
  const seen = new Set<string>();
  const fresh = (middle: boolean): string => {
    for (;;) {
      const first = givenPick(rng).name;
      const last = surnamePick(rng).surname;
      const name = middle ? `${first} ${givenPick(rng).name} ${last}` : `${first} ${last}`;
      const key = `${first} ${last}`.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      return name;
    }
  };
  const pupils: Person[] = [];
  for (let i = 0; i < pupilCount; i++) {
    const name = fresh(rng() < 0.1);
    const p: Person = { name };
    if (rng() < 0.05) {
      const first = name.split(' ')[0];
      p.aliases = [first.slice(0, Math.max(3, first.length - 2)) + pick(rng, NICK_ENDINGS)];
    }
    pupils.push(p);
  }
  const staff: Staff[] = [];
  for (let i = 0; i < staffCount; i++) staff.push({ name: fresh(false), role: i === 0 ? 'Headteacher' : pick(rng, ROLES) });
  return { pupils, staff };
}

const MAX_STAFF = Math.round(10000 * STAFF_SHARE);
export const PEOPLE = makePeople(10000 - MAX_STAFF, MAX_STAFF);

export function rosterPolicy(names: number): Policy {
  const staffCount = Math.round(names * STAFF_SHARE);
  return {
    schoolName: 'Oakfield Primary School',
    schoolAliases: ['Oakfield Primary', 'Oakfield', 'OPS', '@OakfieldPrimary', '#OakfieldFamily', 'oakfield.sch.uk'],
    organisations: ['Northgate Learning Trust', 'Kent County Council'],
    pupils: PEOPLE.pupils.slice(0, names - staffCount),
    staff: PEOPLE.staff.slice(0, staffCount),
    schoolContextTerms: ['forest school', 'golden time'],
  };
}

// ---------------------------------------------------------------------------------------------
// Posts

/** People named in posts come from the first entries, which are on every roster. */
const NAMED_PUPILS = PEOPLE.pupils.slice(0, 90);
const NAMED_STAFF = PEOPLE.staff.slice(0, 6);

const SENTENCES = [
  'What a weekend it has been, {n} hours of rain and still the dog wanted his walk.',
  'Finally tried the {food} recipe everyone keeps sharing and honestly it was worth the washing up.',
  'Spent most of {day} in the garden pulling up weeds and planting the last of the {flower}.',
  'Can anyone recommend a decent plumber near {place}? Ours has stopped answering the phone.',
  'The traffic on the ring road this morning was unbelievable, {n} minutes to go two miles.',
  'So proud of {pupilFull} for reading in assembly today, what a star.',
  'Huge thanks to {staffTitle} for organising the trip to the {place} museum.',
  '{pupilFirst} made me laugh so much in class today with a joke about dinosaurs.',
  'Our Year {year} class has been learning about the Romans and the models are brilliant.',
  'Marking {n} books on a {day} night with a cup of tea and the football on in the background.',
  'Parents evening went better than expected, lots of lovely conversations.',
  'Does anyone else find that the clocks changing throws the whole family off for a week?',
  'Booked a cottage in {place} for half term and I cannot wait to switch off.',
  'The {food} at the new café on the high street is the best I have had in years.',
  'Reminder to self: never agree to run a half marathon after {n} glasses of wine.',
  'Sports day is on {day}, fingers crossed the weather holds for once.',
  'Watched the match with my brother and we argued about the offside rule for an hour.',
  'Little ones were so excited about the snow, they spent all playtime building a snowman.',
  'If you see a small grey cat near {place} please message me, she has been missing since {day}.',
  'Really enjoyed the book club discussion this month, even if nobody finished the book.',
  'The new series everyone is talking about is slow for {n} episodes and then suddenly brilliant.',
  'Thank you {staffFull} for covering my lunch duty, I owe you a coffee.',
  'Well done to #{pupilTag} for the swimming certificate, {n} lengths without stopping!',
  'Cleared out the loft and found my old school reports, apparently I talked too much even then.',
  'Grandma turned {age} on {day} and still beat everyone at cards.',
  'Anyone know if the tip at {place} is open on bank holidays?',
  'Making {food} with the kids this afternoon, wish me luck with the mess.',
  'Forest school was muddy and wonderful, {n} very happy children and one lost welly.',
  'That moment when the printer jams {n} minutes before the lesson starts.',
  'Our nativity rehearsals are going well, only {n} shepherds have cried so far.',
  'Lovely walk along the canal at {place} this morning, the herons were out.',
  'Not sure how it is already {month} again, where does the time go?',
  'Started learning Spanish on an app and I am on a {n} day streak.',
  'The car failed its MOT on {day}, so that is the holiday fund gone.',
  '{pupilFirst} from my class asked if I live at school, which made my whole week.',
  'Congratulations to the choir for a brilliant performance at {place} town hall.',
  'Tried paddleboarding for the first time and fell in {n} times in ten minutes.',
  'The {flower} in the front garden are finally out after a long grey winter.',
  'Quiet night in with a takeaway and a film, exactly what was needed.',
  'Volunteering at the food bank on {day} mornings is the best part of my week.',
];

const SLOTS = {
  food: ['lasagne', 'banana bread', 'curry', 'sourdough', 'fish pie', 'flapjack', 'chilli', 'shepherd\u2019s pie', 'scones', 'risotto'],
  flower: ['tulips', 'daffodils', 'sweet peas', 'sunflowers', 'roses', 'dahlias', 'bluebells'],
  place: ['Canterbury', 'Whitstable', 'Ashford', 'Maidstone', 'Margate', 'Folkestone', 'Dover', 'Tunbridge Wells', 'Sevenoaks', 'Deal'],
  day: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  month: ['September', 'October', 'November', 'December', 'January', 'March', 'June'],
};

function fillSentence(rng: Rng, s: string): string {
  return s.replace(/\{(\w+)\}/g, (_, slot: string) => {
    const pupil = pick(rng, NAMED_PUPILS).name.split(' ');
    const staff = pick(rng, NAMED_STAFF).name.split(' ');
    switch (slot) {
      case 'n': return String(2 + Math.floor(rng() * 60));
      case 'age': return String(70 + Math.floor(rng() * 30));
      case 'year': return String(1 + Math.floor(rng() * 6));
      case 'pupilFull': return `${pupil[0]} ${pupil[pupil.length - 1]}`;
      case 'pupilFirst': return pupil[0];
      case 'pupilTag': return `${pupil[0]}${pupil[pupil.length - 1]}`;
      case 'staffTitle': return `${pick(rng, ['Mrs', 'Mr', 'Miss', 'Ms'])} ${staff[staff.length - 1]}`;
      case 'staffFull': return staff.join(' ');
      default: return pick(rng, SLOTS[slot as keyof typeof SLOTS]);
    }
  });
}

/** A post of exactly `chars` characters: sentences with a few roster names, split into paragraphs. */
export function makePost(seed: number, chars = POST_CHARS): string {
  const rng = mulberry32(seed);
  let out = '';
  let inParagraph = 0;
  while (out.length < chars) {
    const s = fillSentence(rng, pick(rng, SENTENCES));
    if (out) out += inParagraph >= 3 && rng() < 0.5 ? '\n\n' : ' ';
    inParagraph = out.endsWith('\n') ? 0 : inParagraph + 1;
    out += s;
  }
  return out.slice(0, chars);
}

