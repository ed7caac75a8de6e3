/** True for a link a page can safely open: http(s) only, so a policy can never carry a javascript: link. */
export function isWebLink(url: string): boolean {
  return /^https?:\/\/\S+$/i.test(url.trim());
}
