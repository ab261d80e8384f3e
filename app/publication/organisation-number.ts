/** Brønnøysundregistrene's weights for the first eight digits of an organisation number. */
const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/**
 * Whether a value is a Norwegian organisation number: nine digits, the last a modulus-11 check
 * digit. A remainder that would call for a check digit of 10 is never issued, so such numbers are
 * invalid whatever their last digit.
 */
export function isOrganisationNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * digits[i], 0);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === digits[8];
}
