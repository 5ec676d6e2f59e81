import { definePlugin } from '@darcha/core';
import { FOUNDER_SHARES_GUARD, founderSharesGuard } from './guards/founder-shares.guard.js';
import { BUSINESS_TRANSLATIONS, businessDocuments } from './services/business-documents.js';
import { entrepreneurRegistration } from './services/entrepreneur-registration.js';
import { llcRegistration } from './services/llc-registration.js';
import {
  entrepreneurRegistrationWorkflow,
  llcRegistrationWorkflow,
} from './workflows/registration-workflows.js';

/**
 * agency-business: the inspection for registration of private enterprises, reusable by every city:
 * registering an LLC (30 minutes, half the duty online) and an individual entrepreneur, built with
 * @darcha/service-kit.
 */
export default definePlugin({
  id: 'agency-business',
  // Keep equal to the version in package.json.
  version: '0.1.0',
  kind: 'agency',
  engines: { darcha: '^1.0.0' },
  categories: [
    {
      id: 'business.registration',
      names: {
        'uz-Latn': 'Tadbirkorlik subyektlarini ro‘yxatdan o‘tkazish',
        'uz-Cyrl': 'Тадбиркорлик субъектларини рўйхатдан ўтказиш',
        ru: 'Регистрация субъектов предпринимательства',
        en: 'Business registration',
      },
    },
  ],
  services: [llcRegistration, entrepreneurRegistration],
  workflows: [llcRegistrationWorkflow, entrepreneurRegistrationWorkflow],
  guards: { [FOUNDER_SHARES_GUARD]: founderSharesGuard },
  templates: businessDocuments,
  translations: BUSINESS_TRANSLATIONS,
});
