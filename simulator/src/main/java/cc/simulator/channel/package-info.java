/** Simulated channels, bridges and the switch that owns them and turns every change into the AMI events Asterisk sends. */
package cc.simulator.channel;
