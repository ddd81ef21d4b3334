/** The mailbox over IMAP (IDLE) and sending over SMTP, through Jakarta Mail with Eclipse Angus. */
package cc.email.adapter.mail;
