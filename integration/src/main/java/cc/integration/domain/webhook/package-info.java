/** A webhook subscription's rules, pure: which events it takes and when a batch its receiver refuses is parked. */
package cc.integration.domain.webhook;
