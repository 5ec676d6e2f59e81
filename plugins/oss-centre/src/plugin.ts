import { definePlugin } from '@darcha/core';
import { roomBookingsMigration } from './migrations/0001-room-bookings.js';
import { bookingHeldGuard } from './rooms/booking-held.guard.js';
import { releaseBookingOnClose } from './rooms/booking-release.handler.js';
import { roomAvailabilityRoute, roomsRoute } from './rooms/room-availability.route.js';
import { syncRooms } from './rooms/room-directory.js';
import { OSS_CENTRE_SETTINGS_SCHEMA, roomsOf, type OssCentreSettings } from './rooms/room-settings.js';
import { computerServices } from './services/computer-services.js';
import { roomRental } from './services/room-rental.js';
import { computerServicesWorkflow } from './workflows/computer-services-workflow.js';
import { roomRentalWorkflow } from './workflows/room-rental-workflow.js';

/**
 * oss-centre: the paid services a One-Stop-Shop run as a state unitary enterprise (Djizak, Namangan)
 * sells to finance itself: the training-room rental by the hour, with bookings no two requests can
 * share (a plugin table and a guard), and computer services by the page or hour. Each city lists its
 * rooms in the plugin's tenant settings.
 */
export default definePlugin<unknown, OssCentreSettings>({
  id: 'oss-centre',
  // Keep equal to the version in package.json.
  version: '0.1.0',
  kind: 'agency',
  engines: { darcha: '^1.0.0' },
  tenantSettingsSchema: OSS_CENTRE_SETTINGS_SCHEMA,
  categories: [
    {
      id: 'oss-services.rooms',
      parent: 'oss-services',
      names: {
        'uz-Latn': 'Xonalarni ijaraga berish',
        'uz-Cyrl': 'Хоналарни ижарага бериш',
        ru: 'Аренда помещений',
        en: 'Room rental',
      },
    },
    {
      id: 'oss-services.computer',
      parent: 'oss-services',
      names: {
        'uz-Latn': 'Kompyuter xizmatlari',
        'uz-Cyrl': 'Компьютер хизматлари',
        ru: 'Компьютерные услуги',
        en: 'Computer services',
      },
    },
  ],
  services: [roomRental, computerServices],
  workflows: [roomRentalWorkflow, computerServicesWorkflow],
  guards: { 'booking-held': bookingHeldGuard },
  eventHandlers: { 'inquiry.transitioned': releaseBookingOnClose },
  routes: [roomsRoute, roomAvailabilityRoute],
  migrations: [roomBookingsMigration],
  // Guards, handlers and routes get no settings: the rooms are copied into `oss_rooms` here.
  async onTenantEnable(ctx) {
    await ctx.withTenant((trx) => syncRooms(trx, ctx.tenantId, roomsOf(ctx.settings)));
  },
});
