export type {
  CallbackResult,
  FeeQuoter,
  Invoice,
  InvoiceFilter,
  InvoicePage,
  InvoiceStatus,
  Payment,
  PaymentMethod,
  PaymentReceipt,
  PaymentService,
  PaymentStatus,
  ProviderCallback,
  ReceiptLine as PaymentReceiptLine,
  Refund,
  RefundStatus,
} from './types.js';
export { PostgresPaymentService, type PostgresPaymentServiceOptions } from './postgres-payment-service.js';
export { CREATE_INVOICE_EFFECT, createInvoiceEffect, invoiceOnFilingSubscriber } from './invoice-effects.js';
export { demoPaymentProvider, signDemoCallback, type DemoCallbackBody } from './demo-payment-provider.js';
export { paymentErrors } from './payments.errors.js';
export { PAYMENT_ROLES } from './payment-access.js';
