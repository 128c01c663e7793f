export { main } from './main.js';
export { FORMATTERS, table } from './format.js';
