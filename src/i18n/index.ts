import type { Lang } from '../domain/model.ts';
import { en, type Catalog } from './en.ts';
import { fr } from './fr.ts';
import { es } from './es.ts';
import { enGB, fr as frLocale, es as esLocale } from 'date-fns/locale';

export type { Catalog };

const catalogs: Record<Lang, Catalog> = { en, fr, es };

export function t(lang: Lang): Catalog {
  return catalogs[lang];
}

export const dateLocales = { en: enGB, fr: frLocale, es: esLocale } satisfies Record<Lang, unknown>;

/** 'fr-FR', 'fr', 'es_ES', 'es-419' → 'fr' / 'es'; anything else → undefined. */
export function langFromLocale(locale?: unknown): Lang | undefined {
  // Locales come from platform payloads: anything but a string means "unknown", never a crash.
  if (typeof locale !== 'string') return undefined;
  const primary = locale.trim().toLowerCase().split(/[-_]/)[0];
  if (!primary || !Object.hasOwn(catalogs, primary)) return undefined;
  return primary as Lang;
}
