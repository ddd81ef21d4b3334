/** Calls as the contact center sees them: channels (legs) grouped into calls, and the normalised events they go through. */
package cc.core.domain.call;
