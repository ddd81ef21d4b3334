/** The Asterisk simulator's public API: start it, place callers, run traffic, inject failures, read what happened. */
package cc.simulator;
