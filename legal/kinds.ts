// The four legal texts every page links to, by the path segment they are served under (`/:lang/<kind>`).
export const LEGAL_KINDS = ['privacy', 'terms', 'imprint', 'accessibility'] as const;
export type LegalKind = (typeof LEGAL_KINDS)[number];
