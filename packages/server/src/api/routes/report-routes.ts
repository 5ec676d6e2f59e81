import type { AnyRoute } from '../route-definition.js';

/** Routes of revenue and volume reports. */
export const reportRoutes: AnyRoute[] = [];
