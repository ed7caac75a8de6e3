/**
 * What each rule is for, in our own words: the summary of the policy clause it rests on (a school can
 * replace it with its own wording), where it comes from in the schools' policies, and what to do
 * instead. The README rule table is generated from this.
 */
import type { RuleId, Severity } from '../../policy/rule-ids';

export interface RuleInfo {
  id: RuleId;
  title: string;
  /** Default severity; a second value where the rule has two levels (e.g. by name / by position). */
  severity: Severity;
  severityNote?: string;
  firesWhen: string;
  clause: string;
  advice: string;
  /** Seed policy and clause numbers this rule comes from. */
  sources: string;
  /** Runs on typed text (the engine) rather than on pages, photos or the clock. */
  text: boolean;
}

export const RULES: Record<RuleId, RuleInfo> = {
  'pupil-mention': {
    id: 'pupil-mention',
    title: 'Names a pupil',
    severity: 'high',
    firesWhen:
      'The text names a current pupil on the roster: full name (a hyphenated name written with a space too), initial and surname, first name and initial, a listed nickname or common diminutive, a possessive, hashtag or handle (@jess.tomlinson), in any case, with accents or a small misspelling. A first name alone only in a post about the school day, and not for the author\'s own family ("my Jack", "our Evie", "Lily\'s school"). Former pupils and parents are for pupil-contact only.',
    clause: 'Staff must not name or otherwise identify pupils on social media.',
    advice: 'Remove the name. If you need to talk about something that happened, do it in school, not online.',
    sources: '001 code of conduct; 004 4.2; 003 6.5, 6.13',
    text: true,
  },
  'colleague-mention': {
    id: 'colleague-mention',
    title: 'Names a colleague',
    severity: 'high',
    severityNote: 'medium when referring to a colleague by position',
    firesWhen:
      'The text names a member of staff (full name; Mr, Mrs, Miss, Ms or Dr and the surname, misspelt too, matching the title the roster gives; a first name joined to a role, as in "Wendy in the office") or refers to one by position (the head, our deputy, the TAs, dinner ladies, the Year 3 teacher, my job share, SLT). Not a relative with a title, the author\'s own role ("I\'m a TA"), or someone from the author\'s own schooldays.',
    clause: 'Staff must not refer to colleagues on social media, by name or by position.',
    advice: 'Leave colleagues out of it. Raise any concern about a colleague through the school, not online.',
    sources: '004 4.2; 001; 003 6.13',
    text: true,
  },
  'school-mention': {
    id: 'school-mention',
    title: 'Names the school',
    severity: 'high',
    firesWhen:
      "The text names the school, one of its aliases, abbreviations, handles, hashtags or web domains (also without its apostrophe, or split in two), or a body it belongs to (trust, diocese, local authority), by its full name, its initials or the distinctive part of its name, as the author's workplace. Not the same name used as a place (\"Oakfield Park\").",
    clause: 'Staff must not name the school, or say they work there, on their personal social media.',
    advice: 'Remove the school\'s name, handle or hashtag. Share school news from the school\'s official accounts instead.',
    sources: '001 (school\'s name); 004 4.1–4.2; 003 6.15',
    text: true,
  },
  'school-life': {
    id: 'school-life',
    title: 'Refers to school life',
    severity: 'medium',
    firesWhen:
      "The text refers to pupils, parents or colleagues without naming them (\"one of my Year 6s\", \"my new class\", \"half the parents\", \"his mum\", \"30 six year olds\", the staffroom), to school occasions (parents' evening, trips and residentials, transition day, the disco, Ofsted are in, INSET) or to school work (marking, PPA, book scrutiny, data drops, wet play, cover, logging concerns), in a way that ties it to the author's job; weaker words only when the rest of the post is about the job. Not for the author's own child's sports day or parents' evening, national education news, or words that only place a named person (\"Jack in my class\").",
    clause: 'Personal posts should not refer to pupils, parents, colleagues or school activities and events.',
    advice: 'Keep school life off your personal accounts, even without names: people can often work out who is meant.',
    sources: '001 (no reference to any staff member, pupil, parent or school activity/event); 003 3.3',
    text: true,
  },
  confidential: {
    id: 'confidential',
    title: 'Confidential school matter',
    severity: 'high',
    firesWhen:
      'The text mentions a sensitive school matter, even with nobody named: safeguarding, disclosures, body maps, care, social services, young carers; SEN, EHCPs, diagnoses, a pupil\'s medical condition or medication; exclusions, part-time timetables, behaviour incidents (a fight, a weapon, a chair thrown), self-harm; attainment data and predicted grades; staff signed off, suspended or under investigation, formal warnings, grievances, redundancies before staff are told; an inspection grade before the report is published; pupil data. Not routine training or published results.',
    clause: 'Confidential information about pupils, staff and the school must never be shared online.',
    advice: 'Do not post this. Talk to your designated safeguarding lead or line manager if something is worrying you.',
    sources: '000 (f); 003 6.20–6.21; 004 3.4',
    text: true,
  },
  derogatory: {
    id: 'derogatory',
    title: 'Derogatory or offensive',
    severity: 'high',
    severityNote: 'medium when not aimed at the school community',
    firesWhen:
      'The text has insults (British slang and its spellings too: bellend, knobhead, wazzock, melt, two-faced cow), profanity, also abbreviated (ffs, wtaf), threats ("I\'ll flatten him"), mockery of a pupil ("thick as mince"), harassment, or discriminatory or defamatory remarks, also without slurs ("these people come over here…"); high when aimed at pupils, parents, colleagues, the school or the local authority. Not complaints or neutral descriptions ("a nightmare", "bouncing off the walls").',
    clause: 'Staff must not post anything offensive, threatening, discriminatory or defamatory, least of all about the school community.',
    advice: 'Rephrase without the insult or swearing, or do not post it. If something has upset you at work, talk to someone you trust.',
    sources: '000 (g)(h); 001; 003 6.13–6.14, 6.22–6.23; 004 3.4, 6.4',
    text: true,
  },
  'personal-info': {
    id: 'personal-info',
    title: 'Personal contact details',
    severity: 'medium',
    firesWhen:
      'The author gives their own contact or location details: a phone number in any UK or international format (spaced, dotted, +44 (0), digits spaced out or spelt out), a personal email address, a home address, the street they live on or a postcode, a National Insurance or payment card number, a log-in or password. Not a firm\'s, a council\'s or a friend\'s number, and not an address at the school\'s domain. Medium in posts; in a message low, or high when the person being messaged is a pupil, former pupil or parent on the rosters.',
    clause: 'Do not share your personal contact details or home address publicly, where pupils and parents could find them.',
    advice: 'Remove the details, or send them privately to the person who needs them.',
    sources: '000 (b) and Communications (a); 003 5.1, 6.1; 004 5.1',
    text: true,
  },
  'profession-disclosure': {
    id: 'profession-disclosure',
    title: 'Profile says where you work',
    severity: 'medium',
    severityNote: 'high when the field also names the school',
    firesWhen:
      'In a profile field (job title, workplace, position, bio, intro, display name): anything that identifies the profession (teacher, TA, headteacher, SENCO, ECT, "Year 4 teacher"), a year, key-stage or subject tag (Y6, KS2, #TeamMaths), a description of the job ("shaping young minds"), or the school, its handle or hashtag. Not another job that shares a word (yoga teacher, driving school).',
    clause: 'Staff should not say on personal profiles that they work in education or at the school.',
    advice: 'Leave your job and workplace out of your profile, or keep the profile private to people you know.',
    sources: '000 (i); 001 Safer Online Behaviour; 002 3.8; 003 6.17',
    text: true,
  },
  'pupil-contact': {
    id: 'pupil-contact',
    title: 'Contact with a pupil',
    severity: 'high',
    severityNote: 'medium for former pupils and parents',
    firesWhen:
      'A friend, follow or message request comes from a pupil on the roster; the author is about to add, follow or message a pupil; or opens a pupil\'s profile.',
    clause: 'Staff must not be friends with, follow or message pupils on personal social media.',
    advice: 'Do not accept or send the request. Tell your designated safeguarding lead if a pupil keeps trying to contact you.',
    sources: '000 (d)(e); 001; 002 3.3–3.4; 003 6.7–6.10; 004 5.3–5.4',
    text: false,
  },
  'school-photo': {
    id: 'school-photo',
    title: 'Photo taken at school',
    severity: 'medium',
    severityNote: 'high for its place or for names in it',
    firesWhen:
      "An attached photo's location data places it at one of the school's sites, text in it names the school, a pupil or a colleague (or is about school life), or it shows faces together with another sign of school (taken in the school day, a caption or words about school); videos and HEIC photos by their location and time data only. Checked on the device.",
    clause: 'Photos taken at school, or of pupils, must not be posted on personal accounts.',
    advice: 'Do not post photos taken at school, or that show the school or its people, on your personal accounts. Share them through the school’s own accounts instead.',
    sources: '001 (mobile phones, images); 003 6.16, 10.1',
    text: false,
  },
  'working-hours': {
    id: 'working-hours',
    title: 'Posting in working hours',
    severity: 'low',
    firesWhen: "Posting on a school day during the school day (schoolDay), outside its breaks (off by default). Shown once per post; it never holds a post.",
    clause: 'Personal social media should not be used during working hours.',
    advice: 'Save it for after work.',
    sources: '003 6.19; 004 3.2',
    text: false,
  },
};
