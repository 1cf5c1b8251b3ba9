// The one way to change the map (and to do anything a person asks for by
// button, menu or key): see command.ts.
export { run, canEdit, isEnabled, tooltip, formatShortcut, type Command, type Shortcut } from './command';
export { COMMANDS } from './registry';
export { handleShortcut, commandForKey, isTyping } from './keys';
export * from './stakeholders';
export * from './document';
export * from './view';
export { drag, nudge } from './gesture';
export * from './breakouts';
export * from './votes';
