import type { AnyRoute } from '../route-definition.js';

/** Routes of issued documents, branding and verification. */
export const documentRoutes: AnyRoute[] = [];
