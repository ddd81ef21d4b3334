/** The pure core of the email channel: threading, robot detection, acknowledgement limits, attachment limits. */
package cc.email.domain;
