import { definePlugin } from '@darcha/core';
import { educationInfo } from './services/education.js';
import { generalInfo } from './services/general.js';
import { INFO_CATEGORY } from './services/info-service.js';
import { insuranceInfo } from './services/insurance.js';
import { utilityDebtsInfo } from './services/utility-debts.js';
import { informationDeskWorkflow } from './workflows/consultation.js';

/**
 * agency-information: the One-Stop-Shop's own information desk, reusable by every city: free
 * information and consultation on education, insurance, utility debts and anything else, recorded
 * as inquiries of kind `information`, built with @darcha/service-kit.
 */
export default definePlugin({
  id: 'agency-information',
  // Keep equal to the version in package.json.
  version: '0.1.0',
  kind: 'agency',
  engines: { darcha: '^1.0.0' },
  categories: [
    {
      id: INFO_CATEGORY,
      names: {
        'uz-Latn': 'Yagona darcha axborot xizmati',
        'uz-Cyrl': 'Ягона дарча ахборот хизмати',
        ru: 'Информационная служба «единого окна»',
        en: 'One-Stop-Shop information desk',
      },
    },
  ],
  services: [educationInfo, insuranceInfo, utilityDebtsInfo, generalInfo],
  workflows: [informationDeskWorkflow],
});
