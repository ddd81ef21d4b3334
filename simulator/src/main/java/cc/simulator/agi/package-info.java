/** The FastAGI client side of Asterisk: connects to the script server, sends the agi_ environment, answers commands. */
package cc.simulator.agi;
