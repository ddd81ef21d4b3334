/** IVR load benchmark: simulated callers looping through a menu over FastAGI, our server beside asterisk-java's. */
package cc.bench.ivr;
