/**
 * A small seeded fuzzing kit of our own (we do not use jqwik): {@link cc.core.testkit.fuzz.Fuzz} runs a target over
 * a number of generated inputs and prints one summary line; {@link cc.core.testkit.fuzz.TextMutator} and
 * {@link cc.core.testkit.fuzz.JsonMutator} turn real inputs (trace frames, shipped YAML, sample bodies) into
 * hostile ones. Every input has its own seed, printed on failure, so {@code -Dfuzz.seed=N -Dfuzz.inputs=1} replays
 * exactly the input that failed.
 */
package cc.core.testkit.fuzz;
