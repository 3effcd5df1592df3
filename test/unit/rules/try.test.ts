import { it } from 'vitest';
import { seedInputs, modelOf, validate } from './helpers';
it('x', () => {
  const f = validate(modelOf(seedInputs()));
  for (const x of f) console.log(x.severity, x.key, x.message, x.expected, x.actual);
});
