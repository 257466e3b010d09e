// The programme feature's public surface: what other features may use (see .dependency-cruiser.cjs).

export { isoFromNorwegian, risks, stakeholders, timeline, transitions } from './programme.demo-data.js';
