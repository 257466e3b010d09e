// Money as decimal strings ("-1234.50") is added and subtracted exactly through integer øre (BigInt): amounts are
// never floats. The sign belongs to the whole amount, so "-5.50" is −550 øre and "-0.50" is −50.

/** The amount in øre; more than two decimals are cut, as the stores keep two. */
export function oreOf(value: string): bigint {
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = (negative || value.startsWith('+') ? value.slice(1) : value).split(
    '.',
  );
  const ore = BigInt(whole === '' ? '0' : whole) * 100n + BigInt((fraction + '00').slice(0, 2));
  return negative ? -ore : ore;
}

/** Øre back to a decimal string with two decimals. */
export function nokOf(ore: bigint): string {
  const sign = ore < 0n ? '-' : '';
  const abs = ore < 0n ? -ore : ore;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
