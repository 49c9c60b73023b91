/** Process entry point (bin/llm-gateway.js imports this). */
import { main } from './index.js'

await main()
