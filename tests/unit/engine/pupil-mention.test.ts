import { describe, expect, it } from 'vitest';
import { bothRosterForms, ofRule } from '../helpers';

// Roster (tests/fixtures/policies/school.json): pupils Jack Smith (alias Jacko), Olivia O'Brien,
// Thomas Wright, Amelia Kowalska, Muhammad Hussain; former pupil Amy Brown.
describe.each(bothRosterForms())('pupil-mention (%s)', (_form, engine) => {
  it.each([
    ['full name', 'Jack Smith was brilliant today', 'Jack Smith'],
    ['any case', 'JACK SMITH and jack smith', 'JACK SMITH'],
    ['possessive', "Jack Smith's mum came in", "Jack Smith's"],
    ['hashtag in camel case', 'So proud #JackSmith', 'JackSmith'],
    ['hashtag run together', 'so proud #jacksmith', 'jacksmith'],
    ['handle with underscore', 'well done @jack_smith', 'jack_smith'],
    ['initial and surname', 'J Smith scored twice', 'J Smith'],
    ['initial with a full stop', 'J. Smith scored twice', 'J. Smith'],
    ['first name and initial', 'Congratulations to Jack S. on his award', 'Jack S'],
    ['apostrophe surname written without it', 'Olivia Obrien won the race', 'Olivia Obrien'],
    ['accents ignored', 'Amélia Kowalská did well', 'Amélia Kowalská'],
    ['one-letter misspelling of a longer name', 'Amelia Kowalski did well', 'Amelia Kowalski'],
    ['letters swapped', 'Olivai OBrien was great', 'Olivai OBrien'],
    ['common diminutive', 'Tom Wright is a star', 'Tom Wright'],
    ['diminutive the other way', 'Tommy Wright is a star', 'Tommy Wright'],
    ['listed nickname with the surname', 'Jacko Smith strikes again', 'Jacko Smith'],
    ['listed nickname alone in a post about school', 'Jacko was top of the class in maths today', 'Jacko'],
    ['first name alone in a post about school', 'Well done Jack! Great work in my class today', 'Jack'],
    ['first name alone with a year group', 'Muhammad was a superstar in Year 4 today', 'Muhammad'],
    ['diminutive alone in a post about school', 'Tommy was brilliant in my class today', 'Tommy'],
    ['short form in lower case, finished', 'Great work in my class today, so proud of tom!', 'tom'],
    ['short form capitalised at the very end', 'Great work in my class today, so proud of Tom', 'Tom'],
  ])('flags the %s', (_what, text, evidence) => {
    const found = ofRule(engine, 'pupil-mention', text);
    expect(found.map((f) => f.evidence)).toContain(evidence);
    expect(found.every((f) => f.severity === 'high')).toBe(true);
  });

  it('leaves former pupils to pupil-contact: naming one in a post is not what the policies forbid', () => {
    expect(ofRule(engine, 'pupil-mention', 'Bumped into Amy Brown in town, a nurse now!')).toEqual([]);
  });

  it.each([
    ['first name alone with no school context', 'Jack and I went to the pub'],
    ['first name in a post about my own family', 'So proud of my son Jack, first day at school today!'],
    ['a celebrity who shares the first name', 'Harry Kane and Jack Grealish were great, the whole class watched'],
    ['a drink that shares the first name', "Jack Daniel's with the staff after school"],
    ['a different surname', 'Jack Johnson played a great set'],
    ['a first letter that differs is not a misspelling', 'Thomas Bright came round'],
    ['a short name one letter off is not a misspelling', 'Jock Smith'],
    ['a possessive s read as a surname initial', "Jack's book was left on the bus"],
    ['names split across sentences', 'That was Jack. Smith was not there.'],
    ['names split across lines', 'Jack\nSmith'],
    ['a first name and a capital still being typed', 'Jack S'],
    // "tom" of tomorrow, as the person types: the card would flash up for a key and go.
    ['a short form in lower case still being typed', 'Great work in my class today, see you all tom'],
    ['a listed nickname alone with no school context', 'Jacko strikes again'],
    ['a formal name that is often a surname, alone', 'Jackson was brilliant in my class today'],
    ['an initial glued by an apostrophe', "H'wood, S'mith and my class"],
    ['a capital A read as an initial', 'A Brown envelope came for my class today'],
    ['a first name before an O\' surname', 'Jack O\'Connell was great in that film, my class loved it'],
  ])('stays quiet for %s', (_what, text) => {
    expect(ofRule(engine, 'pupil-mention', text)).toEqual([]);
  });

  it('offsets point at the evidence with emoji before it', () => {
    const text = '😀😀 great match, Thomas Wright!';
    const [f] = engine.check(text, { surface: 'post' }).filter((x) => x.rule === 'pupil-mention');
    expect(text.slice(f.start, f.end)).toBe('Thomas Wright');
  });
});
