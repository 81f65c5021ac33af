// Things made once and kept: by policy set, place, county or path, looked up on every screening.

interface Keeper<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/** The value kept under `key`, made by `make` the first time it is asked for. */
export function keptIn<K, V>(store: Keeper<K, V>, key: K, make: () => V): V {
  let value = store.get(key);
  if (value === undefined) {
    value = make();
    store.set(key, value);
  }
  return value;
}
