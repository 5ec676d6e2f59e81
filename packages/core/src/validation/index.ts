export { createAjv } from './create-ajv.js';
export { compileDetached, sharedAjv, type SharedAjvOptions } from './shared-ajv.js';
export { compileLater, type Validator } from './compile-later.js';
