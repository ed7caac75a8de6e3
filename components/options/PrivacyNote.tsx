/**
 * What Second Look keeps and sends, matching what the code does: no network requests (tested in
 * tests/e2e/managed-policy.spec.ts), typed text checked and never stored, counts only, exceptions as
 * salted hashes, settings in this browser's extension storage (storage.local, which is not synced).
 */
export function PrivacyNote() {
  return (
    <section aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">Your privacy</h2>
      <ul>
        <li>Everything happens on this device. Second Look sends nothing anywhere: not what you type, not these settings, not any counts.</li>
        <li>What you write on Facebook, X, Instagram and TikTok is checked while you write and then forgotten. It is never stored.</li>
        <li>
          The names shown on friend, follow and message requests, profiles and chat lists are read in the same way, to spot pupils, and are
          never stored either.
        </li>
        <li>
          Kept in this browser, on this device only: these settings (the names you enter, or codes for them if you keep names hashed), this
          week’s counts of warnings (numbers only), and your “not a match” list (codes and hints, never the words).
        </li>
        <li>Second Look never reports anything to your school or to anyone else. Your school can only give it settings.</li>
      </ul>
    </section>
  );
}
