/** Call control as the console sees it: which intents exist, what each needs, and what the console decided. */
package cc.console.domain.callcontrol;
