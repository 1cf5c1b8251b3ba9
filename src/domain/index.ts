// The public face of the domain: everything outside src/domain imports from here.
export * from './model';
export { parseMap, serializeMap, type ParseResult, type Problem } from './format';
export * from './edits';
export * from './geometry';
export { checkMap, type Finding, type Severity } from './check';
