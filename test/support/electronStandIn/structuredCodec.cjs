// Carries already structured-cloned values between the page and the harness as JSON text, keeping
// what JSON alone would lose (undefined, NaN, -0, bigint, Date, RegExp, Map, Set, Error). Loaded by
// Node with require() and inlined into the page's init script, so it is plain CommonJS.
'use strict';

const TAG = '$';

function encodeStructured(value) {
  return JSON.stringify(toTagged(value, new Set()));
}

function decodeStructured(text) {
  return fromTagged(JSON.parse(text));
}

function toTagged(value, path) {
  if (typeof value === 'number') return taggedNumber(value);
  if (typeof value === 'bigint') return { [TAG]: 'bigint', v: String(value) };
  if (value === undefined) return { [TAG]: 'undefined' };
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value !== 'object') throw new TypeError(`the Electron stand-in cannot carry a ${typeof value}`);
  // Values arrive here after a structured clone: only a cycle could bring us back to an ancestor.
  if (path.has(value)) throw new TypeError('the Electron stand-in cannot carry a cyclic value');
  path.add(value);
  try {
    return taggedObject(value, (item) => toTagged(item, path));
  } finally {
    path.delete(value);
  }
}

function taggedNumber(value) {
  if (Number.isNaN(value)) return { [TAG]: 'NaN' };
  if (value === Infinity || value === -Infinity) return { [TAG]: String(value) };
  if (Object.is(value, -0)) return { [TAG]: '-0' };
  return value;
}

function taggedObject(value, tag) {
  if (Array.isArray(value)) return value.map(tag);
  if (value instanceof Date) return { [TAG]: 'Date', v: value.getTime() };
  if (value instanceof RegExp) return { [TAG]: 'RegExp', v: [value.source, value.flags] };
  if (value instanceof Map) return { [TAG]: 'Map', v: [...value].map(([key, item]) => [tag(key), tag(item)]) };
  if (value instanceof Set) return { [TAG]: 'Set', v: [...value].map(tag) };
  if (value instanceof Error) return { [TAG]: 'Error', v: [value.name, value.message] };
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new TypeError(`the Electron stand-in cannot carry ${Object.prototype.toString.call(value)}`);
  }
  const entries = Object.entries(value).map(([key, item]) => [key, tag(item)]);
  // A plain object that has a "$" key of its own is spelled out, so it is never read as a tag.
  if (Object.hasOwn(value, TAG)) return { [TAG]: 'Object', v: entries };
  return Object.fromEntries(entries);
}

function fromTagged(value) {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(fromTagged);
  if (!Object.hasOwn(value, TAG)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fromTagged(item)]));
  }
  const { v } = value;
  switch (value[TAG]) {
    case 'undefined':
      return undefined;
    case 'NaN':
    case 'Infinity':
    case '-Infinity':
    case '-0':
      return Number(value[TAG]);
    case 'bigint':
      return BigInt(v);
    case 'Date':
      return new Date(v);
    case 'RegExp':
      return new RegExp(v[0], v[1]);
    case 'Map':
      return new Map(v.map(([key, item]) => [fromTagged(key), fromTagged(item)]));
    case 'Set':
      return new Set(v.map(fromTagged));
    case 'Error':
      return Object.assign(new Error(v[1]), { name: v[0] });
    case 'Object':
      return Object.fromEntries(v.map(([key, item]) => [key, fromTagged(item)]));
    default:
      throw new TypeError(`unknown tag ${String(value[TAG])}`);
  }
}

module.exports = { encodeStructured, decodeStructured };
