export { default } from './plugin.js';
export { roomBookingsMigration } from './migrations/0001-room-bookings.js';
export { bookingHeldGuard } from './rooms/booking-held.guard.js';
export { releaseBookingOnClose } from './rooms/booking-release.handler.js';
export {
  roomAvailabilityRoute,
  roomsRoute,
  type HourAvailability,
  type RoomAvailability,
} from './rooms/room-availability.route.js';
export {
  DEFAULT_ROOMS,
  OSS_CENTRE_SETTINGS_SCHEMA,
  ROOM_CODE_PATTERN,
  roomsOf,
  type OssCentreSettings,
  type Room,
} from './rooms/room-settings.js';
export { CLOSING_HOUR, MAX_HOURS, OPENING_HOUR, TIME_ZONE } from './rooms/room-slots.js';
export {
  COMPUTER_SERVICES_FORM,
  MAX_INTERNET_HOURS,
  computerServices,
} from './services/computer-services.js';
export {
  COMPUTER_JOBS,
  COMPUTER_SERVICES_FEE,
  COMPUTER_SERVICES_FEE_SCHEDULE,
  ROOM_HOUR_BHM,
  ROOM_RENTAL_FEE,
  ROOM_RENTAL_FEE_SCHEDULE,
  type ComputerJob,
} from './services/oss-fees.js';
export { ROOM_RENTAL_FORM, ROOM_RENTAL_UI } from './services/room-rental-form.js';
export { ROOM_RENTAL_CODE, roomRental } from './services/room-rental.js';
export { JOB_WORKING_HOURS, computerServicesWorkflow } from './workflows/computer-services-workflow.js';
export {
  CONFIRMATION_WORKING_DAYS,
  PAYABLE_WORKING_DAYS,
  ROOM_HOLDING_STATES,
  roomRentalWorkflow,
} from './workflows/room-rental-workflow.js';
