/** The simulated people: how called phones behave and how callers press keys, wait and hang up. */
package cc.simulator.people;
