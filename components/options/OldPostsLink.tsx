/** The way from the settings to "Check my old posts" (its own page, components/archive/). */
export function OldPostsLink() {
  return (
    <section aria-labelledby="old-posts-heading">
      <h2 id="old-posts-heading">What you have already posted</h2>
      <p>
        Your school’s policy asks new staff to review what they have already posted. Download your posts from X, Facebook, Instagram or
        TikTok and check them all here, on this device.
      </p>
      <p>
        <a href="archive.html" target="_blank" rel="noopener">
          Check my old posts
        </a>
      </p>
    </section>
  );
}
