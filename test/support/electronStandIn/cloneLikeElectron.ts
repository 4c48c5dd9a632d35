// Electron copies every IPC value with the structured clone algorithm; in Node that is v8's serializer.
import { deserialize, serialize } from 'node:v8';

/** A structured clone of value, or an Error with Electron's message for what cannot be cloned. */
export function cloneLikeElectron(value: unknown, failureMessage: string): unknown {
  let bytes: Buffer;
  try {
    bytes = serialize(value);
  } catch {
    throw new Error(failureMessage);
  }
  return deserialize(bytes);
}
