// Document shapes, one interface per collection, split by concept under
// model/; import them from here. `docs/data-model.md` says who writes each field
// (client under rules, or functions only).
export * from './model/time';
export * from './model/settings';
export * from './model/people';
export * from './model/cases';
export * from './model/conversations';
export * from './model/routing';
export * from './model/metrics';
export * from './model/handoff';
export * from './model/audit';
