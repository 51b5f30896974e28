// The simulation's public surface: what the shell, the lessons and the UI use. A client talks to
// the cluster only through these calls, as kubectl talks to a real one only through the API.

export { createCluster, newState, joinNode, serviceIPAt, CLUSTER_AGE_MS } from './cluster.js';
export { settle, advance } from './settle.js';
export { apiCreate, apiUpdate, apiGet, resourceForObject, type ApiResult, type WriteOptions, type UpdateOptions } from './api-server/registry.js';
export { apiDelete, type DeleteOptions } from './api-server/delete.js';
export { apiList, type ListOptions } from './api-server/list.js';
export { isApiError, fieldErrorText, type ApiError, type FieldError } from './api-server/errors.js';
export { RESOURCES, resolveResourceName, lookupKind, apiVersionOf, type Kind, type ResourceInfo } from './api-server/resources.js';
export { DEFAULT_CONFIG, resolveConfig, validateConfig, type ClusterConfig, type ProxyMode } from './config.js';
export type { SimState, WatchEvent } from './state.js';
export type * from './types.js';
