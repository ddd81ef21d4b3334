/** The email channel: a mailbox read over IMAP IDLE, answered over SMTP, each thread routed by the ACD. */
package cc.email;
