/** The keyboard path to a warning, as the card itself shows it. */
import { SHORTCUT_WORDS } from '../card-words';

export function KeyboardHelp() {
  return (
    <section aria-labelledby="keyboard-heading">
      <h2 id="keyboard-heading">Using the keyboard</h2>
      <ul>
        <li>
          <kbd>{SHORTCUT_WORDS}</kbd> (Alt, Shift and the down arrow) from where you are typing opens the warning and reads it out.
        </li>
        <li>
          <kbd>Tab</kbd> moves through its buttons and links, and comes back round to the first.
        </li>
        <li>
          <kbd>Esc</kbd> takes you back to your text, with the cursor where you left it.
        </li>
      </ul>
    </section>
  );
}
