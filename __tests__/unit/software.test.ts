import type { Tech } from '../../src/model/schema.js';
import { SOFTWARE_SHOWN, topSoftware } from '../../src/core/software.js';

const tech = (name: string, category: string, hot = false, inDemand = false): Tech => ({
  name,
  category,
  hot,
  inDemand,
  source: 's',
});

describe('topSoftware', () => {
  test('a short list shows whole', () => {
    const list = [tech('A', 'x'), tech('B', 'y')];
    expect(topSoftware(list)).toEqual({ shown: list, more: [] });
  });

  test('a long list shows every flagged example, then a spread across categories', () => {
    // 3 categories of 30 examples; two hot, one in demand, all in category "c".
    const list = ['a', 'b', 'c'].flatMap((c) =>
      Array.from({ length: 30 }, (_, i) =>
        tech(`${c}${String(i).padStart(2, '0')}`, c, c === 'c' && i < 2, c === 'c' && i === 29),
      ),
    );
    const { shown, more } = topSoftware(list);
    expect(shown).toHaveLength(SOFTWARE_SHOWN);
    expect(more).toHaveLength(list.length - SOFTWARE_SHOWN);
    expect(shown.filter((t) => t.hot || t.inDemand).map((t) => t.name)).toEqual([
      'c00',
      'c01',
      'c29',
    ]);
    const perCategory = (c: string) => shown.filter((t) => t.category === c).length;
    // 37 unflagged places taken round-robin: 13, 12, 12, plus the three flagged in "c".
    expect([perCategory('a'), perCategory('b'), perCategory('c')]).toEqual([13, 12, 15]);
    // Shown and more keep the list's order and together are the whole list.
    expect([...shown, ...more].sort((x, y) => x.name.localeCompare(y.name))).toEqual(list);
  });

  test('more flagged examples than places: all of them show', () => {
    const list = Array.from({ length: 50 }, (_, i) => tech(`h${i}`, `k${i % 5}`, true));
    expect(topSoftware([...list, tech('plain', 'k0')]).shown).toHaveLength(50);
  });
});
