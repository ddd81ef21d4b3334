/**
 * Dial permissions shared by the dialer and click-to-dial: which numbers may be called and how many lines may be
 * used, decided as data with the reason for the audit log.
 */
package cc.core.domain.dialing;
