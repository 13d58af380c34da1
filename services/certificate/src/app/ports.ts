import type { JsonWebKey, KeyObject } from 'node:crypto';

/**
 * HTML → PDF. One implementation (infra/renderer): a render process of its own, forked on first use and ended
 * when idle, drives Debian's Chromium with puppeteer-core (one browser, a bounded pool of pages, relaunched when it
 * crashes or after BROWSER_RECYCLE_AFTER documents). The page never runs scripts and never loads anything but `data:` URLs.
 */
export interface PdfRenderer {
  /** Rejects with CERTIFICATE.RENDER_FAILED (retryable) when it cannot be rendered in RENDER_TIMEOUT_MS, or the renderer died. */
  render(html: string, options: RenderOptions): Promise<Buffer>;
  /** For health logs and benchmarks. */
  stats(): RendererStats;
  /** Ends the render process and its browser (idempotent); a later render starts new ones. */
  close(): Promise<void>;
}

export interface RenderOptions {
  landscape: boolean;
  /** The text of the QR code drawn where the document has QR_CODE_SLOT (infra/renderer): drawn by the render process. */
  qrCode?: string;
  signal?: AbortSignal;
}

export interface RendererStats {
  /** The render process, while one runs. */
  rendererPid: number | null;
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
