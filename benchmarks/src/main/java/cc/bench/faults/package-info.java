/** Whole-server runs with faults injected on a schedule: what was survived, counted per fault. */
package cc.bench.faults;
