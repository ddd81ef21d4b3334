/**
 * The public self-service page's decisions, clock-free: business hours, the click-to-talk limits, the order lookup's
 * second factor and the estimated wait shown to customers.
 */
package cc.console.domain.selfservice;
