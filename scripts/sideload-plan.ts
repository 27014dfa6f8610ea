/**
 * What `npm run sideload[:desktop|:web]` and `npm run unsideload` do on this machine, decided
 * before anything is built or started: scripts/sideload.ts carries it out.
 */
export type SideloadCommand = 'auto' | 'desktop' | 'web' | 'stop';

export type SideloadPlan =
  /** Nothing to do here: say why and what to do instead. */
  | { kind: 'say'; message: string; exitCode: number }
  /** office-addin-debugging registers the manifest with Outlook on Windows and opens it. */
  | { kind: 'desktop' }
  /** Serve over https and tell the user how to add the manifest in Outlook on the web. */
  | { kind: 'web'; message: string }
  /** office-addin-debugging removes the registration and stops the service it started. */
  | { kind: 'unregister' };

export type SideloadContext = {
  outlookWebReachable: () => Promise<boolean>;
  outlookWebUrl: string;
  port: number;
};

/** Exit status of a command that could not do its work on this machine (1 is left to failures). */
export const NOT_HERE = 2;

const preview = (port: number) =>
  `Without Outlook, \`npm start\` runs the same task pane in the mailbox preview at http://localhost:${port}/preview/.`;

export async function sideloadPlan(command: SideloadCommand, platform: NodeJS.Platform, context: SideloadContext): Promise<SideloadPlan> {
  const { port } = context;
  const manifest = 'dist/addin/manifest.xml';
  switch (command) {
    case 'auto':
      return sideloadPlan(platform === 'win32' ? 'desktop' : 'web', platform, context);
    case 'desktop':
      if (platform === 'win32') return { kind: 'desktop' };
      if (platform === 'darwin') {
        return {
          kind: 'say',
          exitCode: NOT_HERE,
          message: [
            'Outlook for Mac cannot be sideloaded from the command line: Microsoft\'s office-addin-debugging registers mail add-ins with Outlook on Windows only.',
            `Run \`npm run sideload:web\` instead; while it serves Rapport, add ${manifest} in Outlook for Mac under Get Add-ins → My add-ins → Add a custom add-in → Add from file.`,
            preview(port),
          ].join('\n'),
        };
      }
      return {
        kind: 'say',
        exitCode: NOT_HERE,
        message: [
          `There is no Outlook desktop on this machine (${platform}): it runs on Windows and macOS.`,
          '`npm run sideload:web` serves Rapport for Outlook on the web instead.',
          preview(port),
        ].join('\n'),
      };
    case 'web':
      if (!(await context.outlookWebReachable())) {
        return {
          kind: 'say',
          exitCode: NOT_HERE,
          message: [
            `Outlook on the web (${context.outlookWebUrl}) cannot be reached from this machine, so Rapport cannot be tried in it here.`,
            preview(port),
          ].join('\n'),
        };
      }
      return {
        kind: 'web',
        message: [
          `Rapport is being served at https://localhost:${port} (dev mode, demo data). To add it to Outlook on the web:`,
          `  1. Open ${context.outlookWebUrl}mail/ and sign in.`,
          '  2. Open a message, choose Apps (or … → Get Add-ins) → My add-ins → Add a custom add-in → Add from file.',
          `  3. Pick ${manifest}. Rapport appears on the message's ribbon; \`npm run unsideload\` tells how to remove it.`,
          'Stop serving with Ctrl+C.',
        ].join('\n'),
      };
    case 'stop':
      if (platform === 'win32') return { kind: 'unregister' };
      return {
        kind: 'say',
        exitCode: 0,
        message: [
          `Nothing is registered on this machine (${platform}): only Outlook on Windows is sideloaded from the command line.`,
          'In Outlook on the web or for Mac, remove Rapport under My add-ins → Custom add-ins → … → Remove.',
        ].join('\n'),
      };
    default:
      return { kind: 'say', exitCode: 1, message: `Unknown sideload command "${String(command)}": use desktop, web or stop (or none for this machine's Outlook).` };
  }
}
