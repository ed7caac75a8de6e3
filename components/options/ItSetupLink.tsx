/** For school IT: where the IT set-up page is (the same as `policy build`, in the browser). */
import browser from 'webextension-polyfill';

export function ItSetupLink() {
  return (
    <section aria-labelledby="it-setup-heading">
      <h2 id="it-setup-heading">For school IT</h2>
      <p>
        Setting Second Look up for a whole school or trust?{' '}
        <a href={browser.runtime.getURL('/it-setup.html')} target="_blank" rel="noreferrer" id="it-setup-link">
          IT set-up
        </a>{' '}
        turns your MIS exports into the files for Google Admin, Intune, Group Policy, macOS, Linux and Firefox, on this device.
      </p>
    </section>
  );
}
