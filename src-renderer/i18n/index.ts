import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { vi } from './vi';
import { en } from './en';

export type Language = 'vi' | 'en';

void i18next.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: 'vi',
  fallbackLng: 'vi',
  interpolation: { escapeValue: false }, // React escapes already
});

export const i18n = i18next;
