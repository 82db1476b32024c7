import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Fold, foldPoint } from './fold.js'

const list = (n: number) => Array.from({ length: n }, (_, i) => `item ${i + 1}`)
const render = (items: string[], first = 5) =>
  renderToStaticMarkup(
    <Fold
      items={items}
      first={first}
      noun="items"
      render={(shown, part) => (
        <ul data-part={part}>
          {shown.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      )}
    />,
  )

describe('Fold', () => {
  it('shows the first items and puts the rest in a <details> whose summary counts them all', () => {
    const html = render(list(12))
    expect(html).toContain('<ul data-part="first"><li>item 1</li>')
    expect(html).toContain('<details class="fold"><summary>Show all 12 items<span class="fold-count"> (7 more)</span></summary><ul data-part="rest"><li>item 6</li>')
    expect(html.match(/<li>/g)).toHaveLength(12)
  })

  it('shows a short list whole, and does not fold away only one or two items', () => {
    expect(render(list(5))).not.toContain('<details')
    expect(render(list(7))).not.toContain('<details')
    expect(render(list(8))).toContain('Show all 8 items')
  })

  it('renders nothing but the list for an empty one', () => {
    expect(render([])).toBe('<ul data-part="first"></ul>')
  })
})

describe('foldPoint', () => {
  it('cuts after `first` items unless that would hide two or fewer', () => {
    expect(foldPoint(100, 12)).toBe(12)
    expect(foldPoint(14, 12)).toBe(14)
    expect(foldPoint(15, 12)).toBe(12)
  })
})
