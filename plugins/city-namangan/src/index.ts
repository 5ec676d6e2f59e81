import { namangan } from './namangan.js';

/** city-namangan: the city pack of Namangan, an OSS run as a state unitary enterprise. */
export default namangan.plugin;
export { namangan };
