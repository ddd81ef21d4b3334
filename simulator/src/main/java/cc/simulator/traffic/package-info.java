/** Load: Poisson arrivals of inbound callers with a mix of behaviours. */
package cc.simulator.traffic;
