/** The Asterisk Manager Interface adapter: the telephony port over AMI, with asterisk-java as wire codec and socket client only. */
package cc.core.adapter.ami;
