/**
 * FlushStageCache is a control-plane call whose effect lives in the data plane's response cache.
 * The data plane subscribes here, so the control plane does not depend on its internals.
 */
type Listener = (apiId: string, stageName: string) => void;

const listeners = new Set<Listener>();

export function onStageCacheFlush(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emitStageCacheFlush(apiId: string, stageName: string): void {
  for (const listener of listeners) listener(apiId, stageName);
}
