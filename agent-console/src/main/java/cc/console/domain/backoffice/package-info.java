/**
 * The back-office API's rules, pure: API key scopes, the per-key rate limit, and the validation of customers sent by
 * other systems (one JSON object, a CSV line or a JSON line of a bulk import).
 */
package cc.console.domain.backoffice;
