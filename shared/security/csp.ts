/**
 * The one Content-Security-Policy, sent by both transports (Electron's app:// protocol and the
 * preview server). No remote origin anywhere, no inline or eval'd script.
 * style-src allows inline styles because Observable Plot and React Flow set style attributes
 * and Plot embeds a <style> element in each chart; scripts stay locked to the app's own files.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "media-src 'none'",
  "manifest-src 'none'",
].join('; ');

/** The only external links the app opens, and only in the system browser. */
export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    allowedHosts.has(url.hostname)
  );
}

const allowedHosts = new Set([
  'doi.org',
  'www.jrd.or.kr',
  'pubmed.ncbi.nlm.nih.gov',
  'pmc.ncbi.nlm.nih.gov',
]);
