/** 128 + SIGINT: the shell convention for "stopped by Ctrl-C". */
export const EXIT_INTERRUPTED = 130
