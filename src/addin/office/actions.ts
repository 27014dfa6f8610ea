/**
 * The event Outlook passes to a function command (`ExecuteFunction`) or a launch-event handler
 * (`LaunchEvent`). The handler must call `completed` exactly once, when it is done; a send handler
 * passes `{ allowEvent: true }` to let the message go.
 */
export type CommandEvent = { completed(options?: { allowEvent?: boolean }): void };

export type CommandHandler = (event: CommandEvent) => void | Promise<void>;

type OfficeActionsHost = { Office?: { actions?: { associate(name: string, handler: (event: CommandEvent) => void): void } } };

/**
 * Registers `handler` under `name`, the FunctionName that manifest.xml gives it.
 *
 * `Office.actions.associate` is how current Outlook finds the function, and the only way in classic
 * Outlook's JavaScript-only runtime for launch events. Older clients running function commands look
 * the name up on the global object instead, so the handler is put there as well. Without an Office
 * global (the browser preview) only the global is set.
 *
 * A handler that throws or rejects is reported on the console; completing the event is still the
 * handler's job (use `finally`), since only it knows which options to complete with.
 */
export function associate(name: string, handler: CommandHandler): void {
  const run = (event: CommandEvent): void => {
    new Promise<void>((resolve) => resolve(handler(event))).catch((error: unknown) => {
      console.error(`Rapport: ${name} failed`, error);
    });
  };
  (globalThis as Record<string, unknown>)[name] = run;
  (globalThis as OfficeActionsHost).Office?.actions?.associate(name, run);
}
