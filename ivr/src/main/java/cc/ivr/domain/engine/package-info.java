/** The flow interpreter: session state and the last outcome in, the next actions out, as data; no I/O, no clock. */
package cc.ivr.domain.engine;
