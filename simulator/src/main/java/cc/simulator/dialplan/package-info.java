/** The simulated dialplan: contexts, extension patterns, and the applications a channel runs through them. */
package cc.simulator.dialplan;
