/** Campaign reports as data: per campaign and day, dials, contacts, abandon rates by each regulator, utilisation, ROI. */
package cc.dialer.domain.report;
