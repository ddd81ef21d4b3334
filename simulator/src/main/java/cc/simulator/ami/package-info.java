/** The AMI server side: framing, sessions and the actions a manager client may send, as Asterisk 22 answers them. */
package cc.simulator.ami;
