#!/usr/bin/env node
// The executable: runs the built CLI (npm run build writes dist/).
import('../dist/cli/main.js').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli/main.js')) {
    process.stderr.write('llm-gateway: not built yet — run `npm run build` first\n')
    process.exit(2)
  }
  throw error
})
