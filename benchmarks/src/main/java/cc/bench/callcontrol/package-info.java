/** Agent call control in the whole server against the simulator: transfers to a queue, screen pops while recording. */
package cc.bench.callcontrol;
