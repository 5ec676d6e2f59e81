import type { AnyRoute } from '../route-definition.js';

/** Routes of notification messages and preferences. */
export const notificationRoutes: AnyRoute[] = [];
