import * as Elements from 'bpmn-elements';
import type { Definitions, ParseResult } from 'bpmn-moddle';
import serializer, { TypeResolver, deserialize, type SerializableContext } from 'moddle-context-serializer';

const typeResolver = TypeResolver(Elements);

/** The engine-ready form of a parsed model, as the JSON string stored in CompiledDefinition.serialized. */
export function serializeModel(model: ParseResult): string {
  // The serializer's typings call the parse result "Definitions"; it takes the whole fromXML result.
  return serializer(model as unknown as Definitions, typeResolver).serialize();
}

export function deserializeSource(serialized: string): SerializableContext {
  return deserialize(JSON.parse(serialized), typeResolver);
}
