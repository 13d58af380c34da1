export { allowedTypesFrom, type InspectionResult } from './inspection';
export { createInspector, type Inspector, type InspectorOptions } from './inspector';
export { inspectStored, type StoredInspectionOptions } from './inspect-stored';
export type { AllowedType, AllowedTypes } from '../../domain/files/file-types';
