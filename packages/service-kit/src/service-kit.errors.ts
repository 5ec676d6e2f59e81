import { DarchaError } from '@darcha/core';

/** The coded errors of `@darcha/service-kit`; each is a pack author's mistake, raised at build time. */
export const serviceKitErrors = {
  documentFieldInvalid(field: { label: string; path: string }): DarchaError {
    return new DarchaError({
      code: 'DARCHA_SERVICE_KIT_DOCUMENT_FIELD_INVALID',
      kind: 'invalid',
      message: `Document field ${JSON.stringify(field)} is not a plain translation key and template path.`,
      hint: "Give a label such as 'cadastre.number' and a path such as 'form.cadastreNumber' (letters, digits, _ and dots).",
      details: { field },
    });
  },

  bhmMultipleInvalid(multiple: number): DarchaError {
    return new DarchaError({
      code: 'DARCHA_SERVICE_KIT_FEE_INVALID',
      kind: 'invalid',
      message: `bhmFee(${multiple}): the multiple of the BHM must be a positive finite number.`,
      hint: 'Pass the multiple as a decimal: 0.18 for 18% of the BHM, 1.25 for 1.25 BHM.',
      details: { multiple },
    });
  },
};
