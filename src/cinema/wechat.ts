/**
 * Whether a page runs in WeChat's in-app browser (also WeCom's), whose user agent carries
 * `MicroMessenger`: it blocks file downloads, so an .ics link there does nothing when tapped.
 */
export function isWeChatBrowser(userAgent: string): boolean {
  return /MicroMessenger/i.test(userAgent);
}
