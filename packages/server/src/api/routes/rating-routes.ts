import type { AnyRoute } from '../route-definition.js';

/** Routes of ratings and their reviews. */
export const ratingRoutes: AnyRoute[] = [];
