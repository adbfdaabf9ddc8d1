// The four languages the assistant speaks, and their franc-all codes.
import { z } from 'zod';

export const LANGS = ['en', 'fr', 'de', 'lb'] as const;
export const LangSchema = z.enum(LANGS);
export type Lang = z.infer<typeof LangSchema>;

export const ISO639_3: Record<Lang, string> = { en: 'eng', fr: 'fra', de: 'deu', lb: 'ltz' };
export const FROM_ISO639_3: Record<string, Lang> = { eng: 'en', fra: 'fr', deu: 'de', ltz: 'lb' };

export const isLang = (value: unknown): value is Lang => LangSchema.safeParse(value).success;
