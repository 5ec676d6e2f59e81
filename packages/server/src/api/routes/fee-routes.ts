import type { AnyRoute } from '../route-definition.js';

/** Routes of base amounts and fee quotes. */
export const feeRoutes: AnyRoute[] = [];
