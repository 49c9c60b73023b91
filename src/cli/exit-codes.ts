/** What the CLI's exit status means: scripts can rely on it. */
export const EXIT_OK = 0
/** The request (or command) failed: the provider's error is shown. */
export const EXIT_FAILED = 1
/** Bad usage or configuration: fix the command line or the config file. */
export const EXIT_USAGE = 2
