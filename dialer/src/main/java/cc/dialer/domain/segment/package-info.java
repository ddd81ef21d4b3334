/** Call lists from customer segments: validated filter conditions, and turning the matched customers into contacts. */
package cc.dialer.domain.segment;
