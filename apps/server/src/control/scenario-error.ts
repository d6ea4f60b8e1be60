/**
 * A scenario that cannot be played as asked (a bad `Prefer` value, an unknown example, a rule
 * that contradicts itself); its message says what and why. Answered 400 in the server's envelope.
 */
export class ScenarioError extends Error {
  override name = "ScenarioError";
}
