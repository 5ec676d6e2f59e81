import { djizak } from './djizak.js';

/** city-djizak: the city pack of Djizak, an OSS run as a state unitary enterprise. */
export default djizak.plugin;
export { djizak };
