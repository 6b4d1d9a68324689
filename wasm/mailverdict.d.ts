// Types for wasm/mailverdict.mjs (the analyze() module) and the report it returns.

export type ResultWord =
  | 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'temperror' | 'permerror' | 'policy'
  | 'bestguesspass' | 'unknown' | (string & {});

export interface Evidence { header: string; index: number; text: string }
export interface Cause {
  id: string;
  confidence: 'certain' | 'likely' | 'possible';
  explanation: string;
  evidence: Evidence[];
}
export interface Fix { id: string; title: string; steps: string[] }

export interface Report {
  schema: 1;
  input: {
    kind: 'headers' | 'message' | 'bounce' | 'empty' | 'not_email' | 'delay_notice' |
      'delivery_notice' | 'auto_reply' | 'feedback_report' | 'dmarc_report' | 'challenge_response';
    bytes: number;
    warnings: { code: string; message: string }[];
  };
  verdict: { status: 'ok' | 'problem' | 'warning' | 'unknown'; headline: string; summary: string };
  bounce: null | {
    reply_code: number | null;
    status: string | null;
    permanent: boolean;
    category: string;
    provider: string | null;
    /** How the report names the provider ("Microsoft"). */
    provider_name?: string | null;
    diagnostic: string;
    recipient: string | null;
    reporting_mta: string | null;
    remote_mta: string | null;
  };
  authentication: null | {
    from_domain: string | null;
    organizational_domain: string | null;
    authserv_id: string | null;
    spf: { result: ResultWord; domain: string | null; aligned: boolean | null };
    dkim: { result: ResultWord; domain: string; selector: string | null; aligned: boolean | null }[];
    dmarc: { result: ResultWord; policy: string | null; action: string | null };
    arc: { result: ResultWord; sets: number };
  };
  causes: Cause[];
  fixes: Fix[];
  hops: unknown[];
  antispam: unknown[];
  headers: { name: string; value: string; index: number; explanation: string }[];
  [key: string]: unknown;
}

export interface AnalyzeOptions {
  /** The From: domain's DMARC record, e.g. "v=DMARC1; p=reject; adkim=s". */
  dmarcRecord?: string;
  /** The MAIL FROM domain's SPF record. */
  spfRecord?: string;
}

export function load(options?: { wasmBinary?: ArrayBuffer | Uint8Array }): Promise<unknown>;
export function analyze(text: string, options?: AnalyzeOptions): Promise<Report>;
export function analyzeToText(text: string): Promise<string>;
export function version(): Promise<string>;
