/**
 * Whose phone number is it? "ring me on…", "new number", "WhatsApp me" or a 📱 say it is the
 * author's; "Kirkbeck Boilers on…", "ring Leeds City Council on…", "the school office or on…" say it
 * belongs to someone else (a firm, a council, a friend), which is not the author's personal information. Only the words of the same clause
 * around the number are read.
 */
export type PhoneOwner = 'own' | 'someone-else' | 'unknown';

const OWN_BEFORE =
  /\b(me|my|mine|i'?m|i am|i'll be|us|our|we'?re|we are|text|txt|texts|whatsapp|whats app|wa|ring me|call me|bell|new number|new no|number'?s|mobile|mob|landline|at home|the house|home|cell|reach me|contact me|message me|dm me|give me|on my|personal|private)\b/i;
const OWN_AFTER = /^[\s,.!)]*(x+|xx|xox|it's me|that's me|that's my|is my|is me|me|mine|at home|after \d|any ?time|if nobody|if no one|save it|delete the old|while i'm|when you)\b/i;
const PHONE_EMOJI = /[📱📲☎📞]/u;
/** Words that make the number an organisation's: a firm, a council, a surgery, an office. */
const ORGANISATION_WORDS =
  /\b(office|council|surgery|reception|helpline|hotline|customer services?|ltd|limited|plc|vets?|veterinary|dentists?|doctors|gp|hospital|police|nhs|shop|store|company|firm|services|heating|plumbing|plumbers?|electrical|electricians?|garage|motors|taxis?|cabs|restaurant|takeaway|hotel|salon|clinic|pharmacy|chemist|bank|insurance|solicitors|estate agents?|letting|council's|school'?s?|nursery|library|leisure centre|hall|church|club|society|charity|hospice|trust|line|booking line)\b/i;
/** A capitalised name directly before the number: "Kirkbeck Boilers on", "Aireside Vets (". */
const NAMED_BEFORE = /(?:^|[^.!?\n])\b((?:[A-Z][A-Za-z&'’-]+\s+){0,3}[A-Z][A-Za-z&'’-]+)\s*(?:on|at|is|:|-|–|\()?\s*$/;
const NOT_NAMES = new Set(['I', 'Me', 'My', 'Mine', 'Us', 'Our', 'We', 'Text', 'Ring', 'Call', 'WhatsApp', 'Whatsapp', 'Phone', 'Tel', 'Mob', 'Mobile', 'Number', 'Hun', 'Babe', 'Please', 'Just', 'Or', 'It', 'Its', "It's"]);

function clauseBefore(text: string, start: number): string {
  const window = text.slice(Math.max(0, start - 70), start);
  const cut = Math.max(window.lastIndexOf('.'), window.lastIndexOf('!'), window.lastIndexOf('?'), window.lastIndexOf('\n'));
  return cut >= 0 ? window.slice(cut + 1) : window;
}

/** Someone else's number: "their number's", "Nan's number", "recommend Gaz…, tell him I sent you". */
const SOMEONE_ELSES = /\b(their|his|her|[A-Z][a-z]+'s|the [a-z]+'s)\s+(new |old |home |work |mobile |direct )?(number|no|mobile|landline|phone)\b/;
const RECOMMENDING = /\b(recommend|recommended|tell (him|her|them) (i|you|[A-Z][a-z]+) sent|say (i|[A-Z][a-z]+) sent|mention my name)\b/i;

export function phoneOwner(text: string, start: number, end: number): PhoneOwner {
  const before = clauseBefore(text, start);
  const after = text.slice(end, end + 40);
  const sentence = `${before} ${text.slice(end, end + 60)}`;
  if (SOMEONE_ELSES.test(before) || RECOMMENDING.test(sentence)) return 'someone-else';
  const near = text.slice(Math.max(0, start - 12), Math.min(text.length, end + 12));
  if (OWN_BEFORE.test(before) || OWN_AFTER.test(after) || PHONE_EMOJI.test(near)) return 'own';
  if (ORGANISATION_WORDS.test(before)) return 'someone-else';
  // 03, 08 and 09 numbers are non-geographic lines that firms, councils and charities use, not people.
  if (/^\s*(?:\(?0|\+44\s*\(?0?\)?\s*)[389]/.test(text.slice(start, end))) return 'someone-else';
  const named = NAMED_BEFORE.exec(before);
  if (named) {
    const words = named[1].split(/\s+/);
    if (words.some((w) => !NOT_NAMES.has(w))) return 'someone-else';
  }
  return 'unknown';
}
