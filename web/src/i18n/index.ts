import { createI18n } from 'vue-i18n';
import vi from './vi';
import en from './en';

export type Messages = typeof vi;
export type Locale = 'vi' | 'en';
export const LOCALES: readonly Locale[] = ['vi', 'en'];

const STORAGE_KEY = 'motcua.locale';

function storedLocale(): Locale {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
}

export function createAppI18n(locale: Locale = storedLocale()) {
  document.documentElement.lang = locale;
  return createI18n({ legacy: false, locale, fallbackLocale: 'vi', messages: { vi, en } });
}

export function rememberLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
}
