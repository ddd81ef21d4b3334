/** How calls start: AMI Originate to Local pairs and simulated PJSIP phones, and callers dialling in on the trunk. */
package cc.simulator.calls;
