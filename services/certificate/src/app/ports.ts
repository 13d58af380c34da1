import type { JsonWebKey, KeyObject } from 'node:crypto';

/**
 * HTML → PDF. One implementation (infra/renderer: puppeteer-core driving Debian's Chromium): one browser per
 * process, launched on first use, a bounded pool of pages, relaunched when it crashes or after
 * BROWSER_RECYCLE_AFTER documents. The page never runs scripts and never loads anything but `data:` URLs.
 */
export interface PdfRenderer {
  /** Rejects with CERTIFICATE.RENDER_FAILED (retryable) when the browser cannot render it in RENDER_TIMEOUT_MS. */
  render(html: string, options: { landscape: boolean; signal?: AbortSignal }): Promise<Buffer>;
  /** For health logs and benchmarks. */
  stats(): RendererStats;
  /** Closes the browser (idempotent); a later render launches a new one. */
  close(): Promise<void>;
}

export interface RendererStats {
  browserPid: number | null;
  launches: number;
  rendered: number;
  failed: number;
  inFlight: number;
  queued: number;
}

/** An Ed25519 key of the issuer: signs credentials and status lists (VC-JWT, alg EdDSA). */
export interface IssuerKey {
  /** Key id inside the issuer's DID document: `<did>#<kid>`. */
  kid: string;
  privateKey: KeyObject;
  publicJwk: JsonWebKey;
}

/**
 * The issuer's keys: CREDENTIAL_SIGNING_KEY when set; otherwise (development, tests) one generated at first use and
 * kept in `issuer_keys`, so the issuer's identity survives restarts. Retired keys stay published so credentials they
 * signed still verify.
 */
export interface IssuerKeyring {
  current(): Promise<IssuerKey>;
  publicKeys(): Promise<{ kid: string; publicJwk: JsonWebKey; retired: boolean }[]>;
}
