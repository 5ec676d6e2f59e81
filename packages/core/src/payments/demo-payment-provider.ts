import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { PaymentProvider } from '../plugins/contributions.js';

/** The body of a demo provider callback; `signature` is the HMAC-SHA256 (hex) of the other fields. */
export interface DemoCallbackBody {
  reference: string;
  status: 'paid' | 'failed';
  amount: number;
  signature: string;
}

/** The string a demo callback's signature covers. */
function signed(body: Omit<DemoCallbackBody, 'signature'>): string {
  return `${body.reference}|${body.status}|${body.amount}`;
}

/** Signs a demo callback as the demo provider would (tests and the demo server's "pay" page use it). */
export function signDemoCallback(
  secret: string,
  body: Omit<DemoCallbackBody, 'signature'>,
): DemoCallbackBody {
  const signature = createHmac('sha256', secret).update(signed(body)).digest('hex');
  return { ...body, signature };
}

/**
 * A DEMO payment provider, for tests and demonstrations only: it moves no money. `start` returns a
 * reference and a URL on `baseUrl`; the callback is a JSON body signed with HMAC-SHA256 under
 * `secret` (see {@link signDemoCallback}). It shows what a real provider plugin does: check the
 * signature in constant time, and report the reference, whether it is paid and the amount.
 *
 * @example
 * paymentProviders: [demoPaymentProvider({ secret: process.env.DEMO_PAY_SECRET! })]
 */
export function demoPaymentProvider(options: {
  secret: string;
  id?: string;
  baseUrl?: string;
}): PaymentProvider {
  const id = options.id ?? 'demo-pay';
  return {
    id,
    names: { 'uz-Latn': "Demo to'lov", 'uz-Cyrl': 'Демо тўлов', ru: 'Демо-оплата', en: 'Demo payment' },
    async start({ paymentId, amount }) {
      const reference = `demo-${randomUUID()}`;
      const base = options.baseUrl ?? 'https://pay.demo.invalid';
      return { reference, redirectUrl: `${base}/pay/${reference}?amount=${amount}&order=${paymentId}` };
    },
    async verify({ body }) {
      if (typeof body !== 'object' || body === null) return null;
      const { reference, status, amount, signature } = body as Partial<DemoCallbackBody>;
      if (
        typeof reference !== 'string' ||
        (status !== 'paid' && status !== 'failed') ||
        typeof amount !== 'number' ||
        typeof signature !== 'string'
      ) {
        return null;
      }
      const expected = createHmac('sha256', options.secret)
        .update(signed({ reference, status, amount }))
        .digest();
      const given = Buffer.from(signature, 'hex');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      return { reference, paid: status === 'paid', amount };
    },
  };
}
