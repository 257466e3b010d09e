// Norwegian organisation numbers (organisasjonsnummer): 9 digits, the last a mod-11 check digit. Pure.
const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/** The check digit for the first eight digits, or null when no valid check digit exists (remainder 1). */
export function computeOrgNumberCheckDigit(firstEight: string): number | null {
  if (!/^\d{8}$/.test(firstEight)) return null;
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(firstEight[index]), 0);
  const remainder = sum % 11;
  if (remainder === 0) return 0;
  if (remainder === 1) return null;
  return 11 - remainder;
}

/** Accepts "923 609 016", "NO923609016MVA" and "923609016"; returns the 9 digits or null. */
export function normaliseOrgNumber(input: string): string | null {
  const compact = input.replace(/[\s.]/g, '').toUpperCase();
  const match = /^(?:NO)?(\d{9})(?:MVA)?$/.exec(compact);
  return match ? match[1]! : null;
}

export function isValidOrgNumber(input: string): boolean {
  const digits = normaliseOrgNumber(input);
  if (!digits) return false;
  const check = computeOrgNumberCheckDigit(digits.slice(0, 8));
  return check !== null && check === Number(digits[8]);
}

/** Makes a valid organisation number from an eight-digit stem by stepping the stem until one exists (demo data). */
export function orgNumberFromStem(stem: number): string {
  for (let candidate = stem; ; candidate += 1) {
    const firstEight = String(candidate % 100_000_000).padStart(8, '0');
    const check = computeOrgNumberCheckDigit(firstEight);
    if (check !== null) return `${firstEight}${check}`;
  }
}
