/** Email intake: messages delivered into a real IMAP server until each is a stored, routed interaction. */
package cc.bench.email;
