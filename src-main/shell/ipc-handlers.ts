/**
 * The main process's side of the contract: one `ipcMain.handle` per operation. Each call
 * must come from the app's own window, from its top frame, showing an `app://synack` page;
 * anything else gets an `ApiError` without reaching the service. Arguments go through the
 * shared dispatcher (the contract's schemas), so what returns is always a plain `ApiResult`.
 */
import { OPERATION_NAMES, OPERATIONS, type ApiResult, type ServiceOperations } from '../ipc/contract.ts';
import { dispatch } from '../ipc/dispatch.ts';
import { isAppUrl } from './app-protocol.ts';
import type { IpcInvokeEvent, IpcMainPort } from './electron-port.ts';

/** What a call from anywhere but the app's own page gets back. */
export const UNTRUSTED_SENDER: ApiResult<never> = Object.freeze({
  ok: false,
  code: 'VALIDATION',
  message: 'the call did not come from the Synack window',
  field: 'sender',
});

/**
 * True when the call comes from one of the app's windows (`isAppWebContents`), from the top
 * frame (not an iframe), currently on an `app://synack/` page.
 */
export function isTrustedSender(event: IpcInvokeEvent, isAppWebContents: (sender: unknown) => boolean): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url) && isAppWebContents(event.sender);
}

/** Registers every operation's handler; returns a function that removes them all. */
export function registerIpcHandlers(ipcMain: IpcMainPort, service: ServiceOperations, isAppWebContents: (sender: unknown) => boolean): () => void {
  for (const name of OPERATION_NAMES) {
    ipcMain.handle(OPERATIONS[name].channel, async (event, ...args) => {
      if (!isTrustedSender(event, isAppWebContents)) return UNTRUSTED_SENDER;
      return dispatch(service, name, args);
    });
  }
  return () => {
    for (const name of OPERATION_NAMES) ipcMain.removeHandler(OPERATIONS[name].channel);
  };
}
