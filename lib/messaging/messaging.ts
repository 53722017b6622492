import type { z } from 'zod/mini';
import { browser, type Browser } from 'wxt/browser';
import { parseOrThrow } from '../schema-error.ts';
import { envelopeSchema, protocol, type MessageName, type MessageRequest, type MessageResponse, type Protocol } from './protocol.ts';

/** Handles one validated request; its answer is validated too before it leaves. */
export type MessageHandler<N extends MessageName> = (
  request: z.output<Protocol[N]['request']>,
  sender: Browser.runtime.MessageSender,
) => Promise<MessageResponse<N>> | MessageResponse<N>;

/**
 * Sends a typed message to the background and validates its answer.
 *
 * @example
 * const { evaluations } = await sendMessage('evaluateTickets', { tickets, pageUrl: location.href });
 */
export async function sendMessage<N extends MessageName>(name: N, data: MessageRequest<N>): Promise<MessageResponse<N>> {
  const request = parseOrThrow(protocol[name].request, data, `${name} request`);
  const reply: unknown = await browser.runtime.sendMessage({ slaLens: 1, name, data: request });
  const envelope = parseOrThrow(envelopeSchema, reply, `${name} reply`);
  if (envelope.name === 'error') throw new Error(`${name} failed in the background: ${String(envelope.data)}`);
  // Indexing the protocol by a generic name loses the per-message type; the schema guarantees it.
  return parseOrThrow(protocol[name].response, envelope.data, `${name} response`) as MessageResponse<N>;
}

/**
 * Registers handlers for messages (in the background). Requests are validated before the handler
 * runs; an invalid request or a failing handler answers with an error envelope instead of throwing.
 *
 * @example
 * onMessages({ refreshQueue: async () => ({ refreshed: 0, failed: [] }) });
 */
export function onMessages(handlers: { [N in MessageName]?: MessageHandler<N> }): () => void {
  const respond = async (name: MessageName, data: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> => {
    try {
      const handler = handlers[name] as MessageHandler<MessageName>;
      const request = parseOrThrow(protocol[name].request, data, `${name} request`);
      const response = await handler(request, sender);
      return { slaLens: 1, name, data: parseOrThrow(protocol[name].response, response, `${name} response`) };
    } catch (error) {
      return { slaLens: 1, name: 'error', data: error instanceof Error ? error.message : String(error) };
    }
  };
  // sendResponse + `return true` rather than a returned promise: the form every supported browser honours.
  const listener = (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: unknown) => void): boolean => {
    const envelope = envelopeSchema.safeParse(message);
    if (!envelope.success || !(envelope.data.name in handlers)) return false;
    void respond(envelope.data.name as MessageName, envelope.data.data, sender).then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
