/** Aligned columns whose cells may carry colour codes (widths count visible characters only). */
import { stripAnsi } from 'consola/utils'

export type Align = 'left' | 'right'

const visible = (text: string) => stripAnsi(text).length

export function formatColumns(header: string[], rows: string[][], align: Align[] = []): string {
  const widths = header.map((h, i) => Math.max(visible(h), ...rows.map((r) => visible(r[i] ?? ''))))
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => {
        const pad = ' '.repeat(Math.max(0, widths[i] - visible(cell)))
        if (align[i] === 'right') return pad + cell
        return i === cells.length - 1 ? cell : cell + pad
      })
      .join('  ')
      .trimEnd()
  return [line(header), ...rows.map(line)].join('\n')
}
