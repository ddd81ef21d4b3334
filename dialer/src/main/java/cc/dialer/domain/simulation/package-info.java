/**
 * A seeded discrete-event model of a dialing shift (customers answering, agents talking and wrapping up) driven by the
 * real pacer: for what-if planning, the pacing tests and the pacing benchmark.
 */
package cc.dialer.domain.simulation;
