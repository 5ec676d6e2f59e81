import { agencyRoutes } from './routes/agency-routes.js';
import { apiKeyRoutes } from './routes/api-key-routes.js';
import { attachmentRoutes } from './routes/attachment-routes.js';
import { auditRoutes } from './routes/audit-routes.js';
import { authRoutes } from './routes/auth-routes.js';
import { calendarRoutes } from './routes/calendar-routes.js';
import { catalogRoutes } from './routes/catalog-routes.js';
import { citizenRoutes } from './routes/citizen-routes.js';
import { deskRoutes } from './routes/desk-routes.js';
import { documentRoutes } from './routes/document-routes.js';
import { feeRoutes } from './routes/fee-routes.js';
import { inboxRoutes } from './routes/inbox-routes.js';
import { inquiryRoutes } from './routes/inquiry-routes.js';
import { notificationRoutes } from './routes/notification-routes.js';
import { paymentRoutes } from './routes/payment-routes.js';
import { platformUserRoutes } from './routes/platform-user-routes.js';
import { ratingRoutes } from './routes/rating-routes.js';
import { reportRoutes } from './routes/report-routes.js';
import { serviceRoutes } from './routes/service-routes.js';
import { staffAbsenceRoutes } from './routes/staff-absence-routes.js';
import { staffRoutes } from './routes/staff-routes.js';
import { tenantPluginRoutes } from './routes/tenant-plugin-routes.js';
import { tenantRoutes } from './routes/tenant-routes.js';
import type { AnyRoute } from './route-definition.js';

/**
 * Every REST route under `/api/v1`, in the order they are matched. Literal paths come before
 * parameterised ones (`/inquiries/bulk-reassignments` before `/inquiries/:id`).
 */
export const API_ROUTES: readonly AnyRoute[] = [
  ...authRoutes,
  ...inboxRoutes,
  ...inquiryRoutes,
  ...attachmentRoutes,
  ...citizenRoutes,
  // Money, result documents, messages, ratings and the figures made of them.
  ...feeRoutes,
  ...paymentRoutes,
  ...documentRoutes,
  ...notificationRoutes,
  ...ratingRoutes,
  ...reportRoutes,
  // Administration: the host side (tenants, platform users), then each city's own.
  ...tenantRoutes,
  ...platformUserRoutes,
  ...agencyRoutes,
  ...deskRoutes,
  ...staffRoutes,
  ...staffAbsenceRoutes,
  ...apiKeyRoutes,
  ...catalogRoutes,
  ...serviceRoutes,
  ...tenantPluginRoutes,
  ...calendarRoutes,
  ...auditRoutes,
];
