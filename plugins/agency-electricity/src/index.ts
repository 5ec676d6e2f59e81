export { default } from './plugin.js';
export { electricityBasics } from './services/electricity-basics.js';
