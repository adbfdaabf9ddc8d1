// The legal texts as served: each kind in each language with its title, version, date and HTML (with {{fields}}).
import type { Lang } from '../agents/language/languages.ts';
import { LEGAL_DOCUMENTS } from './documents.generated.ts';
import type { LegalKind } from './kinds.ts';

export type LegalDocument = { title: string; description: string; version: string; updated: string; html: string };

export const legalDocument = (kind: LegalKind, lang: Lang): LegalDocument => LEGAL_DOCUMENTS[kind][lang];

/**
 * The version of the privacy notice, which a consent records: the person consents having been shown this notice
 * (its lead section names Luxinnovation). Every language has the same version (a test checks it), so the French
 * text, which prevails, stands for all.
 */
export const PRIVACY_VERSION = LEGAL_DOCUMENTS.privacy.fr.version;
