// Types of structuredCodec.cjs for the stand-in's TypeScript side.
export function encodeStructured(value: unknown): string;
export function decodeStructured(text: string): unknown;
