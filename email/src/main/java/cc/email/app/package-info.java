/** The email channel's service: the intake of received mail, the agents' answers, and the ports they use. */
package cc.email.app;
