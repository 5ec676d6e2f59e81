import type { AnyRoute } from '../route-definition.js';

/** Routes of invoices, payments, receipts and refunds. */
export const paymentRoutes: AnyRoute[] = [];
